package io.ysql.internal.connect;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.HostSpec;
import io.ysql.config.SslMode;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.session.AuthPolicy;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.StartupRequest;
import io.ysql.internal.tls.TlsContexts;
import io.ysql.internal.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The attempt loop: turns a {@link ConnectionConfig} into a ready {@link Session}. Hosts are
 * tried in order; a host that cannot be reached, or that fails during TLS negotiation, passes the
 * turn to the next, while a server that answers with an error (a wrong password, an unknown
 * database) ends the attempt at once, as libpq does. sslmode decides the TLS attempts per host.
 */
public final class Connector {
    private final Path home;
    private final Supplier<String> nonces;

    /**
     * @param home the user's home directory, where {@code .postgresql/root.crt} is looked for
     * @param random the source of SCRAM nonces
     */
    public Connector(Path home, SecureRandom random) {
        this.home = home;
        this.nonces = () -> {
            byte[] b = new byte[18];
            random.nextBytes(b);
            return Base64.getEncoder().encodeToString(b);
        };
    }

    /** A connector for the current user with a fresh {@link SecureRandom}. */
    public static Connector system() {
        return new Connector(Path.of(System.getProperty("user.home", ".")), new SecureRandom());
    }

    public Session open(ConnectionConfig config, IntPredicate binaryResultTypes) throws SQLException {
        List<SQLException> failures = new ArrayList<>();
        for (HostSpec host : config.hosts()) {
            try {
                return openHost(config, host, binaryResultTypes);
            } catch (SQLException e) {
                if (!isUnreachable(e)) throw e;
                if (config.hosts().size() == 1) {
                    // a session that never became ready was not established (08001), not lost (08006)
                    throw SqlState.CONNECTION_FAILURE.equals(e.getSQLState())
                            ? SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, e.getMessage(), e) : e;
                }
                failures.add(e);
            }
        }
        StringBuilder msg = new StringBuilder("could not connect to any of the ").append(config.hosts().size()).append(" hosts:");
        for (SQLException f : failures) msg.append("\n  ").append(f.getMessage().replace("\n", "\n    "));
        SQLException e = SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, msg.toString(), failures.get(0));
        for (int i = 1; i < failures.size(); i++) e.addSuppressed(failures.get(i));
        throw e;
    }

    /** Failures that say nothing about the server's answer: try the next host. */
    private static boolean isUnreachable(SQLException e) {
        String s = e.getSQLState();
        return SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION.equals(s) || SqlState.CONNECTION_FAILURE.equals(s);
    }

    private Session openHost(ConnectionConfig config, HostSpec host, IntPredicate binaryTypes) throws SQLException {
        if (host.unixSocket()) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "Unix-domain socket hosts (\"" + host.host()
                    + "\") are not supported yet; connect over TCP, e.g. host=localhost");
        }
        SslMode mode = config.sslMode();
        switch (mode) {
            case VERIFY_CA, VERIFY_FULL -> throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, "sslmode=" + mode.label()
                    + " is not supported yet; use sslmode=require (encrypted, and the certificate chain is checked when "
                    + TlsContexts.defaultRootCert(home) + " exists)");
            default -> { }
        }
        Transport t = Transport.connect(host.connectAddress(), host.port(), config.connectTimeout());
        try {
            if (mode == SslMode.PREFER || mode == SslMode.REQUIRE) {
                if (t.requestTls()) {
                    SSLContext ctx = TlsContexts.forRootCert(TlsContexts.defaultRootCert(home));
                    t.startTls((plain, h, p) -> TlsContexts.handshake(ctx, plain, host.host(), p));
                } else if (mode == SslMode.REQUIRE) {
                    throw SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, "server at " + host
                            + " does not support SSL, but sslmode=require asks for it; enable ssl on the server or use sslmode=prefer");
                }
            }
        } catch (SQLException e) {
            t.close();
            if (mode == SslMode.PREFER && isUnreachable(e)) {
                // libpq: with prefer, a failed TLS attempt is retried without TLS
                Transport plain = Transport.connect(host.connectAddress(), host.port(), config.connectTimeout());
                return Session.open(plain, request(config, host, binaryTypes));
            }
            throw e;
        }
        return Session.open(t, request(config, host, binaryTypes));
    }

    private StartupRequest request(ConnectionConfig config, HostSpec host, IntPredicate binaryTypes) {
        String pw = config.passwordFor(host);
        Map<String, String> parameters = new LinkedHashMap<>(config.startupParameters());
        if (!parameters.containsKey("timezone")) {
            // as pgjdbc: timestamps without zone are read and written in the JVM's zone
            parameters.put("TimeZone", TimeZone.getDefault().getID());
        }
        return new StartupRequest(config.user(), config.dbname(), pw == null ? null : pw.getBytes(StandardCharsets.UTF_8),
                parameters, nonces, config.connectTimeout(), binaryTypes, AuthPolicy.DEFAULT, null);
    }
}
