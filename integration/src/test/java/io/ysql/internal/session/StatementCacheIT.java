package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.jdbc.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session's statement cache against a real server: a statement run often becomes a named
 * server-side statement, and stays correct when the table changes shape, when the server drops
 * its statements, and when the cache evicts.
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
}
