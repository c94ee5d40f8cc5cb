package io.ysql;

import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of opening a connection, as {@link YsqlListener#connectEvent} receives it, in the order
 * the steps happen: the host name resolved, each TCP connect, the server's answer to the
 * SSLRequest, the TLS handshake (with the certificate chain the server presented), the
 * authentication, and each attempt that failed (libpq's sslmode and multi-host rules may make
 * several attempts per connect). Holds nothing secret: no password, no key.
 */
public sealed interface ConnectEvent {
    /** The host the step concerns, as configured ({@code host}, not {@code hostaddr}). */
    String host();

    /** Why a TCP connect failed. */
    enum TcpFailure {
        /** Nothing listens at that address and port (or a firewall rejected it). */
        REFUSED,
        /** No answer within {@code connect_timeout}. */
        TIMED_OUT,
        /** Anything else (no route to host, network unreachable …). */
        OTHER
    }

    /** {@code address} (the host name or its {@code hostaddr}) resolved to {@code addresses}. */
    record Resolved(String host, String address, List<String> addresses, Duration took) implements ConnectEvent {
        public Resolved {
            addresses = List.copyOf(addresses);
        }
    }

    /** {@code address} is not known to DNS. */
    record Unresolved(String host, String address, Duration took) implements ConnectEvent {}

    /** A TCP connection to {@code address} was established. */
    record TcpConnected(String host, String address, int port, Duration took) implements ConnectEvent {}

    /** A TCP connection to {@code address} failed; {@code reason} is the operating system's. */
    record TcpFailed(String host, String address, int port, TcpFailure failure, String reason, Duration took)
            implements ConnectEvent {}

    /** The server's answer to the SSLRequest: 'S' when {@code accepted}, else 'N' (no TLS on that server). */
    record TlsAnswered(String host, int port, boolean accepted) implements ConnectEvent {}

    /**
     * The TLS handshake succeeded.
     *
     * @param sslmode the sslmode in effect
     * @param chainVerified whether the chain was checked against root certificates ({@code rootsSource})
     * @param hostNameVerified whether the certificate had to name the host (verify-full)
     * @param rootsSource where the root certificates came from, or null when the chain was not checked
     * @param chain the server's certificates, leaf first
     */
    record TlsEstablished(String host, int port, String sslmode, String protocol, String cipherSuite,
                          boolean chainVerified, boolean hostNameVerified, String rootsSource,
                          List<X509Certificate> chain, Duration took) implements ConnectEvent {
        public TlsEstablished {
            chain = List.copyOf(chain);
        }
    }

    /**
     * The TLS handshake failed. {@code chain} is the server's chain when this driver refused it
     * (empty when the handshake failed before, e.g. no common TLS version); {@code error} says which
     * check failed.
     */
    record TlsFailed(String host, int port, String sslmode, boolean chainVerified, boolean hostNameVerified,
                     String rootsSource, List<X509Certificate> chain, SQLException error, Duration took)
            implements ConnectEvent {
        public TlsFailed {
            chain = List.copyOf(chain);
        }
    }

    /**
     * The server accepted the startup.
     *
     * @param method {@code trust}, {@code password}, {@code md5}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-256-PLUS}
     * @param channelBinding whether SCRAM bound the session to the TLS channel
     * @param serverParameters what the server reported ({@code server_version}, {@code TimeZone} …)
     */
    record Authenticated(String host, int port, String method, boolean channelBinding,
                         Map<String, String> serverParameters, Duration took) implements ConnectEvent {
        public Authenticated {
            serverParameters = Map.copyOf(serverParameters);
        }
    }

    /** One attempt failed ({@code tls}: the TLS attempt); the connect goes on when another is left. */
    record AttemptFailed(String host, int port, boolean tls, SQLException error) implements ConnectEvent {}
}
