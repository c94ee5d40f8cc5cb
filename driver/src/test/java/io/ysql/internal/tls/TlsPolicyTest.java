package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.SslMode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link TlsPolicy#of} decides from the options and files, before any connection. */
class TlsPolicyTest {
    @TempDir
    Path home;

    private ConnectionConfig config(Map<String, String> env, String... pairs) throws SQLException {
        Map<String, String> m = new HashMap<>();
        for (int k = 0; k < pairs.length; k += 2) m.put(pairs[k], pairs[k + 1]);
        return ConnectionConfig.fromMap(m, new ConfigSources(env, home));
    }

    private TlsPolicy policy(String... pairs) throws SQLException {
        return TlsPolicy.of(config(Map.of(), pairs), home);
    }

    private AbstractThrowableAssert<?, ?> refused(String... pairs) {
        return assertThatThrownBy(() -> policy(pairs))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    private Path root() throws Exception {
        return TestPki.write(home.resolve(".postgresql/root.crt"), TestPki.pem(TestPki.ca("Root").certificate()));
    }

    private TestPki.Issued client(String certPermissions, String keyPermissions) throws Exception {
        TestPki.Issued c = TestPki.certificate("CN=app").issuedBy(TestPki.ca("Client CA")).build();
        TestPki.write(home.resolve(".postgresql/postgresql.crt"), TestPki.pem(c.certificate()), certPermissions);
        TestPki.write(home.resolve(".postgresql/postgresql.key"), TestPki.pkcs8(c.keys()), keyPermissions);
        return c;
    }

    @Test
    void disableLoadsNothingAndCannotHandshake() throws Exception {
        TlsPolicy p = policy("sslmode", "disable", "sslcert", "/nowhere/client.crt");
        assertThat(p.mode()).isEqualTo(SslMode.DISABLE);
        assertThat(p.verifiesChain()).isFalse();
        assertThatThrownBy(() -> p.handshake(new Socket(), "h", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verifyModesNeedARootFileAndNameTheOneLookedFor() {
        for (String mode : List.of("verify-ca", "verify-full")) {
            refused("sslmode", mode)
                    .hasMessageContaining("root certificate file \"" + home.resolve(".postgresql/root.crt") + "\" does not exist")
                    .hasMessageContaining("sslrootcert=system");
        }
    }

    @Test
    void rootFileTurnsOnTheChainCheckInEveryTlsMode() throws Exception {
        assertThat(policy("sslmode", "require").verifiesChain()).isFalse();
        root();
        for (String mode : List.of("allow", "prefer", "require", "verify-ca", "verify-full")) {
            TlsPolicy p = policy("sslmode", mode);
            assertThat(p.verifiesChain()).as(mode).isTrue();
            assertThat(p.verifiesHostName()).as(mode).isEqualTo(mode.equals("verify-full"));
        }
    }

    @Test
    void explicitlyNamedFilesMustExist() throws Exception {
        refused("sslmode", "require", "sslrootcert", home.resolve("ca.pem").toString())
                .hasMessageContaining("root certificate file \"" + home.resolve("ca.pem") + "\" (sslrootcert) does not exist");
        assertThatThrownBy(() -> TlsPolicy.of(config(Map.of("PGSSLCERT", "/no/such.crt"), "sslmode", "require"), home))
                .hasMessageContaining("certificate file \"/no/such.crt\" (sslcert) does not exist");
        refused("sslkey", "/no/such.key").hasMessageContaining("private key file \"/no/such.key\" (sslkey) does not exist");
        root();
        refused("sslcrl", "/no/such.crl").hasMessageContaining("\"/no/such.crl\" (sslcrl) does not exist");
        refused("sslcrldir", root().toString()).hasMessageContaining("is not a directory");
    }

    @Test
    void unreadableRootFileIsAnError() throws Exception {
        TestPki.write(home.resolve("ca.pem"), "no certificate here\n");
        refused("sslrootcert", home.resolve("ca.pem").toString()).hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void systemRootsMeanVerifyFull() throws Exception {
        TlsPolicy p = policy("sslrootcert", "system");
        assertThat(p.mode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(p.verifiesChain()).isTrue();
        assertThat(p.verifiesHostName()).isTrue();
        assertThat(policy("sslrootcert", "system", "sslmode", "verify-full").mode()).isEqualTo(SslMode.VERIFY_FULL);
        for (String weak : List.of("disable", "prefer", "require", "verify-ca")) {
            refused("sslrootcert", "system", "sslmode", weak)
                    .hasMessage("weak sslmode \"" + weak + "\" may not be used with sslrootcert=system (use \"verify-full\")");
        }
        refused("sslrootcert", "system", "ssl", "true").hasMessageContaining("weak sslmode \"require\"");
    }

    @Test
    void directNegotiationNeedsRequireOrStronger() throws Exception {
        for (String weak : List.of("disable", "allow", "prefer")) {
            refused("sslnegotiation", "direct", "sslmode", weak).hasMessageContaining("weak sslmode \"" + weak + "\"")
                    .hasMessageContaining("sslnegotiation=direct");
        }
        assertThat(policy("sslnegotiation", "direct", "sslmode", "require").direct()).isTrue();
        assertThat(policy("sslmode", "require").direct()).isFalse();
    }

    @Test
    void protocolRange() throws Exception {
        assertThat(policy().protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(policy("ssl_min_protocol_version", "TLSv1.3").protocols()).containsExactly("TLSv1.3");
        assertThat(policy("ssl_max_protocol_version", "TLSv1.2").protocols()).containsExactly("TLSv1.2");
        refused("ssl_min_protocol_version", "TLSv1.3", "ssl_max_protocol_version", "TLSv1.2")
                .hasMessageContaining("invalid SSL protocol version range");
        refused("sslmode", "disable", "ssl_min_protocol_version", "TLSv1.3", "ssl_max_protocol_version", "TLSv1.1")
                .hasMessageContaining("invalid SSL protocol version range");
    }

    @Test
    void missingDefaultClientCertificateIsNoError() throws Exception {
        assertThat(policy("sslmode", "require").hasClientCertificate()).isFalse();
        TestPki.write(home.resolve(".postgresql/postgresql.key"), "unused", "rw-r--r--");
        assertThat(policy("sslmode", "require").hasClientCertificate()).as("a key without a certificate is not read")
                .isFalse();
    }

    @Test
    void clientCertificateAndKeyFromTheDefaultFiles() throws Exception {
        client("rw-r--r--", "rw-------");
        TlsPolicy p = policy("sslmode", "require");
        assertThat(p.hasClientCertificate()).isTrue();
        assertThat(p.toString()).contains("clientCertificate=true");
    }

    @Test
    void keyFileOthersMayReadIsRefused() throws Exception {
        client("rw-r--r--", "rw-r--r--");
        refused("sslmode", "require").hasMessageContaining("has group or world access");
    }

    @Test
    void certificateWithoutItsKeyIsRefused() throws Exception {
        client("rw-r--r--", "rw-------");
        Files.delete(home.resolve(".postgresql/postgresql.key"));
        refused().hasMessageContaining("certificate present, but not private key file \""
                + home.resolve(".postgresql/postgresql.key") + "\"");
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        client("rw-r--r--", "rw-------");
        TestPki.write(home.resolve(".postgresql/postgresql.key"), TestPki.pkcs8(TestPki.ec("secp256r1")), "rw-------");
        refused().hasMessageContaining("certificate does not match private key file");
    }

    @Test
    void encryptedKeyNeedsTheRightSslpassword() throws Exception {
        // the OpenSSL key's own certificate, so that the key matches it
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) PrivateKeyReader.read(Path.of("k"),
                OpenSslKeys.RSA_PKCS1.getBytes(StandardCharsets.US_ASCII), null);
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
        TestPki.Issued cert = TestPki.certificate("CN=app").keys(new KeyPair(pub, k))
                .issuedBy(TestPki.ca("Client CA")).build();
        TestPki.write(home.resolve(".postgresql/postgresql.crt"), TestPki.pem(cert.certificate()));
        Path key = TestPki.write(home.resolve(".postgresql/postgresql.key"), OpenSslKeys.RSA_ENCRYPTED, "rw-------");
        refused("sslpassword", "not it").hasMessage("could not decrypt the private key in \"" + key + "\": wrong sslpassword?");
        refused().hasMessageContaining("give its passphrase in sslpassword");
        TlsPolicy p = policy("sslpassword", OpenSslKeys.PASSPHRASE);
        assertThat(p.hasClientCertificate()).isTrue();
        assertThat(p.toString()).doesNotContain(OpenSslKeys.PASSPHRASE);
    }

    @Test
    void noHomeDirectoryMeansNoDefaultFiles() throws Exception {
        ConnectionConfig c = ConnectionConfig.fromMap(Map.of("sslmode", "require"), new ConfigSources(Map.of(), null));
        assertThat(TlsPolicy.of(c, null).verifiesChain()).isFalse();
        ConnectionConfig full = ConnectionConfig.fromMap(Map.of("sslmode", "verify-full"), new ConfigSources(Map.of(), null));
        assertThatThrownBy(() -> TlsPolicy.of(full, null))
                .hasMessageContaining("could not get home directory to locate root certificate file");
    }
}
