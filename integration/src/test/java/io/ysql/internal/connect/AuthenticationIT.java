package io.ysql.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each authentication method the server can ask for: trust, cleartext password, MD5 and
 * SCRAM-SHA-256 log in with the right password; a wrong one is refused with the server's own
 * 28P01 text and never shows up in any message, {@code toString} or stack trace; GSSAPI is
 * refused by the driver, naming the method.
 */
class AuthenticationIT {
    private static final String WRONG_PASSWORD = "Wr0ng-Pa55word-xyzzy";

    private final PgCluster cluster = TestServer.cluster();

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"TRUST", "PASSWORD", "MD5", "SCRAM"})
    void theRightPasswordLogsIn(AuthRole role) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(role));
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user, session_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(role.user());
            assertThat(rs.getString(2)).isEqualTo(role.user());
        }
    }

    @Test
    void trustNeedsNoPassword() throws SQLException {
        AuthRole role = AuthRole.TRUST;
        Properties p = new Properties();
        p.setProperty("user", role.user());
        try (var conn = DriverManager.getConnection(cluster.jdbcUrl(), p)) {
            assertThat(conn.isValid(5)).isTrue();
            assertThat(conn.getMetaData().getUserName()).isEqualTo(role.user());
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"PASSWORD", "MD5", "SCRAM"})
    void aWrongPasswordIsRefusedWithoutEchoingIt(AuthRole role) {
        SQLException e = TestServer.thrown(SQLException.class,
                () -> Ysql.connect(cluster.conninfo(role.user(), WRONG_PASSWORD)));

        assertThat((Throwable) e).as("connecting as %s with a wrong password", role.user()).isNotNull()
                .isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertThat(e.getMessage()).contains("password authentication failed for user \"" + role.user() + "\"");
        assertNoSecretAnywhere(e, WRONG_PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"PASSWORD", "MD5", "SCRAM"})
    void aWrongPasswordThroughDriverManagerIsNotEchoedEither(AuthRole role) {
        String url = cluster.jdbcUrl() + "?user=" + role.user() + "&password=" + WRONG_PASSWORD;
        SQLException e = TestServer.thrown(SQLException.class, () -> DriverManager.getConnection(url));

        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertNoSecretAnywhere(e, WRONG_PASSWORD);
    }

    @Test
    void anotherRolesPasswordIsWrongToo() {
        SQLException e = TestServer.thrown(SQLException.class,
                () -> Ysql.connect(cluster.conninfo(AuthRole.SCRAM.user(), AuthRole.MD5.password())));
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertNoSecretAnywhere(e, AuthRole.MD5.password());
    }

    @Test
    void gssapiIsRefusedByTheDriver() {
        assumeTrue(cluster.gssRole().isPresent(), "this server build has no GSSAPI support, so it never asks for it");
        AuthRole role = cluster.gssRole().orElseThrow();
        SQLException e = TestServer.thrown(SQLException.class, () -> Ysql.connect(cluster.conninfo(role)));

        assertThat((Throwable) e).isNotNull();
        assertThat(e.getMessage()).contains("GSSAPI").containsIgnoringCase("not support");
        assertThat(e.getSQLState()).startsWith("28");
        assertNoSecretAnywhere(e, role.password());
    }

    /** The secret appears in no message, no {@code toString} and no stack trace of the whole chain. */
    static void assertNoSecretAnywhere(SQLException e, String secret) {
        for (Throwable t : TestServer.chain(e)) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
            assertThat(String.valueOf(t.getLocalizedMessage())).doesNotContain(secret);
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(secret);
    }

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"PASSWORD", "MD5", "SCRAM"})
    void aNonAsciiPasswordLogsIn(AuthRole role) throws SQLException {
        String password = "pässwörd ✓ Ω \u00a0end";
        setPassword(role, password);
        try {
            Properties p = new Properties();
            p.setProperty("user", role.user());
            p.setProperty("password", password);
            try (var conn = DriverManager.getConnection(cluster.jdbcUrl(), p)) {
                assertThat(conn.getMetaData().getUserName()).isEqualTo(role.user());
            }
            p.setProperty("password", password.replace("ö", "o"));
            SQLException e = TestServer.thrown(SQLException.class, () -> DriverManager.getConnection(cluster.jdbcUrl(), p));
            assertThat(e.getSQLState()).isEqualTo("28P01");
        } finally {
            setPassword(role, role.password());
        }
    }

    /** Stores a new password for a role the way the testkit stored its first one. */
    private void setPassword(AuthRole role, String password) {
        cluster.psql("SET password_encryption = '" + role.passwordEncryption() + "'; ALTER ROLE " + role.user()
                + " PASSWORD '" + password.replace("'", "''") + "'");
    }
}
