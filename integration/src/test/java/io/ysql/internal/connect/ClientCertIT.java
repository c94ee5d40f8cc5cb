package io.ysql.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.internal.codec.PgTypes;
import io.ysql.internal.session.Session;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.ClientKeyFormat;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.TestCertificates;
import io.ysql.testkit.TlsRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Client certificates against the TLS cluster: {@code cert_user} (pg_hba {@code cert}) logs in
 * with its key in every PEM format and with libpq's default file names in the home directory;
 * a wrong passphrase, a key others may read, and an explicitly named file that is missing are
 * refused before any server is contacted, each naming what is wrong; a missing default
 * certificate is no error; {@code cert_scram_user} needs both the certificate and the password.
 */
class ClientCertIT {
    private final PgCluster cluster = PgCluster.sharedTls();
    private final TestCertificates certs = TestCertificates.get();

    /** verify-full against the test root, as every connection here: the server is the real one. */
    private String tls(String user, String password) {
        return cluster.conninfo(user, password) + " sslmode=verify-full sslrootcert=" + quoted(certs.rootCert());
    }

    private String certUser(ClientKeyFormat format) {
        return tls(TlsRole.CERT.user(), null) + " sslcert=" + quoted(certs.clientCert(format))
                + " sslkey=" + quoted(certs.clientKey(format));
    }

