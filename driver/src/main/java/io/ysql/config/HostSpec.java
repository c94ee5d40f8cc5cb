package io.ysql.config;

import java.util.Objects;

/**
 * One server to try: the host name (or IP address, or Unix-socket directory when it starts with
 * {@code /}), the port, and optionally the numeric address from {@code hostaddr} to connect to
 * instead of resolving the name. As in libpq, the name is still what TLS host-name checks and
 * {@code .pgpass} look-ups use when {@code hostaddr} is given.
 *
 * @param host     host name, IP address or socket directory; never empty
 * @param port     TCP port (or socket-file suffix), 1 to 65535
 * @param hostaddr numeric address to connect to, or {@code null} to resolve {@code host}
 */
public record HostSpec(String host, int port, String hostaddr) {
    /** The default host. */
    public static final String DEFAULT_HOST = "localhost";
    /** The default port: YugabyteDB's YSQL port. */
    public static final int DEFAULT_PORT = 5433;

    /** Validates the components. */
    public HostSpec {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) throw new IllegalArgumentException("empty host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (hostaddr != null && hostaddr.isEmpty()) hostaddr = null;
    }

    /** A host reached by resolving its name. */
    public HostSpec(String host, int port) {
        this(host, port, null);
    }

    /** Whether the host is a Unix-socket directory (an absolute path) rather than a network host. */
    public boolean unixSocket() {
        return host.startsWith("/");
    }

    /** What to connect to: {@code hostaddr} if given, else {@code host}. */
    public String connectAddress() {
        return hostaddr != null ? hostaddr : host;
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h + ":" + port + (hostaddr == null ? "" : " (" + hostaddr + ")");
    }
}
