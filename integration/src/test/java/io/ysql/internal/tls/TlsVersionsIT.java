package io.ysql.internal.tls;

import static io.ysql.internal.tls.TlsFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ysql.ConnectionInfo;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.TestCertificates;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS version range ({@code ssl_min_protocol_version}, {@code ssl_max_protocol_version}), SNI on
 * and off, and direct TLS negotiation, against the shared TLS server (PostgreSQL 15, which does not
 * speak direct TLS and cannot show the SNI it received): the version agreed is the one asked for,
 * as the driver and the server both report it.
 */
class TlsVersionsIT {
    private final PgCluster cluster = PgCluster.sharedTls();

    @TempDir
    Path temp;

    private YsqlConnection connect(String extra) throws SQLException {
        return FakeHome.empty(temp).connect(cluster.conninfo(AuthRole.SCRAM) + " sslmode=verify-full sslrootcert="
                + TestCertificates.get().rootCert() + " " + extra);
    }

    private static String serverVersion(YsqlConnection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void minimumTls13GivesTls13() throws SQLException {
        try (YsqlConnection conn = connect("ssl_min_protocol_version=TLSv1.3")) {
            assertThat(conn.connectionInfo().tlsProtocol()).isEqualTo("TLSv1.3");
            assertThat(serverVersion(conn)).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void maximumTls12GivesTls12() throws SQLException {
        try (YsqlConnection conn = connect("ssl_max_protocol_version=TLSv1.2")) {
            ConnectionInfo info = conn.connectionInfo();
            assertThat(info.tlsProtocol()).isEqualTo("TLSv1.2");
            assertThat(info.cipherSuite()).isNotBlank();
            assertThat(serverVersion(conn)).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void minimumAboveMaximumIsRefusedBeforeConnecting() {
        SQLException e = failure(() -> connect("ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=TLSv1.2").close(),
                List.of());
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("invalid SSL protocol version range")
                .contains("TLSv1.3").contains("TLSv1.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sslsni=1", "sslsni=0"})
    void sniOnOrOffConnects(String sni) throws SQLException {
        try (YsqlConnection conn = connect(sni + " host=localhost hostaddr=127.0.0.1")) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
        }
    }

    @Test
    void directNegotiationWithPostgres15FailsClearly() {
        SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> failure(() -> connect("sslnegotiation=direct connect_timeout=10").close(), List.of()));
        assertThat(e.getSQLState()).startsWith("08");
        assertThat(e.getMessage()).contains("SSL handshake with").contains("failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "allow", "prefer"})
    void directNegotiationNeedsAStrongSslmode(String mode) {
        SQLException e = failure(() -> FakeHome.empty(temp).connect(cluster.conninfo(AuthRole.SCRAM) + " sslmode=" + mode
                + " sslnegotiation=direct").close(), List.of());
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("weak sslmode \"" + mode + "\" may not be used with sslnegotiation=direct");
    }
}
