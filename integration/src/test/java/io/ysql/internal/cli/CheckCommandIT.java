package io.ysql.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.config.ConfigSources;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ServerCertKind;
import io.ysql.testkit.SilentServer;
import io.ysql.testkit.TestCertificates;
import io.ysql.testkit.YbNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code check} against real servers set up to cause each outcome: a good connection (text and
 * JSON), a port nobody listens on, a wrong password, a server without TLS under
 * {@code sslmode=require}, each bad server certificate of the testkit, a fake YugabyteDB cluster
 * with a node down, a listener whose full accept queue makes the TCP connect time out, a listener
 * that accepts and never answers, and whether SCRAM bound the session to the TLS channel. Each asserts the steps shown, the advice, the exit status, and that
 * the password never appears.
 */
class CheckCommandIT {
    private static final TestCertificates CERTS = TestCertificates.get();
    private static final AuthRole ROLE = AuthRole.SCRAM;
    private static PgCluster tls;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        tls = PgCluster.start(PgCluster.Settings.builder().ssl(ServerCertKind.SERVER).sslCrl(true).build());
    }

    @AfterAll
    static void stop() {
        if (tls != null) tls.stop();
    }

    @AfterEach
    void restoreCertificate() {
        if (tls.serverCert().orElseThrow() != ServerCertKind.SERVER) tls.useServerCert(ServerCertKind.SERVER);
    }

    private int check(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Main(new ConfigSources(Map.of(), null)).run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    @Test
    void aGoodConnectionShowsEveryStepAndExitsZero() {
        PgCluster pg = PgCluster.shared();
        int status = check(pg.conninfo(ROLE) + " sslmode=disable");
        assertThat(status).as(out()).isZero();
        assertThat(out()).contains("Options (value, and where it came from):")
                .containsPattern("password +\\*\\*\\* +given")
                .containsPattern("connect_timeout +10 +default")
                .containsPattern("dbname +" + pg.database() + " +given")
                .contains("[ok]    tcp      127.0.0.1 port " + pg.port() + ": connected")
                .contains("[ok]    auth     ")
                .contains("version:         " + pg.serverVersion().split(" ")[0])
                .contains("(PostgreSQL)")
                .contains("Result: connected in")
                .doesNotContain(ROLE.password());
    }

    @Test
    void jsonFollowsTheDocumentedSchema() {
        PgCluster pg = PgCluster.shared();
        int status = check("--json", pg.conninfo(ROLE) + " sslmode=disable");
        assertThat(status).as(out()).isZero();
        assertThat(out()).startsWith("{\n  \"schema\": \"ysql-driver/check/1\",\n  \"ok\": true,")
                .contains("\"name\": \"password\",\n      \"value\": \"***\",\n      \"source\": \"given\"")
                .contains("\"step\": \"tcp\"", "\"outcome\": \"connected\"", "\"step\": \"auth\"",
                        "\"yugabytedb\": false", "\"error\": null")
                .doesNotContain(ROLE.password());
    }

    @Test
    void aPortNobodyListensOnIsRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int status = check("host=127.0.0.1 port=" + port + " sslmode=disable");
        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("[FAIL]  tcp      127.0.0.1 port " + port + ": refused")
                .contains("Result: FAILED, SQLSTATE 08001")
                .contains("nothing accepts connections at 127.0.0.1 (127.0.0.1) port " + port);
        out.reset();
        assertThat(check("--json", "host=127.0.0.1 port=" + port + " sslmode=disable")).isEqualTo(1);
        assertThat(out()).contains("\"ok\": false", "\"outcome\": \"refused\"", "\"sqlstate\": \"08001\"",
                "\"advice\": [");
    }

    @Test
    void aListenerWhoseQueueIsFullTimesTheTcpConnectOut() throws IOException {
        // backlog 1, never accepting: once the queue is full Linux drops further SYNs, so a connect gets no answer
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = listener.getLocalPort();
            List<Socket> queued = fillAcceptQueue(port);
            try {
                int status = check("host=127.0.0.1 port=" + port + " connect_timeout=2 sslmode=disable");
                assertThat(status).as(out()).isEqualTo(1);
                assertThat(out()).contains("[FAIL]  tcp      no answer within 2 s from 127.0.0.1:" + port
                                + ": the TCP connect timed out")
                        .contains("Result: FAILED, SQLSTATE 08001")
                        .contains("no answer from 127.0.0.1 (127.0.0.1) port " + port + " within 2 s");
                out.reset();
                assertThat(check("--json", "host=127.0.0.1 port=" + port + " connect_timeout=2 sslmode=disable"))
                        .isEqualTo(1);
                assertThat(out()).contains("\"ok\": false", "\"step\": \"tcp\"", "\"outcome\": \"timed_out\"",
                        "\"connect_timeout_ms\": 2000", "\"sqlstate\": \"08001\"");
            } finally {
                for (Socket s : queued) s.close();
            }
        }
    }

    /** Connects until a connect gets no answer: the sockets that filled the accept queue, to close afterwards. */
    private static List<Socket> fillAcceptQueue(int port) throws IOException {
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                queued.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return queued;
            }
        }
        for (Socket s : queued) s.close();
        throw new AssertionError("a listener with backlog 1 still accepted 16 connects: loopback does not drop SYNs");
    }

    @Test
    void aListenerThatNeverAnswersTheStartupIsTold() {
        try (SilentServer silent = SilentServer.start()) {
            String conninfo = "host=" + silent.host() + " port=" + silent.port() + " connect_timeout=2 sslmode=disable";
            int status = check(conninfo);
            assertThat(status).as(out()).isEqualTo(1);
            assertThat(out()).contains("[ok]    tcp      127.0.0.1 port " + silent.port() + ": connected")
                    .contains("no answer within 2 s from 127.0.0.1:" + silent.port()
                            + ": the TCP connection was accepted, but nothing came back")
                    .contains("the server at 127.0.0.1:" + silent.port() + " accepted the TCP connection but sent "
                            + "no answer within 2 s");
            out.reset();
            assertThat(check("--json", conninfo)).isEqualTo(1);
            assertThat(out()).contains("\"step\": \"attempt\"", "\"outcome\": \"no_answer\"",
                    "\"sqlstate\": \"08006\"");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sslmode=require channel_binding=prefer  | SCRAM-SHA-256-PLUS, channel binding: yes | true",
        "sslmode=disable channel_binding=prefer  | SCRAM-SHA-256, channel binding: no       | false",
        "sslmode=require channel_binding=disable | SCRAM-SHA-256, channel binding: no       | false",
    })
    void channelBindingIsWhatTheScramExchangeDid(String settings, String auth, boolean bound) {
        int status = check(tls.conninfo(ROLE) + " " + settings);
        assertThat(status).as(out()).isZero();
        assertThat(out()).contains("[ok]    auth     " + auth);
        out.reset();
        assertThat(check("--json", tls.conninfo(ROLE) + " " + settings)).isZero();
        assertThat(out()).contains("\"channel_binding\": " + bound);
    }

    @Test
    void aHostNameDnsDoesNotKnowIsNamed() {
        int status = check("host=no-such-host.invalid port=5433 sslmode=disable");
        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("[FAIL]  dns      no-such-host.invalid: unknown host")
                .contains("the host name \"no-such-host.invalid\" is not known to DNS");
    }

    @Test
    void aWrongPasswordIsNamedWithItsSource() {
        PgCluster pg = PgCluster.shared();
        int status = check(pg.conninfo(ROLE.user(), "not-the-password") + " sslmode=disable");
        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("[ok]    tcp", "SQLSTATE 28P01",
                        "the server rejected the password of user \"" + ROLE.user() + "\" (the password given")
                .doesNotContain("not-the-password");
    }

    @Test
    void aServerWithoutTlsUnderSslmodeRequire() {
        PgCluster pg = PgCluster.shared();
        int status = check(pg.conninfo(ROLE) + " sslmode=require");
        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("[info]  ssl      the server has no TLS (it answered N to the SSL request)")
                .contains("has TLS off but sslmode=require requires it");
    }

    @Test
    void aGoodCertificateShowsTheChainAndTheChecks() {
        int status = check(tls.conninfo(ROLE) + " sslmode=verify-full sslrootcert=" + CERTS.rootCert());
        assertThat(status).as(out()).isZero();
        assertThat(out()).contains("[ok]    ssl      the server accepted the SSL request")
                .contains("[ok]    tls      TLSv1.3")
                .contains("verification: sslmode=verify-full: chain checked against", "host name \"127.0.0.1\" checked")
                .contains("certificate 0: ", "names:   DNS:localhost, IP:127.0.0.1")
                .contains("certificate 1: ")
                .containsPattern("auth +SCRAM-SHA-256-PLUS, channel binding: yes");
    }

    @Test
    void requireWithoutRootsSaysTheServerIsNotAuthenticated() {
        int status = check(tls.conninfo(ROLE) + " sslmode=require");
        assertThat(status).as(out()).isZero();
        assertThat(out()).contains("sslmode=require without root certificates: encrypted, but the server's identity "
                + "is not checked");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXPIRED       | verify-ca   | certificate has expired        | expired on",
        "NOT_YET_VALID | verify-ca   | certificate is not yet valid   | check the clocks",
        "OTHER_HOST    | verify-full | does not match the certificate | the certificate is for DNS:db.example.com but you connected to 127.0.0.1",
        "UNKNOWN_CA    | verify-ca   | certificate chain              | does not lead to a root in",
        "SELF_SIGNED   | verify-ca   | certificate chain              | point sslrootcert at the CA that issued it",
        "REVOKED       | verify-ca   | certificate has been revoked   | listed as revoked",
    })
    void eachBadCertificateIsExplained(ServerCertKind kind, String mode, String failure, String advice) {
        tls.useServerCert(kind);
        String crl = kind == ServerCertKind.REVOKED ? " sslcrl=" + CERTS.crl() : "";
        int status = check(tls.conninfo(ROLE) + " sslmode=" + mode + " sslrootcert=" + CERTS.rootCert() + crl);
        assertThat(status).as(out()).isEqualTo(1);
        assertThat(out()).contains("[FAIL]  tls      SSL handshake with 127.0.0.1:" + tls.port() + " failed: ")
                .contains(failure)
                .contains("certificate 0: ")
                .contains(advice)
                .doesNotContain(ROLE.password());
        out.reset();
        assertThat(check("--json", tls.conninfo(ROLE) + " sslmode=" + mode + " sslrootcert=" + CERTS.rootCert() + crl))
                .isEqualTo(1);
        assertThat(out()).contains("\"step\": \"tls\",\n      \"ok\": false,", "\"sslmode\": \"" + mode + "\"",
                "\"chain_verified\": true", "\"certificates\": [", "\"not_after\": ", "\"sqlstate\": \"08006\"");
    }

    @Test
    void aClusterWithANodeDownShowsTheRefusedNodeAndTheServers() {
        try (FakeYugabyteCluster cluster = FakeYugabyteCluster.start()) {
            YbNode down = cluster.node(2);
            down.stop();
            String conninfo = "host=" + down.host() + "," + cluster.node(0).host() + " port=" + cluster.port()
                    + " dbname=" + cluster.database() + " user=" + cluster.user() + " password=" + cluster.password()
                    + " sslmode=disable load_balance=true";
            int status = check(conninfo);
            assertThat(status).as(out()).isZero();
            assertThat(out()).contains("[FAIL]  tcp      " + down.host() + " port " + cluster.port() + ": refused")
                    .contains("Cluster (load_balance)")
                    .contains(cluster.node(0).host() + ":" + cluster.port(), cluster.node(1).host() + ":" + cluster.port(),
                            down.host() + ":" + cluster.port())
                    .contains("a new connection would go to");
            out.reset();
            assertThat(check("--json", conninfo)).isZero();
            assertThat(out()).contains("\"cluster\": {", "\"servers\": [", "\"next\": {");
        }
    }
}
