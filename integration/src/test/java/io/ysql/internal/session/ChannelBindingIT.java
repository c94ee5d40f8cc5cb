package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.ConnectionInfo;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ServerCertKind;
import io.ysql.testkit.TestCertificates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SCRAM channel binding (tls-server-end-point) against the TLS cluster, which offers
 * SCRAM-SHA-256-PLUS over TLS: {@code prefer} and {@code require} bind, {@code disable} does not;
 * {@code require} refuses a plaintext connection and every method without channel binding, trust
 * included, before anything derived from the password reaches the server; binding also works
 * with an ECDSA P-384 server certificate, whose end-point hash is SHA-384.
 */
class ChannelBindingIT {
    private static final String PLUS = "SCRAM-SHA-256-PLUS";

    private final PgCluster cluster = PgCluster.sharedTls();
    private final TestCertificates certs = TestCertificates.get();

    private String tls(AuthRole role, String extra) {
        return cluster.conninfo(role) + " sslmode=verify-full sslrootcert='" + certs.rootCert() + "' " + extra;
    }

    @Test
    void preferIsTheDefaultAndBindsOverTls() throws SQLException {
        assertThat(authenticationMethod(tls(AuthRole.SCRAM, ""))).isEqualTo(PLUS);
        assertThat(authenticationMethod(tls(AuthRole.SCRAM, "channel_binding=prefer"))).isEqualTo(PLUS);
    }

    @Test
    void disableUsesPlainScram() throws SQLException {
        assertThat(authenticationMethod(tls(AuthRole.SCRAM, "channel_binding=disable"))).isEqualTo("SCRAM-SHA-256");
    }

    @Test
    void requireBindsOverTls() throws SQLException {
        assertThat(authenticationMethod(tls(AuthRole.SCRAM, "channel_binding=require"))).isEqualTo(PLUS);
    }

    @Test
    void requireBindsUnderSslmodeRequireToo() throws SQLException {
        String conninfo = cluster.conninfo(AuthRole.SCRAM) + " sslmode=require channel_binding=require";
        assertThat(authenticationMethod(conninfo)).isEqualTo(PLUS);
    }

    @Test
    void preferWithoutTlsFallsBackToPlainScram() throws SQLException {
        String conninfo = cluster.conninfo(AuthRole.SCRAM) + " sslmode=disable channel_binding=prefer";
        assertThat(authenticationMethod(conninfo)).isEqualTo("SCRAM-SHA-256");
    }

    @Test
    void requireOverPlaintextFails() {
        String conninfo = cluster.conninfo(AuthRole.SCRAM) + " sslmode=disable channel_binding=require";
        SQLException e = failure(conninfo);
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("channel binding").contains("not encrypted");
    }

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"MD5", "PASSWORD"})
    void requireRefusesPasswordMethodsBeforeSendingThePassword(AuthRole role) {
        // a wrong password: had it been sent, the server would have answered 28P01
        String conninfo = cluster.conninfo(role.user(), "wrong-" + role.password())
                + " sslmode=verify-full sslrootcert='" + certs.rootCert() + "' channel_binding=require";
        SQLException e = failure(conninfo);
        assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("channel binding is required")
                .contains("nothing derived from the password was sent")
                .doesNotContain("wrong-" + role.password());
    }

    @Test
    void requireRefusesTrustEvenThoughTheServerWouldAccept() throws SQLException {
        // the same connection without the requirement logs in
        assertThat(authenticationMethod(tls(AuthRole.TRUST, ""))).isEqualTo("trust");

        SQLException e = failure(tls(AuthRole.TRUST, "channel_binding=require"));
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("channel binding is required").contains("without authentication");
    }

    @Test
    void bindingWorksWithAnEcdsaP384ServerCertificate() throws SQLException {
        cluster.useServerCert(ServerCertKind.ECDSA_SHA384);
        try {
            try (YsqlConnection conn = Ysql.connect(tls(AuthRole.SCRAM, "channel_binding=require"))) {
                ConnectionInfo info = conn.connectionInfo();
                assertThat(info.authenticationMethod()).isEqualTo(PLUS);
                assertThat(info.encrypted()).isTrue();
                assertThat(currentUser(conn)).isEqualTo(AuthRole.SCRAM.user());
            }
            // plain SCRAM still works against the same certificate
            assertThat(authenticationMethod(tls(AuthRole.SCRAM, "channel_binding=disable"))).isEqualTo("SCRAM-SHA-256");
        } finally {
            cluster.useServerCert(ServerCertKind.SERVER);
        }
    }

    private static String authenticationMethod(String conninfo) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(currentUser(conn)).isNotBlank();
            return conn.connectionInfo().authenticationMethod();
        }
    }

    private static String currentUser(YsqlConnection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    static SQLException failure(String conninfo) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> Ysql.connect(conninfo).close());
        assertThat((Throwable) e).as("connecting with %s", conninfo).isNotNull();
        return e;
    }
}
