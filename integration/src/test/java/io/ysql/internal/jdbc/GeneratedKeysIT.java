package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generated keys through RETURNING, for PreparedStatement and Statement, by flag and by column name. */
class GeneratedKeysIT {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connect();
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS keys_items; CREATE TABLE keys_items (id int GENERATED ALWAYS AS IDENTITY, "
                    + "name text, created int DEFAULT 42)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("DROP TABLE IF EXISTS keys_items");
        }
        conn.close();
    }

    @Test
    void preparedStatementReturnsEveryColumnForReturnGeneratedKeys() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO keys_items (name) VALUES (?);",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 1; i <= 7; i++) { // past the statement cache's threshold, too
                ps.setString(1, "n" + i);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getInt("id")).isEqualTo(i);
                    assertThat(keys.getString("name")).isEqualTo("n" + i);
                    assertThat(keys.getInt("created")).isEqualTo(42);
                    assertThat(keys.next()).isFalse();
                }
            }
        }
    }

    @Test
    void namedColumnsAreTheOnlyOnesReturned() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO keys_items (name) VALUES (?), (?)",
                new String[] {"id"})) {
            ps.setString(1, "a");
            ps.setString(2, "b");
            assertThat(ps.executeUpdate()).isEqualTo(2);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertThat(keys.getMetaData().getColumnCount()).isEqualTo(1);
                assertThat(keys.next()).isTrue();
                assertThat(keys.getInt(1)).isEqualTo(1);
                assertThat(keys.next()).isTrue();
                assertThat(keys.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void statementReturnsKeysAndAnUpdateCount() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertThat(s.execute("INSERT INTO keys_items (name) VALUES ('x')", Statement.RETURN_GENERATED_KEYS)).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(1);
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getInt("id")).isEqualTo(1);
            }
            assertThat(s.executeUpdate("UPDATE keys_items SET name = 'y'", new String[] {"name"})).isEqualTo(1);
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getString(1)).isEqualTo("y");
            }
        }
    }

    @Test
    void withoutKeysRequestedTheKeysAreEmptyAndASelectIsUnchanged() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO keys_items (name) VALUES ('x')");
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertThat(keys.next()).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM keys_items")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM keys_items", Statement.RETURN_GENERATED_KEYS);
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("x");
        }
    }

    @Test
    void keysByColumnIndexAreRefusedClearly() {
        assertThatThrownBy(() -> conn.prepareStatement("INSERT INTO keys_items (name) VALUES ('x')", new int[] {1}))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("name the columns");
    }

    @Test
    void metadataSaysGeneratedKeysAreSupported() throws SQLException {
        assertThat(conn.getMetaData().supportsGetGeneratedKeys()).isTrue();
    }
}
