package io.ysql.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.ClientKeyFormat;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.TestCertificates;
import io.ysql.testkit.TlsRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret outlives its use in the heap: a child JVM ({@link HeapDumpMain}) connects with a
 * distinctive password or sslpassword that only it builds, runs a query, and dumps its live heap
 * while the connection is open and again after closing it; neither dump may contain the secret in
 * UTF-8/Latin-1 or UTF-16, nor what SCRAM and MD5 derive from it (the salted password, the client
 * key, the MD5 hash the server stores). The driver keeps no password for an open connection: the
 * strings a caller passes in are the caller's, and are gone here because the child drops them.
 */
class SecretsHeapDumpIT {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void scramLeavesNeitherThePasswordNorItsSaltedForms(@TempDir Path dir) throws Exception {
        assertScramLeavesNoSecret(dir, PgCluster.shared(), "sslmode=disable");
    }

    @Test
    void scramOverTlsLeavesNeitherThePasswordNorItsSaltedForms(@TempDir Path dir) throws Exception {
        // a TLS connection keeps its handshake for cancel requests: that must not keep the configuration
        assertScramLeavesNoSecret(dir, PgCluster.sharedTls(), "sslmode=require");
    }

    private static void assertScramLeavesNoSecret(Path dir, PgCluster cluster, String sslmode) throws Exception {
        String password = distinctive();
        String role = "heap_dump_scram_user";
        cluster.psql("DROP ROLE IF EXISTS " + role + "; SET password_encryption = 'scram-sha-256'; CREATE ROLE "
                + role + " LOGIN PASSWORD '" + password + "'");
        try {
            Map<String, byte[]> secrets = textForms(password);
            secrets.putAll(scramSecrets(cluster, role, password));
            assertNoSecretInDumps(dir, cluster.conninfo(role, null) + " password={secret} " + sslmode, password,
                    role, secrets);
        } finally {
            cluster.psql("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void md5LeavesNeitherThePasswordNorTheStoredHash(@TempDir Path dir) throws Exception {
        PgCluster cluster = PgCluster.shared();
        AuthRole role = AuthRole.MD5;
        String password = distinctive();
        cluster.psql("SET password_encryption = 'md5'; ALTER ROLE " + role.user() + " PASSWORD '" + password + "'");
        try {
            Map<String, byte[]> secrets = textForms(password);
            String stored = cluster.psql("SELECT rolpassword FROM pg_authid WHERE rolname = '" + role.user() + "'");
            assertThat(stored).startsWith("md5");
            secrets.put("the MD5 hash the server stores", stored.substring(3).getBytes(StandardCharsets.US_ASCII));
            assertNoSecretInDumps(dir, cluster.conninfo(role.user(), null) + " password={secret} sslmode=disable",
                    password, role.user(), secrets);
        } finally {
            cluster.psql("SET password_encryption = 'md5'; ALTER ROLE " + role.user() + " PASSWORD '"
                    + role.password() + "'");
        }
    }

    @Test
    void cleartextLeavesNoPassword(@TempDir Path dir) throws Exception {
        PgCluster cluster = PgCluster.shared();
        AuthRole role = AuthRole.PASSWORD;
        String password = distinctive();
        cluster.psql("SET password_encryption = 'scram-sha-256'; ALTER ROLE " + role.user() + " PASSWORD '"
                + password + "'");
        try {
            assertNoSecretInDumps(dir, cluster.conninfo(role.user(), null) + " password={secret} sslmode=disable",
                    password, role.user(), textForms(password));
        } finally {
            cluster.psql("SET password_encryption = 'scram-sha-256'; ALTER ROLE " + role.user() + " PASSWORD '"
                    + role.password() + "'");
        }
    }

    @Test
    void anEncryptedClientKeyLeavesNoSslpassword(@TempDir Path dir) throws Exception {
        PgCluster cluster = PgCluster.sharedTls();
        TestCertificates certs = TestCertificates.get();
        String sslpassword = certs.clientKeyPassword();
        String conninfo = cluster.conninfo(TlsRole.CERT.user(), null) + " sslmode=verify-full sslrootcert="
                + quoted(certs.rootCert()) + " sslcert=" + quoted(certs.clientCert(ClientKeyFormat.PKCS8_ENCRYPTED))
                + " sslkey=" + quoted(certs.clientKey(ClientKeyFormat.PKCS8_ENCRYPTED)) + " sslpassword={secret}";
        assertNoSecretInDumps(dir, conninfo, sslpassword, TlsRole.CERT.user(), textForms(sslpassword));
    }

    /** Random, so that no class file and no earlier run can hold it. */
    private static String distinctive() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return "Hd7-" + HEX.formatHex(b) + "-heap-Secret";
    }

    private static Map<String, byte[]> textForms(String secret) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("the secret in UTF-8 (and Latin-1 strings)", secret.getBytes(StandardCharsets.UTF_8));
        forms.put("the secret in UTF-16BE", secret.getBytes(StandardCharsets.UTF_16BE));
        forms.put("the secret in UTF-16LE", secret.getBytes(StandardCharsets.UTF_16LE));
        return forms;
    }

    /** SaltedPassword and ClientKey (RFC 5802) from the verifier the server stores. */
    private static Map<String, byte[]> scramSecrets(PgCluster cluster, String role, String password) throws Exception {
        String verifier = cluster.psql("SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'");
        // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
        String[] parts = verifier.split("[$:]");
        assertThat(parts[0]).isEqualTo("SCRAM-SHA-256");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salted, "HmacSHA256"));
        byte[] clientKey = mac.doFinal("Client Key".getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("the SCRAM salted password", salted);
        secrets.put("the SCRAM client key", clientKey);
        return secrets;
    }

    private static void assertNoSecretInDumps(Path dir, String conninfoTemplate, String secret, String expectedUser,
                                              Map<String, byte[]> secrets) throws Exception {
        List<String> out = runChild(dir, conninfoTemplate, secret);
        assertThat(out).contains("USER " + expectedUser, "DUMPED");
        for (String dump : List.of("open.hprof", "closed.hprof")) {
            byte[] heap = Files.readAllBytes(dir.resolve(dump));
            assertThat(heap.length).as(dump + " size").isGreaterThan(1 << 20);
            List<String> found = new ArrayList<>();
            secrets.forEach((what, bytes) -> {
                if (indexOf(heap, bytes) >= 0) found.add(what);
            });
            assertThat(found).as("secrets found in the heap dump %s", dump).isEmpty();
        }
        // the scan itself works: the user name the child printed is in the heap
        assertThat(indexOf(Files.readAllBytes(dir.resolve("open.hprof")),
                expectedUser.getBytes(StandardCharsets.UTF_8))).isNotNegative();
    }

    private static List<String> runChild(Path dir, String conninfoTemplate, String secret) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path output = dir.resolve("child.out");
        String reversed = new StringBuilder(secret).reverse().toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                HeapDumpMain.class.getName(), dir.toString(), conninfoTemplate, reversed)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(output));
        }
        List<String> out = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("exit status; output: %s", out).isZero();
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (haystack[i] != needle[0]) continue;
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static String quoted(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
