package io.ysql.internal.transport;

import io.ysql.internal.tls.TlsPolicy;
import io.ysql.internal.tls.TlsSessionInfo;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The steps of opening a connection, reported as they happen: the host name resolved, each TCP
 * connect, the server's answer to the SSLRequest, the TLS handshake with the server's certificate
 * chain, the authentication method and the server's parameters, and each failed attempt. The
 * connect path calls it ({@code transport} for DNS, TCP and SSLRequest, {@code connect} for the
 * rest); the public listener of the {@code io.ysql} package adapts it, so that diagnostics are
 * built on the real connect logic instead of a copy of it. Every method has an empty default and
 * runs on the connecting thread; it must not throw. Nothing secret is passed.
 */
public interface ConnectObserver {
    /** Observes nothing. */
    ConnectObserver NONE = new ConnectObserver() {};

    /** {@code address} (the host name, or the {@code hostaddr} for {@code host}) resolved to {@code addresses}. */
    default void resolved(String host, String address, List<InetAddress> addresses, Duration took) {}

    /** {@code address} could not be resolved. */
    default void unresolved(String host, String address, Duration took) {}

    /** A TCP connection to one address of {@code host} was established. */
    default void tcpConnected(String host, InetAddress address, int port, Duration took) {}

    /**
     * A TCP connection to one address of {@code host} failed.
     *
     * @param timedOut true when connect_timeout ran out
     * @param reason the operating system's words, e.g. {@code Connection refused}
     */
    default void tcpFailed(String host, InetAddress address, int port, boolean timedOut, String reason, Duration took) {}

    /** The server answered the SSLRequest: 'S' ({@code accepted}) or 'N'. */
    default void tlsAnswered(String host, int port, boolean accepted) {}

    /** The TLS handshake passed every check {@code policy} asked for. */
    default void tlsEstablished(String host, int port, TlsPolicy policy, TlsSessionInfo session,
                                List<X509Certificate> chain, Duration took) {}

    /**
     * The TLS handshake failed; {@code chain} is the server's chain when the driver rejected it
     * (empty when the failure came before a certificate was seen).
     */
    default void tlsFailed(String host, int port, TlsPolicy policy, List<X509Certificate> chain, SQLException error,
                           Duration took) {}

    /**
     * The server accepted the startup: {@code method} as {@code Session.authMethod()} names it;
     * {@code channelBound} as {@code Session.channelBound()} tells it.
     */
    default void authenticated(String host, int port, String method, boolean channelBound,
                               Map<String, String> parameters, Duration took) {}

    /** One attempt on {@code host:port} failed ({@code tls}: whether it was the TLS attempt). */
    default void attemptFailed(String host, int port, boolean tls, SQLException error) {}
}
