package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.ysql.ConnectionInfo;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ServerCertKind;
import io.ysql.testkit.TestCertificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code connectionInfo()} of a connection to the TLS cluster: the TLS version the server also
 * reports in {@code pg_stat_ssl}, a cipher suite, the subject and issuer of the certificate the
 * server presents (the leaf, issued by the intermediate), the address and the authentication
 * method; and nothing TLS-related for a plaintext connection.
 */
class TlsConnectionInfoIT {
    private final PgCluster cluster = PgCluster.sharedTls();
    private final TestCertificates certs = TestCertificates.get();

    private String tls(String extra) {
        return cluster.conninfo(AuthRole.SCRAM) + " sslmode=verify-full sslrootcert='" + certs.rootCert() + "' " + extra;
    }

    @Test
    void describesTheTlsSessionAndTheServerCertificate() throws Exception {
        X509Certificate leaf = servedChain(ServerCertKind.SERVER).get(0);
        try (YsqlConnection conn = Ysql.connect(tls(""))) {
            ConnectionInfo info = conn.connectionInfo();
            assertThat(info.encrypted()).isTrue();
            assertThat(info.host()).isEqualTo(cluster.host());
            assertThat(info.port()).isEqualTo(cluster.port());
            assertThat(info.tlsProtocol()).isIn("TLSv1.2", "TLSv1.3").isEqualTo(serverSideTlsVersion(conn));
            assertThat(info.cipherSuite()).isNotBlank().startsWith("TLS_");
            assertThat(info.serverCertificateSubject()).contains("CN=localhost");
            assertThat(new X500Principal(info.serverCertificateSubject())).isEqualTo(leaf.getSubjectX500Principal());
            assertThat(info.serverCertificateIssuer()).contains("CN=ysql test intermediate CA");
            assertThat(new X500Principal(info.serverCertificateIssuer())).isEqualTo(leaf.getIssuerX500Principal());
            assertThat(info.authenticationMethod()).isEqualTo("SCRAM-SHA-256-PLUS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void reportsTheNegotiatedVersion(String version) throws SQLException {
        String conninfo = tls("ssl_min_protocol_version=" + version + " ssl_max_protocol_version=" + version);
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(conn.connectionInfo().tlsProtocol()).isEqualTo(version);
            assertThat(serverSideTlsVersion(conn)).isEqualTo(version);
            assertThat(conn.connectionInfo().cipherSuite()).isNotBlank();
        }
    }

    @Test
    void sslmodeRequireReportsTheUnverifiedCertificateToo() throws SQLException {
        // no sslrootcert, and no ~/.postgresql/root.crt: the chain is not checked, yet the certificate is shown
        assumeFalse(Files.exists(Path.of(System.getProperty("user.home"), ".postgresql", "root.crt")));
        String conninfo = cluster.conninfo(AuthRole.SCRAM) + " sslmode=require";
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            ConnectionInfo info = conn.connectionInfo();
            assertThat(info.encrypted()).isTrue();
            assertThat(info.serverCertificateSubject()).contains("CN=localhost");
            assertThat(info.serverCertificateIssuer()).contains("CN=ysql test intermediate CA");
        }
    }

    @Test
    void anotherServerCertificateShowsItsOwnIssuer() throws Exception {
        X509Certificate leaf = servedChain(ServerCertKind.ECDSA_SHA384).get(0);
        cluster.useServerCert(ServerCertKind.ECDSA_SHA384);
        try (YsqlConnection conn = Ysql.connect(tls(""))) {
            ConnectionInfo info = conn.connectionInfo();
            assertThat(info.serverCertificateIssuer()).contains("CN=ysql test EC intermediate CA");
            assertThat(new X500Principal(info.serverCertificateIssuer())).isEqualTo(leaf.getIssuerX500Principal());
            assertThat(info.cipherSuite()).isNotBlank();
        } finally {
            cluster.useServerCert(ServerCertKind.SERVER);
        }
    }

    @Test
    void aPlaintextConnectionHasNoTlsDetails() throws SQLException {
        try (YsqlConnection conn = Ysql.connect(cluster.conninfo(AuthRole.SCRAM) + " sslmode=disable")) {
            ConnectionInfo info = conn.connectionInfo();
            assertThat(info.encrypted()).isFalse();
            assertThat(info.tlsProtocol()).isNull();
            assertThat(info.cipherSuite()).isNull();
            assertThat(info.serverCertificateSubject()).isNull();
            assertThat(info.serverCertificateIssuer()).isNull();
            assertThat(info.authenticationMethod()).isEqualTo("SCRAM-SHA-256");
            assertThat(serverSideTlsVersion(conn)).isNull();
        }
    }

    /** The TLS version the server reports for this backend, or null when it is not encrypted. */
    private static String serverSideTlsVersion(YsqlConnection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getBoolean(1) ? rs.getString(2) : null;
        }
    }

    @SuppressWarnings("unchecked")
    private List<X509Certificate> servedChain(ServerCertKind kind) throws Exception {
        Path file = certs.serverCert(kind);
        try (InputStream in = Files.newInputStream(file)) {
            return (List<X509Certificate>) CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }
}
