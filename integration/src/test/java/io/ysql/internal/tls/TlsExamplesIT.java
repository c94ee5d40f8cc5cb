package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.TestCertificates;
import io.ysql.testkit.TlsRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example of docs/tls.md against the shared TLS test server and checks the outcome the
 * page states: connected with or without encryption, or refused with the quoted words. The page's
 * placeholders ({@code port=5433}, {@code app}/{@code secret}, {@code root.crt}, {@code other-ca.crt},
 * {@code client.crt}/{@code client.key}) are replaced by the testkit's server and files; the
 * home directory is empty, so no default certificate file is picked up.
 */
class TlsExamplesIT {
    private static final Path DOC = Path.of("..", "docs", "tls.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- example expect=(\\w+)(?: message=\"([^\"]*)\")?[^>]*-->\\s*```conninfo\\n([^\\n]+)\\n```");
    private static final TestCertificates CERTS = TestCertificates.get();
    private static final AuthRole ROLE = AuthRole.SCRAM;

    @TempDir
    Path home;

    private record Example(String expect, String message, String conninfo) {}

    private static List<Example> examples() throws IOException {
        Matcher m = EXAMPLE.matcher(Files.readString(DOC));
        List<Example> out = new ArrayList<>();
        while (m.find()) out.add(new Example(m.group(1), m.group(2), m.group(3)));
        return out;
    }

    private static String substitute(String conninfo, PgCluster server) {
        return conninfo.replace("port=5433", "port=" + server.port())
                .replace("user=app password=secret", "user=" + ROLE.user() + " password=" + ROLE.password())
                .replace("sslrootcert=root.crt", "sslrootcert=" + CERTS.rootCert())
                .replace("sslrootcert=other-ca.crt", "sslrootcert=" + CERTS.unknownCaCert())
                .replace("sslcert=client.crt", "sslcert=" + CERTS.clientCert(TlsRole.CERT))
                .replace("sslkey=client.key", "sslkey=" + CERTS.clientKey(TlsRole.CERT));
    }

    @Test
    void everyExampleOfThePageBehavesAsItSays() throws IOException {
        PgCluster server = PgCluster.sharedTls();
        List<Example> examples = examples();
        assertThat(examples).as("examples in " + DOC).hasSizeGreaterThanOrEqualTo(8)
                .extracting(Example::conninfo).anyMatch(c -> c.contains("sslmode=disable"))
                .anyMatch(c -> c.contains("sslmode=allow")).anyMatch(c -> c.contains("sslmode=prefer"))
                .anyMatch(c -> c.contains("sslmode=require")).anyMatch(c -> c.contains("sslmode=verify-ca"))
                .anyMatch(c -> c.contains("sslmode=verify-full"));
        ConfigSources sources = new ConfigSources(Map.of(), home);
        for (Example e : examples) {
            String conninfo = substitute(e.conninfo(), server);
            switch (e.expect()) {
                case "encrypted", "plaintext" -> {
                    try (YsqlConnection c = Ysql.connect(ConnectionConfig.parse(conninfo, null, sources))) {
                        assertThat(c.connectionInfo().encrypted()).as(e.conninfo())
                                .isEqualTo(e.expect().equals("encrypted"));
                    } catch (SQLException ex) {
                        throw new AssertionError("example failed: " + e.conninfo() + ": " + ex.getMessage(), ex);
                    }
                }
                case "fails" -> assertThatThrownBy(() -> Ysql.connect(ConnectionConfig.parse(conninfo, null, sources))
                        .close()).as(e.conninfo()).isInstanceOf(SQLException.class).hasMessageContaining(e.message());
                default -> throw new AssertionError("unknown expectation " + e.expect() + " in " + DOC);
            }
        }
    }
}
