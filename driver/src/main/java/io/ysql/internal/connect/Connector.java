package io.ysql.internal.connect;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.HostSpec;
import io.ysql.config.Options;
import io.ysql.error.SqlExceptions;
import io.ysql.internal.cluster.BalanceRequest;
import io.ysql.internal.cluster.ClusterRegistry;
import io.ysql.error.SqlState;
import io.ysql.internal.session.AuthPolicy;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.StartupRequest;
import io.ysql.internal.tls.TlsPolicy;
import io.ysql.internal.transport.ConnectObserver;
import io.ysql.internal.transport.Transport;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The attempt loop: turns a {@link ConnectionConfig} into a ready {@link Session}. Hosts are
 * tried in order (or shuffled, {@code load_balance_hosts=random}) until one is acceptable as
 * {@code target_session_attrs} says; with {@code load_balance} the YugabyteDB cluster's servers are
 * chosen by {@link BalancedConnect}. A host that cannot be reached passes the turn to the next, while a server that
 * answers with an error (a wrong password, an unknown database) ends the attempt, as libpq does.
 * Per host, {@code sslmode} decides the attempts, in libpq's order:
 * {@code disable} plaintext only; {@code allow} plaintext, then TLS if the server rejected it;
 * {@code prefer} TLS, then plaintext if the server has no TLS, the handshake failed or the server
 * rejected the TLS session; {@code require}, {@code verify-ca}, {@code verify-full} TLS only.
 * Every step is reported to a {@link ConnectObserver}.
 */
public final class Connector {
    private final Supplier<String> nonces;
    private final RandomGenerator random;
    private final ConnectObserver observer;

    /** @param random the source of SCRAM nonces and of the host order of {@code load_balance_hosts=random} */
    public Connector(SecureRandom random) {
        this(random, ConnectObserver.NONE);
    }

    /** A connector that reports each step of every attempt to {@code observer}. */
    public Connector(SecureRandom random, ConnectObserver observer) {
        this.random = random;
        this.observer = new ConnectLog(observer == null ? ConnectObserver.NONE : observer);
        this.nonces = () -> {
            byte[] b = new byte[18];
            random.nextBytes(b);
            return Base64.getEncoder().encodeToString(b);
        };
    }

    /** A connector with a fresh {@link SecureRandom}. */
    public static Connector system() {
        return new Connector(new SecureRandom());
    }

    /** A connector with a fresh {@link SecureRandom} that reports to {@code observer}. */
    public static Connector system(ConnectObserver observer) {
        return new Connector(new SecureRandom(), observer);
    }

    /**
     * Opens a session to the first acceptable host: in order, or shuffled with
     * {@code load_balance_hosts=random}; acceptable as {@code target_session_attrs} says. YugabyteDB
     * load balancing is not applied (see {@link #connect}).
     */
    public Session open(ConnectionConfig config, IntPredicate binaryResultTypes) throws SQLException {
        // bad TLS settings fail here, before any host is tried; default files come from the config's home directory
        TlsPolicy tls = TlsPolicy.of(config, config.homeDirectory());
        return openAny(config, tls, binaryResultTypes);
    }

    /**
     * Opens a session, load-balanced over the YugabyteDB cluster when {@code load_balance} asks for
     * it (with the state in {@code clusters}), else as {@link #open}.
     */
    public Connected connect(ConnectionConfig config, IntPredicate binaryResultTypes, ClusterRegistry clusters)
            throws SQLException {
        TlsPolicy tls = TlsPolicy.of(config, config.homeDirectory());
        Optional<BalanceRequest> request = BalanceRequest.of(config);
        if (request.isEmpty() || clusters == null) return new Connected(openAny(config, tls, binaryResultTypes), null);
        return new BalancedConnect(this, config, tls, binaryResultTypes, request.get(), clusters).run();
    }

    /** Tries the configured hosts as libpq does; every host's failure is named when none is acceptable. */
    Session openAny(ConnectionConfig config, TlsPolicy tls, IntPredicate binaryResultTypes) throws SQLException {
        List<HostSpec> hosts = new ArrayList<>(config.hosts());
        if ("random".equals(config.get(Options.LOAD_BALANCE_HOSTS))) shuffle(hosts);
        TargetSessionAttrs target = TargetSessionAttrs.of(config.get(Options.TARGET_SESSION_ATTRS));
        List<String> failures = new ArrayList<>();
        List<SQLException> causes = new ArrayList<>();
        Session fallback = null; // prefer-standby: the first server that answered, used when no standby does
        try {
            for (TargetSessionAttrs pass : target == TargetSessionAttrs.PREFER_STANDBY
                    ? List.of(TargetSessionAttrs.STANDBY) : List.of(target)) {
                for (HostSpec host : hosts) {
                    Session s;
                    try {
                        s = openHost(config, host, tls, binaryResultTypes);
                    } catch (SQLException e) {
                        if (!isUnreachable(e)) throw e;
                        if (hosts.size() == 1 && target == TargetSessionAttrs.ANY) throw unableToConnect(e);
                        failures.add(e.getMessage());
                        causes.add(e);
                        continue;
                    }
                    String why = pass.mismatch(s);
                    if (why == null) return s;
                    if (target == TargetSessionAttrs.PREFER_STANDBY && fallback == null) {
                        fallback = s;
                    } else {
                        s.close();
                    }
                    failures.add("server at " + host + ": " + why);
                }
            }
            if (fallback != null) {
                Session s = fallback;
                fallback = null;
                return s;
            }
        } finally {
            if (fallback != null) fallback.close();
        }
        throw noHost(config, hosts.size(), target, failures, causes);
    }