    @ParameterizedTest
    @EnumSource(ClientKeyFormat.class)
    void certUserLogsInWithItsKeyInEveryFormat(ClientKeyFormat format) throws SQLException {
        String conninfo = certUser(format);
        if (format == ClientKeyFormat.PKCS8_ENCRYPTED) conninfo += " sslpassword=" + certs.clientKeyPassword();
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
            assertThat(conn.connectionInfo().authenticationMethod()).isEqualTo("trust");
            assertThat(serverSide(conn)).isEqualTo(TlsRole.CERT.user() + "|t|CN=" + TlsRole.CERT.user());
        }
    }

    @Test
    void theDefaultFilesInTheHomeDirectoryAreUsed() throws SQLException {
        // no sslrootcert, sslcert or sslkey: ~/.postgresql/root.crt, postgresql.crt and postgresql.key
        Path home = certs.home();
        assertThat(home.resolve(".postgresql/postgresql.key")).exists();
        String conninfo = cluster.conninfo(TlsRole.CERT.user(), null) + " sslmode=verify-full";
        try (Session session = open(home, conninfo)) {
            assertThat(session.transport().isTls()).isTrue();
            assertThat(session.parameter("session_authorization")).isEqualTo(TlsRole.CERT.user());
        }
    }

    @Test
    void withoutTheDefaultFilesCertUserIsRefusedByTheServer(@TempDir Path emptyHome) {
        String conninfo = tls(TlsRole.CERT.user(), null);
        SQLException e = catchThrowableOfType(SQLException.class, () -> open(emptyHome, conninfo).close());
        assertThat((Throwable) e).isNotNull();
        // the server asked for a certificate and got none: its own 28000 answer
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("connection requires a valid client certificate");
    }

    @Test
    void aMissingDefaultClientCertificateIsNoError(@TempDir Path emptyHome) throws SQLException {
        AuthRole role = AuthRole.SCRAM;
        try (Session session = open(emptyHome, tls(role.user(), role.password()))) {
            assertThat(session.transport().isTls()).isTrue();
            assertThat(session.parameter("session_authorization")).isEqualTo(role.user());
        }
    }

    @Test
    void aWrongKeyPasswordSaysSo() {
        String conninfo = certUser(ClientKeyFormat.PKCS8_ENCRYPTED) + " sslpassword=not-the-passphrase";
        SQLException e = failure(conninfo);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("wrong sslpassword")
                .contains(certs.clientKey(ClientKeyFormat.PKCS8_ENCRYPTED).toString())
                .doesNotContain("not-the-passphrase");
    }

    @Test
    void anEncryptedKeyWithoutPasswordAsksForIt() {
        SQLException e = failure(certUser(ClientKeyFormat.PKCS8_ENCRYPTED));
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("is encrypted").contains("sslpassword");
    }

    @Test
    void aKeyReadableByOthersIsRefusedNamingThePermissionRule() {
        Path key = certs.clientKeyReadableByOthers();
        String conninfo = tls(TlsRole.CERT.user(), null) + " sslcert=" + quoted(certs.clientCert(ClientKeyFormat.PKCS8))
                + " sslkey=" + quoted(key);
        SQLException e = failure(conninfo);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains(key.toString()).contains("group or world access").contains("0600");
    }

    @Test
    void anExplicitlyNamedMissingCertificateNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-client.crt");
        String conninfo = tls(TlsRole.CERT.user(), null) + " sslcert=" + quoted(missing)
                + " sslkey=" + quoted(certs.clientKey(ClientKeyFormat.PKCS8));
        SQLException e = failure(conninfo);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains(missing.toString()).contains("sslcert").contains("does not exist");
    }

    @Test
    void anExplicitlyNamedMissingKeyNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-client.key");
        String conninfo = tls(TlsRole.CERT.user(), null) + " sslcert=" + quoted(certs.clientCert(ClientKeyFormat.PKCS8))
                + " sslkey=" + quoted(missing);
        SQLException e = failure(conninfo);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains(missing.toString()).contains("sslkey").contains("does not exist");
    }

    @Test
    void certScramUserLogsInWithCertificateAndPassword() throws SQLException {
        TlsRole role = TlsRole.CERT_SCRAM;
        String conninfo = tls(role.user(), role.password()) + " sslcert=" + quoted(certs.clientCert(role))
                + " sslkey=" + quoted(certs.clientKey(role));
        try (YsqlConnection conn = Ysql.connect(conninfo)) {
            assertThat(conn.connectionInfo().authenticationMethod()).startsWith("SCRAM-SHA-256");
            assertThat(serverSide(conn)).isEqualTo(role.user() + "|t|CN=" + role.user());
        }
    }

    @Test
    void certScramUserWithoutCertificateIsRefused(@TempDir Path emptyHome) {
        TlsRole role = TlsRole.CERT_SCRAM;
        String conninfo = tls(role.user(), role.password());
        SQLException e = catchThrowableOfType(SQLException.class, () -> open(emptyHome, conninfo).close());
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("connection requires a valid client certificate");
    }

    @Test
    void certScramUserWithCertificateButWrongPasswordIsRefused() {
        TlsRole role = TlsRole.CERT_SCRAM;
        String conninfo = tls(role.user(), "not-" + role.password()) + " sslcert=" + quoted(certs.clientCert(role))
                + " sslkey=" + quoted(certs.clientKey(role));
        SQLException e = failure(conninfo);
        assertThat(e.getSQLState()).isEqualTo("28P01");
        assertThat(e.getMessage()).contains("password authentication failed for user \"" + role.user() + "\"");
    }

    @Test
    void anotherRolesCertificateDoesNotLogInAsCertUser() {
        // cert_scram_user's certificate is valid, but its CN is not the role asked for
        String conninfo = tls(TlsRole.CERT.user(), null) + " sslcert=" + quoted(certs.clientCert(TlsRole.CERT_SCRAM))
                + " sslkey=" + quoted(certs.clientKey(TlsRole.CERT_SCRAM));
        SQLException e = failure(conninfo);
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("certificate authentication failed for user \"" + TlsRole.CERT.user() + "\"");
    }

    /** current_user, whether pg_stat_ssl says TLS, and the last part of the client certificate's DN the server saw. */
    private static String serverSide(YsqlConnection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user, ssl, client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            String dn = String.valueOf(rs.getString(3)); // e.g. /O=.../CN=cert_user
            return rs.getString(1) + "|" + (rs.getBoolean(2) ? "t" : "f") + "|" + dn.substring(dn.lastIndexOf('/') + 1);
        }
    }

    /** Opens a session as the driver does, with {@code home} as the home directory of the configuration. */
    static Session open(Path home, String conninfo) throws SQLException {
        assertThat(Files.isDirectory(home)).isTrue();
        ConnectionConfig config = ConnectionConfig.parse(conninfo, null, new ConfigSources(Map.of(), home));
        return Connector.system().open(config, PgTypes::binaryResult);
    }

    private static SQLException failure(String conninfo) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> Ysql.connect(conninfo).close());
        assertThat((Throwable) e).as("connecting with %s", conninfo).isNotNull();
        return e;
    }

    private static String quoted(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
