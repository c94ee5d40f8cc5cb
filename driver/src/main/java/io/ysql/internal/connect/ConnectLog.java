package io.ysql.internal.connect;

import io.ysql.internal.tls.TlsPolicy;
import io.ysql.internal.tls.TlsSessionInfo;
import io.ysql.internal.transport.ConnectObserver;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Logs each connect step at DEBUG to the {@code io.ysql.internal.connect} logger (host, address,
 * port, TLS protocol and cipher, authentication method, durations; failed attempts with their
 * SQLSTATE), then hands it on to the observer the caller gave. Logs nothing secret: no password,
 * no server parameter values, no key material.
 */
final class ConnectLog implements ConnectObserver {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.connect");

    private final ConnectObserver next;

    ConnectLog(ConnectObserver next) {
        this.next = next;
    }

    /** Logs at DEBUG; numbers are written plainly (a port as 5433, not 5,433). */
    private static void debug(String format, Object... args) {
        if (!LOG.isLoggable(Level.DEBUG)) return;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Number n) args[i] = n.toString();
        }
        LOG.log(Level.DEBUG, format, args);
    }

    @Override
    public void resolved(String host, String address, List<InetAddress> addresses, Duration took) {
        debug("{0} resolved to {1} in {2} ms", address,
                addresses.stream().map(InetAddress::getHostAddress).toList(), took.toMillis());
        next.resolved(host, address, addresses, took);
    }

    @Override
    public void unresolved(String host, String address, Duration took) {
        debug("{0} could not be resolved ({1} ms)", address, took.toMillis());
        next.unresolved(host, address, took);
    }

    @Override
    public void tcpConnected(String host, InetAddress address, int port, Duration took) {
        debug("TCP connection to {0} ({1}) port {2} established in {3} ms", host, address.getHostAddress(), port,
                took.toMillis());
        next.tcpConnected(host, address, port, took);
    }

    @Override
    public void tcpFailed(String host, InetAddress address, int port, boolean timedOut, String reason, Duration took) {
        debug("TCP connection to {0} ({1}) port {2} failed after {3} ms: {4}", host, address.getHostAddress(), port,
                took.toMillis(), reason);
        next.tcpFailed(host, address, port, timedOut, reason, took);
    }

    @Override
    public void tlsAnswered(String host, int port, boolean accepted) {
        debug("{0}:{1} answered the SSL request with {2}", host, port, accepted ? "S (TLS accepted)" : "N (no TLS)");
        next.tlsAnswered(host, port, accepted);
    }

    @Override
    public void tlsEstablished(String host, int port, TlsPolicy policy, TlsSessionInfo session,
                               List<X509Certificate> chain, Duration took) {
        debug("TLS with {0}:{1} in {2} ms: {3} {4}, sslmode={5}, server certificate {6}", host, port, took.toMillis(),
                session.protocol(), session.cipherSuite(), policy.mode().label(), session.peerSubject());
        next.tlsEstablished(host, port, policy, session, chain, took);
    }

    @Override
    public void tlsFailed(String host, int port, TlsPolicy policy, List<X509Certificate> chain, SQLException error,
                          Duration took) {
        debug("TLS with {0}:{1} failed after {2} ms: {3}", host, port, took.toMillis(), error.getMessage());
        next.tlsFailed(host, port, policy, chain, error, took);
    }

    @Override
    public void authenticated(String host, int port, String method, boolean channelBound,
                              Map<String, String> parameters, Duration took) {
        debug("{0}:{1} authenticated with {2} in {3} ms, server_version {4}", host, port, method, took.toMillis(),
                parameters.get("server_version"));
        next.authenticated(host, port, method, channelBound, parameters, took);
    }

    @Override
    public void attemptFailed(String host, int port, boolean tls, SQLException error) {
        debug("{0} attempt on {1}:{2} failed with SQLSTATE {3}: {4}", tls ? "TLS" : "plaintext", host, port,
                error.getSQLState(), error.getMessage());
        next.attemptFailed(host, port, tls, error);
    }
}
