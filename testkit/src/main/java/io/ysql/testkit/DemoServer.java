package io.ysql.testkit;

import java.time.Duration;
import java.util.Optional;

/**
 * Gives the examples a server to talk to: when something already accepts connections on the
 * address they were pointed at, they use it; otherwise a throwaway {@link PgCluster} is started
 * on exactly that port with superuser {@code yugabyte}, password {@code yugabyte}, database
 * {@code yugabyte} and SCRAM authentication. The caller closes it; it also goes away at JVM exit.
 */
public final class DemoServer {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private DemoServer() {}

    /**
     * Starts a cluster on {@code port} unless a TCP connection to {@code host:port} succeeds.
     *
     * @return the started cluster, or empty when something already listens there
     * @throws IllegalStateException when nothing listens and {@code host} is not this machine,
     *     or the cluster cannot be started
     */
    public static Optional<PgCluster> startIfNothingListens(String host, int port) {
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be 1..65535: " + port);
        if (Loopback.accepts(host, port, PROBE_TIMEOUT)) return Optional.empty();
        if (!Loopback.isLocal(host)) {
            throw new IllegalStateException("nothing accepts connections on " + host + ":" + port
                    + ", and a local server cannot stand in for a remote host");
        }
        return Optional.of(PgCluster.start(demoSettings(port)));
    }

    static PgCluster.Settings demoSettings(int port) {
        return PgCluster.Settings.builder().port(port).superuser("yugabyte").superuserPassword("yugabyte")
                .database("yugabyte").passwordEncryption("scram-sha-256").build();
    }
}
