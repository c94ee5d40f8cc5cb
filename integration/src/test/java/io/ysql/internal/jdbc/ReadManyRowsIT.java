package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import io.ysql.internal.codec.PgTypes;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.Session;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Big results read back exactly: the shape the read benchmark uses ({@code int8}, {@code text},
 * {@code float8}, {@code timestamptz}, {@code numeric(12,2)}, {@code bool}) over many storage
 * chunks, with NULLs, values bigger than a chunk and the empty result, through a plain statement
 * (text), a prepared statement's first run (text) and its later runs (binary for the types the
 * driver reads in binary), JDBC and the cursor API alike.
 */
class ReadManyRowsIT {
    private static final int ROWS = 30_000;
    private static final String SELECT = "SELECT id, label, ratio, created, amount, active FROM many_rows ORDER BY id";

    private Connection conn;

    @BeforeEach
    void fill() throws SQLException {
        conn = TestServer.connect();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE many_rows (id int8, label text, ratio float8, created timestamptz, "
                    + "amount numeric(12,2), active bool)");
            // every 97th row all NULL but its id; every 10007th with a label far bigger than a storage chunk
            st.execute("INSERT INTO many_rows SELECT i, "
                    + "CASE WHEN i % 10007 = 0 THEN repeat('big', 100000) || i WHEN i % 97 <> 0 THEN 'label ' || i END, "
                    + "CASE WHEN i % 97 <> 0 THEN i / 7.0 END, "
                    + "CASE WHEN i % 97 <> 0 THEN timestamptz '2024-01-01 00:00:00+00' + i * interval '1.5 second' END, "
                    + "CASE WHEN i % 97 <> 0 THEN (i % 1000000) / 100.0 - 5000 END, "
                    + "CASE WHEN i % 97 <> 0 THEN i % 3 = 0 END "
                    + "FROM generate_series(1, " + ROWS + ") AS i");
        }
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    /** Every row through the typed getters, as text, with NULLs spelled out. */
    private static List<String> read(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            sb.append(rs.getLong(1)).append('|').append(rs.getString(2)).append('|');
            double ratio = rs.getDouble(3);
            sb.append(rs.wasNull() ? "null" : Double.toString(ratio)).append('|');
            sb.append(rs.getTimestamp(4)).append('|').append(rs.getObject(4, OffsetDateTime.class)).append('|');
            sb.append(rs.getBigDecimal(5)).append('|');
            boolean active = rs.getBoolean(6);
            sb.append(rs.wasNull() ? "null" : Boolean.toString(active));
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void everyRunOfEveryApiReadsTheSameRows() throws SQLException {
        List<String> text;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(SELECT)) {
            text = read(rs);
        }
        assertThat(text).hasSize(ROWS);
        assertThat(text.get(96)).isEqualTo("97|null|null|null|null|null|null");
        assertThat(text.get(10006)).startsWith("10007|bigbigbig").contains("10007|");
        try (PreparedStatement ps = conn.prepareStatement(SELECT)) {
            for (int run = 1; run <= 3; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(read(rs)).as("run %d", run).isEqualTo(text);
                }
            }
        }
    }

    @Test
    void fromTheSecondRunTheBinaryTypesComeInBinary() throws SQLException {
        Session session = conn.unwrap(JdbcConnection.class).session();
        QueryResult first = session.execute(SELECT, Bindings.NONE, 0, null);
        QueryResult second = session.execute(SELECT, Bindings.NONE, 0, null);
        assertThat(first.rows().size()).isEqualTo(ROWS);
        assertThat(second.rows().size()).isEqualTo(ROWS);
        for (RowDescription.Field f : first.description().fields()) {
            assertThat(f.format()).as("first run, %s", f.name()).isEqualTo((short) 0);
        }
        for (RowDescription.Field f : second.description().fields()) {
            assertThat(f.format()).as("second run, %s", f.name())
                    .isEqualTo((short) (PgTypes.binaryResult(f.typeOid()) ? 1 : 0));
        }
        // int8, float8 and bool at least are binary from the second run on
        assertThat(second.description().fields()[0].format()).isEqualTo((short) 1);
        assertThat(second.description().fields()[2].format()).isEqualTo((short) 1);
        assertThat(second.description().fields()[5].format()).isEqualTo((short) 1);
    }

    @Test
    void theCursorApiReadsTheSameRows() throws SQLException {
        List<String> jdbc;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, label, amount FROM many_rows ORDER BY id")) {
            jdbc = new ArrayList<>();
            while (rs.next()) jdbc.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3));
        }
        YsqlConnection ysql = conn.unwrap(YsqlConnection.class);
        for (int run = 1; run <= 2; run++) {
            try (Cursor cur = ysql.cursor()) {
                cur.execute("SELECT id, label, amount FROM many_rows ORDER BY id");
                List<String> got = new ArrayList<>();
                Row first = cur.fetchone();
                got.add(first.get(0) + "|" + first.get(1) + "|" + first.get(2));
                for (Row r : cur.fetchmany(1234)) got.add(r.get(0) + "|" + r.get(1) + "|" + r.get(2));
                for (Row r : cur.fetchall()) got.add(r.get(0) + "|" + r.get(1) + "|" + r.get(2));
                assertThat(got).as("run %d", run).isEqualTo(jdbc);
                assertThat(cur.fetchone()).isNull();
            }
        }
    }

    @Test
    void maxRowsKeepsTheFirstRows() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT)) {
            ps.setMaxRows(12_345);
            for (int run = 1; run <= 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> rows = read(rs);
                    assertThat(rows).hasSize(12_345);
                    assertThat(rows.get(12_344)).startsWith("12345|label 12345|");
                }
            }
        }
    }

    @Test
    void anEmptyResultAndRowsWithoutColumns() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT.replace("ORDER BY", "WHERE id < 0 ORDER BY"))) {
            for (int run = 1; run <= 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isFalse();
                }
            }
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT FROM many_rows")) {
            int n = 0;
            while (rs.next()) n++;
            assertThat(n).isEqualTo(ROWS);
            assertThat(rs.getMetaData().getColumnCount()).isZero();
        }
    }
}
