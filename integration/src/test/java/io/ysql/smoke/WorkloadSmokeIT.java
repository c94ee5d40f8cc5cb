package io.ysql.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everyday work on a server version: common types travel both ways and read back as the server
 * prints them, a statement run often becomes a server-side prepared statement, a batch lands in
 * one round trip, a transaction with a savepoint commits, and the metadata queries run. Part of
 * the smoke suite that CI runs on every server version.
 */
class WorkloadSmokeIT {
    private final PgCluster cluster = PgCluster.shared();
    private YsqlConnection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        conn.createStatement().execute("DROP TABLE IF EXISTS smoke_items; CREATE TABLE smoke_items "
                + "(id int PRIMARY KEY, name text, price numeric(10,2), born date, tags text[], doc jsonb)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.createStatement().execute("DROP TABLE IF EXISTS smoke_items");
        conn.close();
    }

    @Test
    void commonTypesRoundTripAsTheServerPrintsThem() throws SQLException {
        List<Object[]> cases = List.of(
                new Object[] {"int4", 42, "42"},
                new Object[] {"int8", Long.MIN_VALUE, Long.toString(Long.MIN_VALUE)},
                new Object[] {"numeric", new BigDecimal("-12345678901234567890.000123"), "-12345678901234567890.000123"},
                new Object[] {"text", "héllo, wörld", "héllo, wörld"},
                new Object[] {"date", LocalDate.of(1999, 12, 31), "1999-12-31"},
                new Object[] {"uuid", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                              "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
                new Object[] {"bytea", new byte[] {0, 1, (byte) 0xFF}, "\\x0001ff"});
        for (Object[] c : cases) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?::" + c[0] + "::text, ?::" + c[0])) {
                for (int run = 0; run < 6; run++) { // past the prepare threshold: binary results
                    ps.setObject(1, c[1]);
                    ps.setObject(2, c[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).as("%s as the server prints it", c[0]).isEqualTo(c[2]);
                        assertThat(rs.getString(2)).as("%s read back, run %d", c[0], run).isEqualTo(c[2]);
                    }
                }
            }
        }
        OffsetDateTime ts = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000, ZoneOffset.UTC);
        Row row = conn.cursor().execute("SELECT %s::timestamptz = '2024-02-29 23:59:59.123456+00', "
                + "%s::int4[], '{\"a\": [1, 2]}'::jsonb -> 'a'", ts, List.of(1, 2, 3)).fetchone();
        assertThat(row.get(0)).isEqualTo(true);
        assertThat(row.getString(1)).isEqualTo("{1,2,3}");
        assertThat(row.getString(2)).isEqualTo("[1, 2]");
    }

    @Test
    void aStatementRunOftenIsPreparedOnTheServer() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int + 1")) {
            for (int i = 0; i < 10; i++) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(i + 1);
                }
            }
        }
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_prepared_statements")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isPositive();
        }
    }

    @Test
    void aBatchAndATransactionWithASavepointCommit() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO smoke_items (id, name, price, born, tags, doc) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            for (int i = 1; i <= 500; i++) {
                ps.setInt(1, i);
                ps.setString(2, "item " + i);
                ps.setBigDecimal(3, BigDecimal.valueOf(i, 2));
                ps.setObject(4, LocalDate.of(2000, 1, 1).plusDays(i));
                ps.setArray(5, conn.createArrayOf("text", new String[] {"t" + i, null}));
                ps.setString(6, "{\"n\": " + i + "}");
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(500).containsOnly(1);
        }
        var savepoint = conn.setSavepoint();
        conn.createStatement().execute("DELETE FROM smoke_items");
        conn.rollback(savepoint);
        conn.commit();
        conn.setAutoCommit(true);
        Row row = conn.cursor().execute("SELECT count(*), sum(price), max(tags[1]), max((doc->>'n')::int) "
                + "FROM smoke_items").fetchone();
        assertThat(row.getString(0)).isEqualTo("500");
        assertThat(row.getString(1)).isEqualTo("1252.50");
        assertThat(row.getString(2)).isEqualTo("t99");
        assertThat(row.getString(3)).isEqualTo("500");
    }

    @Test
    void theMetadataQueriesRun() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertThat(count(md.getTables(null, "public", "smoke_items", null))).isEqualTo(1);
        assertThat(count(md.getColumns(null, "public", "smoke_items", null))).isEqualTo(6);
        assertThat(count(md.getPrimaryKeys(null, "public", "smoke_items"))).isEqualTo(1);
        assertThat(count(md.getIndexInfo(null, "public", "smoke_items", false, false))).isEqualTo(1);
        assertThat(count(md.getFunctions(null, "pg_catalog", "abs"))).isPositive();
        assertThat(count(md.getProcedures(null, "pg_catalog", "%"))).isNotNegative(); // runs: functions are no procedures
        assertThat(count(md.getTypeInfo())).isPositive();
        assertThat(count(md.getSchemas())).isPositive();
    }

    private static int count(ResultSet rs) throws SQLException {
        int n = 0;
        try (rs) {
            while (rs.next()) n++;
        }
        return n;
    }
}
