package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.internal.transport.HostilePeers;
import io.ysql.internal.wire.backend.AuthenticationCleartextPassword;
import io.ysql.internal.wire.frontend.StartupMessage;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code require_auth} against a real server: a listed method logs in, a method not listed (or
 * listed with {@code !}) is refused with 28000 naming the requirement before the password is
 * sent; {@code none} stands for trust; plain and negated entries cannot be mixed.
 */
class RequireAuthIT {
    private final PgCluster cluster = PgCluster.shared();

    private String conninfo(AuthRole role, String requireAuth) {
        return cluster.conninfo(role) + " sslmode=disable require_auth=" + requireAuth;
    }

    @ParameterizedTest
    @CsvSource({
        "SCRAM, scram-sha-256, SCRAM-SHA-256",
        "SCRAM, !md5, SCRAM-SHA-256",
        "SCRAM, '!password,!md5', SCRAM-SHA-256",
        "MD5, md5, md5",
        "MD5, 'password,md5', md5",
        "PASSWORD, password, password",
        "TRUST, none, trust",
        "TRUST, 'scram-sha-256,none', trust",
        "TRUST, !md5, trust",
    })
    void anAllowedMethodLogsIn(AuthRole role, String requireAuth, String method) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(conninfo(role, requireAuth))) {
            assertThat(conn.connectionInfo().authenticationMethod()).isEqualTo(method);
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(role.user());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "MD5, scram-sha-256, scram-sha-256, MD5 password",
        "MD5, !md5, !md5, MD5 password",
        "PASSWORD, '!password,!md5', '!md5,!password', cleartext password",
        "SCRAM, md5, md5, SCRAM-SHA-256",
        "SCRAM, none, none, SCRAM-SHA-256",
        "SCRAM, !scram-sha-256, !scram-sha-256, SCRAM-SHA-256",
        "TRUST, scram-sha-256, scram-sha-256, without authentication",
        "TRUST, !none, !none, without authentication",
    })
    void aMethodNotAllowedIsRefusedNamingTheRequirement(AuthRole role, String requireAuth, String shown, String asked) {
        // a wrong password: had it been sent, the server would have answered 28P01
        String conninfo = cluster.conninfo(role.user(), "wrong-" + role.password()) + " sslmode=disable require_auth="
                + requireAuth;
        SQLException e = failure(conninfo);
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("authentication method requirement \"" + shown + "\" failed")
                .contains(asked).contains("nothing derived from the password was sent");
    }

    @ParameterizedTest
    @CsvSource({"'!md5,scram-sha-256'", "'scram-sha-256,!md5'", "'md5,md5'", "kerberos"})
    void aMalformedListIsAnOptionError(String requireAuth) {
        SQLException e = failure(conninfo(AuthRole.SCRAM, requireAuth));
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("require_auth");
    }

    @Test
    void mixingPlainAndNegatedEntriesSaysSo() {
        SQLException e = failure(conninfo(AuthRole.SCRAM, "'!md5,scram-sha-256'"));
        assertThat(e.getMessage()).contains("cannot be mixed");
    }

    @Test
    void aScriptedServerGetsNoPasswordWhenItAsksForAForbiddenMethod() throws Exception {
        Script script = Script.create().expectStartup().send(AuthenticationCleartextPassword.INSTANCE);
        try (ScriptedServer server = ScriptedServer.start(script)) {
            SQLException e = connectFailure(HostilePeers.conninfo(server, "sslmode=disable require_auth=scram-sha-256"));
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains("\"scram-sha-256\"").contains("cleartext password");
            assertClientClosed(server);
            assertThat(server.received()).hasSize(1).allMatch(StartupMessage.class::isInstance);
        }
    }

    private static SQLException failure(String conninfo) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> Ysql.connect(conninfo).close());
        assertThat((Throwable) e).as("connecting with %s", conninfo).isNotNull();
        return e;
    }
}
