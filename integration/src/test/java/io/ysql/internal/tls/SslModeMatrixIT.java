package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.ConnectionInfo;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.HbaMode;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ServerCertKind;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sslmode against a server without TLS, a TLS server whose pg_hba admits both kinds of
 * connection, one that admits only TLS ({@code hostssl}) and one that admits only plaintext
 * ({@code hostnossl}), each with an empty HOME, a HOME whose {@code root.crt} vouches for the
 * server, and one whose {@code root.crt} does not: whether the session is encrypted (as the driver
 * reports it and as {@code pg_stat_ssl} sees it), or how it fails. The outcomes are libpq's, with one
 * deliberate difference: verify-ca and verify-full without a root file fail before connecting,
 * whatever the server offers.
 */
class SslModeMatrixIT {
    private static final List<String> MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /**
     * One line per server and HOME, one outcome per sslmode in {@link #MODES} order:
     * P plaintext, T TLS, N the server has no TLS (08001), M no root file (08001),
     * H pg_hba refuses plaintext (28000), S pg_hba refuses TLS (28000), C certificate chain (08001: a
     * handshake that fails on the only host is a connection never established).
     */
    private static final String TABLE = """
            PLAIN      EMPTY    P P P N M M
            PLAIN      TRUSTED  P P P N N N
            PLAIN      WRONG    P P P N N N
            TLS_ANY    EMPTY    P P T T M M
            TLS_ANY    TRUSTED  P P T T T T
            TLS_ANY    WRONG    P P P C C C
            SSL_ONLY   EMPTY    H T T T M M
            SSL_ONLY   TRUSTED  H T T T T T
            SSL_ONLY   WRONG    H H H C C C
            NOSSL_ONLY EMPTY    P P P S M M
            NOSSL_ONLY TRUSTED  P P P S S S
            NOSSL_ONLY WRONG    P P P C C C
            """;

    enum Server { PLAIN, TLS_ANY, SSL_ONLY, NOSSL_ONLY }

    enum Home { EMPTY, TRUSTED, WRONG }

    @TempDir
    static Path homes;
    private static PgCluster sslOnly;
    private static PgCluster nosslOnly;

    @BeforeAll
    static void startClusters() {
        sslOnly = PgCluster.start(PgCluster.Settings.builder().ssl(ServerCertKind.SERVER).hbaMode(HbaMode.SSL_ONLY).build());
        nosslOnly = PgCluster.start(PgCluster.Settings.builder().ssl(ServerCertKind.SERVER).hbaMode(HbaMode.NOSSL_ONLY)
                .build());
    }

    @AfterAll
    static void stopClusters() {
        if (sslOnly != null) sslOnly.stop();
        if (nosslOnly != null) nosslOnly.stop();
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            for (int i = 0; i < MODES.size(); i++) {
                rows.add(Arguments.of(Server.valueOf(f[0]), Home.valueOf(f[1]), MODES.get(i), f[2 + i].charAt(0)));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} sslmode={2} -> {3}")
    @MethodSource("table")
    void sslmode(Server server, Home home, String mode, char outcome) throws SQLException {
        PgCluster cluster = cluster(server);
        FakeHome fakeHome = home(home);
        String conninfo = cluster.conninfo(AuthRole.SCRAM) + " sslmode=" + mode;
        switch (outcome) {
            case 'P', 'T' -> {
                try (YsqlConnection conn = fakeHome.connect(conninfo)) {
                    boolean tls = outcome == 'T';
                    ConnectionInfo info = conn.connectionInfo();
                    assertThat(info.encrypted()).as("connectionInfo().encrypted()").isEqualTo(tls);
                    assertThat(serverSeesTls(conn)).as("pg_stat_ssl.ssl").isEqualTo(tls);
                    if (tls) assertThat(info.tlsProtocol()).startsWith("TLSv1.");
                    else assertThat(info.tlsProtocol()).isNull();
                }
            }
            default -> {
                SQLException e = TestServer.thrown(SQLException.class, () -> fakeHome.connect(conninfo).close());
                assertFailure(e, outcome, fakeHome);
            }
        }
    }

    private static void assertFailure(SQLException e, char outcome, FakeHome home) {
        switch (outcome) {
            case 'N' -> {
                assertThat(e.getSQLState()).isEqualTo("08001");
                assertThat(e.getMessage()).contains("does not support SSL");
            }
            case 'M' -> {
                assertThat(e.getSQLState()).isEqualTo("08001");
                assertThat(e.getMessage()).contains("root certificate file \"" + home.rootFile() + "\" does not exist");
            }
            case 'H' -> {
                assertThat(e.getSQLState()).isEqualTo("28000");
                assertThat(e.getMessage()).contains("no pg_hba.conf entry").contains("no encryption");
            }
            case 'S' -> {
                assertThat(e.getSQLState()).isEqualTo("28000");
                assertThat(e.getMessage()).contains("no pg_hba.conf entry").contains("SSL encryption");
            }
            case 'C' -> {
                assertThat(e.getSQLState()).isEqualTo("08001");
                assertThat(e.getMessage()).contains("certificate chain").contains(home.rootFile().toString());
            }
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        }
    }

    /**
     * libpq: under allow, a plaintext attempt refused by pg_hba is followed by a TLS attempt; when that
     * fails verification too, both reasons are reported.
     */
    @Test
    void allowReportsBothFailuresWhenPlaintextIsRefusedAndTlsFailsVerification() {
        FakeHome home = home(Home.WRONG);
        SQLException e = TestServer.thrown(SQLException.class,
                () -> home.connect(sslOnly.conninfo(AuthRole.SCRAM) + " sslmode=allow").close());
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(TestServer.chain(e)).extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m).contains("certificate chain"));
    }

    /** libpq: under prefer, a TLS attempt that fails verification is followed by a refused plaintext attempt. */
    @Test
    void preferReportsBothFailuresWhenTlsFailsVerificationAndPlaintextIsRefused() {
        FakeHome home = home(Home.WRONG);
        SQLException e = TestServer.thrown(SQLException.class,
                () -> home.connect(sslOnly.conninfo(AuthRole.SCRAM) + " sslmode=prefer").close());
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(TestServer.chain(e)).extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m).contains("certificate chain"));
    }

    private static boolean serverSeesTls(YsqlConnection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getBoolean(1);
        }
    }

    private static PgCluster cluster(Server server) {
        return switch (server) {
            case PLAIN -> PgCluster.shared();
            case TLS_ANY -> PgCluster.sharedTls();
            case SSL_ONLY -> sslOnly;
            case NOSSL_ONLY -> nosslOnly;
        };
    }

    private static FakeHome home(Home home) {
        Path dir = homes.resolve(home.name());
        return switch (home) {
            case EMPTY -> FakeHome.empty(dir);
            case TRUSTED -> FakeHome.trustedRoot(dir);
            case WRONG -> FakeHome.wrongRoot(dir);
        };
    }
}
