package io.ysql;

import io.ysql.internal.session.QueryObserver;
import io.ysql.internal.tls.TlsPolicy;
import io.ysql.internal.tls.TlsSessionInfo;
import io.ysql.internal.transport.ConnectObserver;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adapts a {@link YsqlListener} to the observers of the connect path and of the session: turns
 * their calls into {@link ConnectEvent}s and query callbacks, and shields the driver from a
 * listener that throws (logged at DEBUG, then ignored).
 */
final class ListenerBridge implements ConnectObserver, QueryObserver {
    private static final System.Logger LOG = System.getLogger("io.ysql");

    private final YsqlListener listener;

    ListenerBridge(YsqlListener listener) {
        this.listener = listener;
    }

    /** Calls the listener; a failure of the listener is never the driver's. */
    void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "a YsqlListener threw; ignored", e);
        }
    }

    private void emit(ConnectEvent e) {
        call(() -> listener.connectEvent(e));
    }

    @Override
    public void resolved(String host, String address, List<InetAddress> addresses, Duration took) {
        emit(new ConnectEvent.Resolved(host, address, addresses.stream().map(InetAddress::getHostAddress).toList(), took));
    }

    @Override
    public void unresolved(String host, String address, Duration took) {
        emit(new ConnectEvent.Unresolved(host, address, took));
    }

    @Override
    public void tcpConnected(String host, InetAddress address, int port, Duration took) {
        emit(new ConnectEvent.TcpConnected(host, address.getHostAddress(), port, took));
    }

    @Override
    public void tcpFailed(String host, InetAddress address, int port, boolean timedOut, String reason, Duration took) {
        ConnectEvent.TcpFailure kind = timedOut ? ConnectEvent.TcpFailure.TIMED_OUT
                : reason != null && reason.toLowerCase(Locale.ROOT).contains("refused")
                ? ConnectEvent.TcpFailure.REFUSED : ConnectEvent.TcpFailure.OTHER;
        emit(new ConnectEvent.TcpFailed(host, address.getHostAddress(), port, kind, reason, took));
    }

    @Override
    public void tlsAnswered(String host, int port, boolean accepted) {
        emit(new ConnectEvent.TlsAnswered(host, port, accepted));
    }

    @Override
    public void tlsEstablished(String host, int port, TlsPolicy policy, TlsSessionInfo session,
                               List<X509Certificate> chain, Duration took) {
        emit(new ConnectEvent.TlsEstablished(host, port, policy.mode().label(), session.protocol(),
                session.cipherSuite(), policy.verifiesChain(), policy.verifiesHostName(), policy.rootsSource(), chain,
                took));
    }

    @Override
    public void tlsFailed(String host, int port, TlsPolicy policy, List<X509Certificate> chain, SQLException error,
                          Duration took) {
        emit(new ConnectEvent.TlsFailed(host, port, policy.mode().label(), policy.verifiesChain(),
                policy.verifiesHostName(), policy.rootsSource(), chain, error, took));
    }

    @Override
    public void authenticated(String host, int port, String method, boolean channelBound,
                              Map<String, String> parameters, Duration took) {
        emit(new ConnectEvent.Authenticated(host, port, method, channelBound, parameters, took));
    }

    @Override
    public void attemptFailed(String host, int port, boolean tls, SQLException error) {
        emit(new ConnectEvent.AttemptFailed(host, port, tls, error));
    }

    @Override
    public void started(String sql) {
        QueryObserver.super.started(sql);
        call(() -> listener.queryStarted(sql));
    }

    @Override
    public void finished(String sql, long rows, Duration took) {
        QueryObserver.super.finished(sql, rows, took);
        call(() -> listener.queryFinished(sql, rows, took));
    }

    @Override
    public void failed(String sql, SQLException error, Duration took) {
        QueryObserver.super.failed(sql, error, took);
        call(() -> listener.queryFailed(sql, error, took));
    }
}
