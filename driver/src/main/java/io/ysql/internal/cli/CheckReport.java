package io.ysql.internal.cli;

import io.ysql.ClusterInfo;
import io.ysql.ClusterServer;
import io.ysql.ConnectEvent;
import io.ysql.ConnectionInfo;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code check} found, for the text and the JSON renderers: the options with where
 * each value came from, the connect steps in order, and either the connection (server, cluster)
 * or the failure with advice.
 *
 * @param options the resolved options shown (password always {@code ***})
 * @param events the connect steps, in order
 * @param connection the connection made, or null
 * @param serverParameters what the server reported, empty when no connection was made
 * @param cluster the YugabyteDB cluster when load balancing was on and the server is one
 * @param failure why no connection was made, or null
 * @param advice what to do about the failure, most specific first
 * @param took the whole connect
 * @param connectTimeout the connect_timeout in force, {@link Duration#ZERO} for none
 */
record CheckReport(List<OptionLine> options, List<ConnectEvent> events, ConnectionInfo connection,
                   Map<String, String> serverParameters, Optional<ClusterInfo> cluster, SQLException failure,
                   List<String> advice, Duration took, Duration connectTimeout) {

    /**
     * One option as resolved.
     *
     * @param source {@code given}, {@code environment}, {@code password file} or {@code default}
     * @param detail the environment variable or password file, or null
     */
    record OptionLine(String name, String value, String source, String detail) {}

    boolean connected() {
        return connection != null;
    }

    /** The server_version parameter, or null. */
    String serverVersion() {
        return serverParameters.get("server_version");
    }

    /** Whether the server is YugabyteDB: its version reads like {@code 11.2-YB-2.20.1.0-b0}. */
    boolean yugabyte() {
        String v = serverVersion();
        return v != null && v.contains("-YB-");
    }

    /** The YugabyteDB release in the version, e.g. {@code 2.20.1.0}, or null. */
    String yugabyteRelease() {
        String v = serverVersion();
        if (v == null || !v.contains("-YB-")) return null;
        String rest = v.substring(v.indexOf("-YB-") + 4);
        int dash = rest.indexOf('-');
        return dash < 0 ? rest : rest.substring(0, dash);
    }

    /**
     * Whether an attempt failed because the peer accepted the TCP connection and then sent nothing
     * back within connect_timeout (a connection failure, 08006, caused by a read timeout).
     */
    static boolean noAnswer(ConnectEvent.AttemptFailed f) {
        if (!"08006".equals(f.error().getSQLState())) return false;
        for (Throwable t = f.error(); t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) return true;
        }
        return false;
    }

    /** A connect_timeout in words: {@code 2 s}, {@code 1500 ms}, or {@code connect_timeout} when there is none. */
    static String within(Duration timeout) {
        if (timeout == null || timeout.isZero()) return "connect_timeout";
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** The server a new load-balanced connection would go to: the least-loaded one not avoided. */
    static Optional<ClusterServer> next(ClusterInfo cluster) {
        return cluster.servers().stream().filter(s -> !s.down())
                .min(Comparator.comparingInt(ClusterServer::connections));
    }
}