    private static SQLException unableToConnect(SQLException e) {
        // a session that never became ready was not established (08001), not lost (08006)
        return SqlState.CONNECTION_FAILURE.equals(e.getSQLState())
                ? SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, e.getMessage(), e) : e;
    }

    private static SQLException noHost(ConnectionConfig config, int count, TargetSessionAttrs target,
                                       List<String> failures, List<SQLException> causes) {
        StringBuilder msg = new StringBuilder("could not connect to ")
                .append(count == 1 ? "the host" : "any of the " + count + " hosts");
        if (target != TargetSessionAttrs.ANY) {
            msg.append(" as a server matching target_session_attrs=").append(target.label());
        }
        msg.append(':');
        for (String f : failures) msg.append("\n  ").append(f.replace("\n", "\n    "));
        if (target != TargetSessionAttrs.ANY) {
            msg.append("\nadd a matching server to host, or change target_session_attrs");
        }
        SQLException e = SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, msg.toString(),
                causes.isEmpty() ? null : causes.get(0));
        for (int i = 1; i < causes.size(); i++) e.addSuppressed(causes.get(i));
        return e;
    }

    private void shuffle(List<HostSpec> hosts) {
        for (int i = hosts.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            hosts.set(j, hosts.set(i, hosts.get(j)));
        }
    }

    /** Failures that say nothing about the server's answer: try the next host. */
    static boolean isUnreachable(SQLException e) {
        String s = e.getSQLState();
        return SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION.equals(s) || SqlState.CONNECTION_FAILURE.equals(s);
    }

    Session openHost(ConnectionConfig config, HostSpec host, TlsPolicy tls, IntPredicate binaryTypes)
            throws SQLException {
        if (host.unixSocket()) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "Unix-domain socket hosts (\"" + host.host()
                    + "\") are not supported yet; connect over TCP, e.g. host=localhost");
        }
        Attempt attempt = new Attempt(config, host, binaryTypes);
        try {
            return switch (tls.mode()) {
                case DISABLE -> attempt.plain();
                case ALLOW -> {
                    try {
                        yield attempt.plain();
                    } catch (Rejected plainRejected) {
                        try {
                            yield attempt.secure(tls, true); // the server may accept only TLS (hostssl)
                        } catch (Rejected tlsRejected) {
                            tlsRejected.getCause().addSuppressed(plainRejected.getCause()); // libpq reports both
                            throw tlsRejected;
                        } catch (SQLException noTls) {
                            // no TLS either: the plaintext answer is the one that matters, the TLS failure goes with it
                            plainRejected.getCause().addSuppressed(noTls);
                            throw plainRejected;
                        }
                    }
                }
                case PREFER -> {
                    try {
                        yield attempt.secure(tls, false);
                    } catch (Rejected | TlsFailed r) {
                        try {
                            yield attempt.plain(); // a failed handshake, or a server that refused the TLS session
                        } catch (SQLException plainFailed) {
                            Throwable last = plainFailed instanceof Rejected ? plainFailed.getCause() : plainFailed;
                            last.addSuppressed(r.getCause()); // libpq reports both attempts' failures
                            throw plainFailed;
                        }
                    }
                }
                case REQUIRE, VERIFY_CA, VERIFY_FULL -> attempt.secure(tls, true);
            };
        } catch (Rejected | TlsFailed wrapped) {
            throw (SQLException) wrapped.getCause();
        }
    }

    private static SQLException unwrapped(SQLException e) {
        return (e instanceof Rejected || e instanceof TlsFailed) && e.getCause() instanceof SQLException c ? c : e;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    /** The startup was answered with a server error: under allow/prefer, worth one more try the other way. */
    private static final class Rejected extends SQLException {
        Rejected(SQLException cause) { super(cause.getMessage(), cause.getSQLState(), cause); }
    }

    /** TLS could not be set up (no TLS on the server, or the handshake failed). */
    private static final class TlsFailed extends SQLException {
        TlsFailed(SQLException cause) { super(cause.getMessage(), cause.getSQLState(), cause); }
    }

    /** One host's attempts; each opens a fresh TCP connection. */
    private final class Attempt {
        private final ConnectionConfig config;
        private final HostSpec host;
        private final IntPredicate binaryTypes;
        private SQLException last;

        Attempt(ConnectionConfig config, HostSpec host, IntPredicate binaryTypes) {
            this.config = config;
            this.host = host;
            this.binaryTypes = binaryTypes;
        }

        Session plain() throws SQLException {
            try {
                Transport t = Transport.connect(host.host(), host.connectAddress(), host.port(), config.connectTimeout(),
                        observer);
                return startup(t, null);
            } catch (SQLException e) {
                observer.attemptFailed(host.host(), host.port(), false, unwrapped(e));
                throw e;
            }
        }

        Session secure(TlsPolicy tls, boolean required) throws SQLException {
            try {
                return secureAttempt(tls, required);
            } catch (SQLException e) {
                observer.attemptFailed(host.host(), host.port(), true, unwrapped(e));
                throw e;
            }
        }

        private Session secureAttempt(TlsPolicy tls, boolean required) throws SQLException {
            Transport t = Transport.connect(host.host(), host.connectAddress(), host.port(), config.connectTimeout(),
                    observer);
            byte[] bindingHash;
            try {
                boolean accepted = tls.direct() || t.requestTls();
                if (!tls.direct()) observer.tlsAnswered(host.host(), host.port(), accepted);
                if (!accepted) {
                    if (required) {
                        throw SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, "server at " + host
                                + " does not support SSL, but sslmode=" + tls.mode().label()
                                + " requires it; enable ssl on the server or use sslmode=prefer");
                    }
                    try {
                        return startup(t, null); // 'N' under prefer: plaintext on the same connection, as libpq
                    } catch (Rejected r) {
                        throw (SQLException) r.getCause(); // already plaintext: nothing left to try
                    }
                }
                handshake(t, tls);
                bindingHash = TlsPolicy.channelBindingHash(t.socket());
            } catch (SQLException e) {
                t.close();
                if (required || SqlState.PROTOCOL_VIOLATION.equals(e.getSQLState())) throw e;
                throw new TlsFailed(e);
            }
            return startup(t, bindingHash);
        }

        private void handshake(Transport t, TlsPolicy tls) throws SQLException {
            long started = System.nanoTime();
            try {
                // kept by the transport for cancel requests: capture the host name, not this attempt and its config
                String name = host.host();
                t.startTls((plain, h, p) -> tls.handshake(plain, name, p));
            } catch (SQLException e) {
                observer.tlsFailed(host.host(), host.port(), tls, TlsPolicy.rejectedChain(e), e, since(started));
                throw e;
            }
            observer.tlsEstablished(host.host(), host.port(), tls, TlsPolicy.describe(t.socket()),
                    TlsPolicy.peerChain(t.socket()), since(started));
        }

        private Session startup(Transport t, byte[] bindingHash) throws SQLException {
            long started = System.nanoTime();
            Integer maxMessageSize = config.get(Options.MAX_MESSAGE_SIZE);
            if (maxMessageSize != null) t.maxMessageLength(maxMessageSize);
            StartupRequest request = request(bindingHash);
            try {
                Session s = Session.open(t, request);
                observer.authenticated(host.host(), host.port(), s.authMethod(), s.channelBound(), s.parameters(),
                        since(started));
                return s;
            } catch (SQLException e) {
                if (e.getCause() instanceof SocketTimeoutException && !config.connectTimeout().isZero()) {
                    throw SqlExceptions.of(SqlState.CONNECTION_FAILURE, "no answer from " + host.host() + ":" + host.port()
                            + " within connect_timeout (" + config.connectTimeout().toSeconds() + " s): the server took the"
                            + " connection but did not complete the startup; check that this port is a PostgreSQL or"
                            + " YugabyteDB server that is not overloaded, or raise connect_timeout", e);
                }
                if (e instanceof Rejected || isUnreachable(e) || SqlState.PROTOCOL_VIOLATION.equals(e.getSQLState())) throw e;
                throw new Rejected(e);
            } finally {
                if (request.password() != null) Arrays.fill(request.password(), (byte) 0); // used up
            }
        }

        private StartupRequest request(byte[] bindingHash) {
            String pw = config.passwordFor(host);
            Map<String, String> parameters = new LinkedHashMap<>(config.startupParameters());
            if (!parameters.containsKey("timezone")) {
                // as pgjdbc: timestamps without zone are read and written in the JVM's zone
                parameters.put("TimeZone", TimeZone.getDefault().getID());
            }
            AuthPolicy auth = AuthPolicy.of(config.get(Options.CHANNEL_BINDING), config.get(Options.REQUIRE_AUTH));
            return new StartupRequest(config.user(), config.dbname(), pw == null ? null : pw.getBytes(StandardCharsets.UTF_8),
                    parameters, nonces, config.connectTimeout(), binaryTypes, auth, bindingHash);
        }
    }
}
