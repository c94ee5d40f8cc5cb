package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code rewrite_batched_inserts}: a batch of a single-row INSERT reaches the server as
 * multi-row INSERTs (seen in {@code pg_prepared_statements} once they are prepared), inserts
 * every row once, reports pgjdbc's update counts, and fails as one piece.
 */
class RewriteBatchIT {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = connect("reWriteBatchedInserts", "true");
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS rewrite_rows; CREATE TABLE rewrite_rows (id int PRIMARY KEY, label text, "
                    + "n numeric)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS rewrite_rows");
        }
        conn.close();
    }

    static Connection connect(String option, String value) throws SQLException {
        PgCluster c = TestServer.cluster();
        Properties p = new Properties();
        p.setProperty("user", c.superuser());
        p.setProperty("password", c.superuserPassword());
        p.setProperty(option, value);
        return DriverManager.getConnection(c.jdbcUrl(), p);
    }

    private void addRows(PreparedStatement ps, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            ps.setInt(1, i);
            ps.setString(2, i % 7 == 0 ? null : "row " + i);
            ps.setBigDecimal(3, new java.math.BigDecimal(i).movePointLeft(2));
            ps.addBatch();
        }
    }

    private String check() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), "
                + "bool_and(label IS NOT DISTINCT FROM CASE WHEN id % 7 = 0 THEN NULL ELSE 'row ' || id END), "
                + "bool_and(n = id / 100.0) FROM rewrite_rows")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getBoolean(3) + "|" + rs.getBoolean(4);
        }
    }

    private List<String> preparedTexts() throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT statement FROM pg_prepared_statements ORDER BY length(statement)")) {
            while (rs.next()) texts.add(rs.getString(1));
        }
        return texts;
    }

    @Test
    void aBatchBecomesMultiRowInsertsAndEveryRowArrivesOnce() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO rewrite_rows (id, label, n) VALUES (?, ?, ?)")) {
            for (int batch = 0; batch < 6; batch++) {
                addRows(ps, batch * 1000, batch * 1000 + 1000);
                int[] counts = ps.executeBatch();
                assertThat(counts).hasSize(1000).containsOnly(1);
            }
        }
        assertThat(check()).isEqualTo("6000|6000|true|true");
        // prepared once the cache's threshold was reached: one text per chunk size of 1000 rows (128, 64, 32, 8)
        List<String> texts = preparedTexts();
        assertThat(texts).hasSize(4);
        assertThat(texts.get(0)).contains("($22, $23, $24)").doesNotContain("$25");
        assertThat(texts.get(3)).contains("($382, $383, $384)").doesNotContain("$385");
    }

    @Test
    void onConflictDoNothingCountsRowsItCannotAttributeAsSuccessNoInfo() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("INSERT INTO rewrite_rows VALUES (2, 'two', 0.02)");
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO rewrite_rows VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            addRows(ps, 0, 6); // chunks of 4 (with the conflict) and 2
            assertThat(ps.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO,
                    Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, 1, 1);
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM rewrite_rows")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(6);
        }
    }

    @Test
    void aFailingRowFailsTheWholeBatchAndTheConnectionStaysUsable() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO rewrite_rows VALUES (?, ?, ?)")) {
            addRows(ps, 0, 300);
            addRows(ps, 299, 300); // a duplicate key as entry 301, in the last chunk
            addRows(ps, 300, 310);
            BatchUpdateException e = TestServer.thrown(BatchUpdateException.class, ps::executeBatch);
            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(e.getUpdateCounts()).hasSize(311).containsOnly(Statement.EXECUTE_FAILED);
            assertThat(e.getMessage()).contains("of 311").contains("multi-row INSERT").contains("rewrite_rows_pkey");
            assertThat(check()).startsWith("0|0");
            addRows(ps, 0, 3);
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
        }
        assertThat(check()).isEqualTo("3|3|true|true");
    }

    @Test
    void insideATransactionTheBatchIsPartOfIt() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO rewrite_rows VALUES (?, ?, ?)")) {
            addRows(ps, 0, 5);
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1, 1, 1);
            conn.rollback();
            addRows(ps, 10, 13);
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
            conn.commit();
        } finally {
            conn.setAutoCommit(true);
        }
        assertThat(check()).isEqualTo("3|3|true|true");
    }

    @Test
    void returningAndOtherStatementsRunRowByRow() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO rewrite_rows VALUES (?, ?, ?) RETURNING id")) {
            addRows(ps, 0, 3);
            assertThat(ps.executeBatch()).hasSize(3);
        }
        try (PreparedStatement ps = conn.prepareStatement("UPDATE rewrite_rows SET label = ? WHERE id = ?")) {
            for (int i = 0; i < 4; i++) {
                ps.setString(1, "x");
                ps.setInt(2, i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1, 0);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO rewrite_rows VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            addRows(ps, 10, 13);
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
        }
        assertThat(check()).startsWith("6|6");
    }

    @Test
    void theCursorApiRewritesExecutemanyAndCountsEveryRow() throws SQLException {
        PgCluster c = TestServer.cluster();
        try (YsqlConnection y = Ysql.connect(c.conninfo(c.superuser(), c.superuserPassword())
                + " rewrite_batched_inserts=true"); Cursor cur = y.cursor()) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 777; i++) rows.add(new Object[] {i, i % 7 == 0 ? null : "row " + i,
                    new java.math.BigDecimal(i).movePointLeft(2)});
            cur.executemany("INSERT INTO rewrite_rows VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", rows);
            assertThat(cur.rowcount()).isEqualTo(777);
            cur.executemany("INSERT INTO rewrite_rows VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", rows.subList(770, 777));
            assertThat(cur.rowcount()).isZero();
        }
        assertThat(check()).isEqualTo("777|777|true|true");
    }

    @Test
    void withoutTheOptionNothingIsRewritten() throws SQLException {
        try (Connection plain = connect("reWriteBatchedInserts", "false");
             PreparedStatement ps = plain.prepareStatement("INSERT INTO rewrite_rows VALUES (?, ?, ?)")) {
            for (int batch = 0; batch < 6; batch++) {
                addRows(ps, batch * 10, batch * 10 + 10);
                assertThat(ps.executeBatch()).hasSize(10).containsOnly(1);
            }
            try (Statement s = plain.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT statement FROM pg_prepared_statements")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("INSERT INTO rewrite_rows VALUES ($1, $2, $3)");
            }
        }
        assertThat(check()).isEqualTo("60|60|true|true");
    }
}
