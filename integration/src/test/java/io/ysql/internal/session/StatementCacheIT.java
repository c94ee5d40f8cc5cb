package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.YsqlStatement;
import io.ysql.internal.jdbc.TestServer;
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
 * The session's statement cache against a real server: a statement run often becomes a named
 * server-side statement, and stays correct when the table changes shape or a column its type,
 * when the server drops its statements (DISCARD ALL, DEALLOCATE ALL), and when the cache evicts;
 * the prepare threshold and the cache size are options, and a statement may set its own threshold.
 */
class StatementCacheIT {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connect();
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS cache_items; CREATE TABLE cache_items (id int PRIMARY KEY, name text);"
                    + "INSERT INTO cache_items VALUES (1, 'one'), (2, 'two')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS cache_items");
        }
        conn.close();
    }

    private List<String> preparedOnServer() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM pg_prepared_statements ORDER BY name")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    private String nameOf(PreparedStatement ps, int id) throws SQLException {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString("name");
        }
    }

    @Test
    void aStatementRunOftenBecomesANamedServerStatementAndKeepsItsResults() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, name FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < StatementCache.PREPARE_THRESHOLD - 1; i++) assertThat(nameOf(ps, 1)).isEqualTo("one");
            assertThat(preparedOnServer()).isEmpty();
            for (int i = 0; i < 10; i++) assertThat(nameOf(ps, 2 - i % 2)).isEqualTo(i % 2 == 0 ? "two" : "one");
            assertThat(preparedOnServer()).hasSize(1);
        }
    }

    @Test
    void aTableThatChangesShapeIsPreparedAgainOutsideATransaction() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 8; i++) nameOf(ps, 1);
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE cache_items ADD COLUMN extra int DEFAULT 7");
            }
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(3);
                assertThat(rs.getInt("extra")).isEqualTo(7);
            }
        }
    }

    @Test
    void insideATransactionAShapeChangeFailsAndTheNextTransactionWorks() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 8; i++) nameOf(ps, 1);
            conn.setAutoCommit(false);
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE cache_items ADD COLUMN extra int DEFAULT 7");
            }
            ps.setInt(1, 1);
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("cached plan must not change result type");
            conn.rollback();
            conn.setAutoCommit(true);
            assertThat(nameOf(ps, 2)).isEqualTo("two");
        }
    }

    @Test
    void aCachedStatementCanOpenEachTransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, name FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 3 * StatementCache.PREPARE_THRESHOLD; i++) {
                assertThat(nameOf(ps, 1 + i % 2)).isEqualTo(i % 2 == 0 ? "one" : "two");
                conn.commit(); // the next run opens a new transaction block with BEGIN ahead of the cached statement
            }
        } finally {
            conn.setAutoCommit(true);
        }
    }

    @Test
    void discardAllIsSurvived() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, name FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 8; i++) nameOf(ps, 1);
            try (Statement s = conn.createStatement()) {
                s.execute("DISCARD ALL");
            }
            assertThat(nameOf(ps, 2)).isEqualTo("two");
            for (int i = 0; i < 8; i++) assertThat(nameOf(ps, 1)).isEqualTo("one");
        }
    }

    @Test
    void evictedStatementsAreClosedOnTheServer() throws SQLException {
        for (int n = 0; n < 300; n++) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT name, " + n + " FROM cache_items WHERE id = ?")) {
                for (int i = 0; i < StatementCache.PREPARE_THRESHOLD + 1; i++) nameOf(ps, 1);
            }
        }
        assertThat(preparedOnServer().size()).isBetween(200, 256);
    }

    @Test
    void deallocateAllIsSurvived() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, name FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 8; i++) nameOf(ps, 1);
            assertThat(preparedOnServer()).hasSize(1);
            try (Statement s = conn.createStatement()) {
                s.execute("DEALLOCATE ALL");
            }
            assertThat(nameOf(ps, 2)).isEqualTo("two");
            for (int i = 0; i < 8; i++) assertThat(nameOf(ps, 1)).isEqualTo("one");
            assertThat(preparedOnServer()).hasSize(1);
        }
    }

    @Test
    void aColumnWhoseTypeChangesToOneReadOnlyAsTextIsReadCorrectlyByANamedStatement() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("ALTER TABLE cache_items ADD COLUMN v int; UPDATE cache_items SET v = 7");
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 8; i++) assertThat(valueOf(ps)).isEqualTo(7); // named, int4 read in binary
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE cache_items ALTER COLUMN v TYPE xid USING v::text::xid");
            }
            for (int i = 0; i < 8; i++) assertThat(textOf(ps)).isEqualTo("7");
        }
    }

    @Test
    void aColumnWhoseTypeChangesBetweenUnnamedRunsIsReadCorrectly() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("ALTER TABLE cache_items ADD COLUMN v int; UPDATE cache_items SET v = 7");
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 2; i++) assertThat(valueOf(ps)).isEqualTo(7); // described, below the threshold
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE cache_items ALTER COLUMN v TYPE xid USING v::text::xid");
            }
            for (int i = 0; i < 8; i++) assertThat(textOf(ps)).isEqualTo("7"); // unnamed, then prepared afresh
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE cache_items ALTER COLUMN v TYPE bigint USING v::text::bigint");
            }
            for (int i = 0; i < 8; i++) assertThat(textOf(ps)).isEqualTo("7");
        }
    }

    private static int valueOf(PreparedStatement ps) throws SQLException {
        ps.setInt(1, 1);
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static String textOf(PreparedStatement ps) throws SQLException {
        ps.setInt(1, 1);
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void prepareThresholdZeroNeverPreparesAndOnePreparesOnTheSecondRun() throws SQLException {
        try (Connection never = connect("prepare_threshold", "0");
             PreparedStatement ps = never.prepareStatement("SELECT name FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 10; i++) assertThat(nameOf(ps, 1)).isEqualTo("one");
            assertThat(preparedOn(never)).isEmpty();
        }
        try (Connection soon = connect("prepareThreshold", "1");
             PreparedStatement ps = soon.prepareStatement("SELECT name FROM cache_items WHERE id = ?")) {
            assertThat(nameOf(ps, 1)).isEqualTo("one");
            assertThat(preparedOn(soon)).isEmpty();
            assertThat(nameOf(ps, 2)).isEqualTo("two");
            assertThat(preparedOn(soon)).hasSize(1);
        }
    }

    @Test
    void aStatementChoosesItsOwnThreshold() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM cache_items WHERE id = ?");
             PreparedStatement never = conn.prepareStatement("SELECT name, 1 FROM cache_items WHERE id = ?")) {
            YsqlStatement own = ps.unwrap(YsqlStatement.class);
            assertThat(own.getPrepareThreshold()).isEqualTo(StatementCache.PREPARE_THRESHOLD);
            own.setPrepareThreshold(1);
            assertThat(own.getPrepareThreshold()).isEqualTo(1);
            never.unwrap(YsqlStatement.class).setUseServerPrepare(false);
            for (int i = 0; i < 10; i++) {
                assertThat(nameOf(ps, 1)).isEqualTo("one");
                assertThat(nameOf(never, 2)).isEqualTo("two");
            }
            assertThat(preparedOnServer()).hasSize(1);
        }
    }

    @Test
    void theStatementCacheSizeBoundsTheServerStatements() throws SQLException {
        try (Connection small = connect("statement_cache_size", "10")) {
            for (int n = 0; n < 30; n++) {
                try (PreparedStatement ps = small.prepareStatement("SELECT name, " + n + " FROM cache_items WHERE id = ?")) {
                    for (int i = 0; i < StatementCache.PREPARE_THRESHOLD + 1; i++) nameOf(ps, 1);
                }
            }
            assertThat(preparedOn(small).size()).isBetween(9, 10);
        }
        try (Connection none = connect("preparedStatementCacheSizeMiB", "0");
             PreparedStatement ps = none.prepareStatement("SELECT name FROM cache_items WHERE id = ?")) {
            for (int i = 0; i < 10; i++) assertThat(nameOf(ps, 1)).isEqualTo("one");
            assertThat(preparedOn(none)).isEmpty();
        }
    }

    @Test
    void aBatchRunOftenIsPreparedAndSurvivesDeallocateAll() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cache_items VALUES (?, 'batch')")) {
            int id = 100;
            for (int batch = 0; batch < 8; batch++) {
                if (batch == 6) {
                    try (Statement s = conn.createStatement()) {
                        s.execute("DEALLOCATE ALL");
                    }
                }
                for (int i = 0; i < 3; i++) {
                    ps.setInt(1, id++);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
                if (batch == 5) assertThat(preparedOnServer()).hasSize(1);
            }
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM cache_items WHERE name = 'batch'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(24);
        }
    }

    private static Connection connect(String option, String value) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", TestServer.cluster().superuser());
        p.setProperty("password", TestServer.cluster().superuserPassword());
        p.setProperty(option, value);
        return DriverManager.getConnection(TestServer.cluster().jdbcUrl(), p);
    }

    private static List<String> preparedOn(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM pg_prepared_statements")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }
}
