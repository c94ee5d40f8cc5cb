package io.ysql.internal.cli;

import io.ysql.ClusterInfo;
import io.ysql.ClusterServer;
import io.ysql.ConnectEvent;
import io.ysql.ConnectionInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code check --json} document, schema {@value #SCHEMA} (documented in {@code docs/cli.md}):
 * {@code ok}, {@code options}, {@code steps} (one object per connect step, told apart by
 * {@code step}), {@code server}, {@code cluster} and {@code error}. Fields are only ever added to a
 * schema version, never renamed or removed; durations are whole milliseconds ({@code ms}).
 */
final class CheckJson {
    static final String SCHEMA = "ysql-driver/check/1";

    private CheckJson() {}

    static Map<String, Object> of(CheckReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("ok", r.connected());
        List<Object> options = new ArrayList<>();
        for (CheckReport.OptionLine o : r.options()) {
            options.add(map("name", o.name(), "value", o.value(), "source", o.source(), "detail", o.detail()));
        }
        doc.put("options", options);
        List<Object> steps = new ArrayList<>();
        for (ConnectEvent e : r.events()) steps.add(step(e));
        doc.put("steps", steps);
        doc.put("server", r.connected() ? server(r) : null);
        doc.put("cluster", r.cluster().map(CheckJson::cluster).orElse(null));
        doc.put("took_ms", r.took().toMillis());
        doc.put("connect_timeout_ms", r.connectTimeout().toMillis());
        if (r.connected()) {
            doc.put("error", null);
        } else {
            Map<String, Object> error = error(r.failure());
            error.put("advice", r.advice());
            doc.put("error", error);
        }
        return doc;
    }

    private static Map<String, Object> step(ConnectEvent e) {
        if (e instanceof ConnectEvent.Resolved d) {
            return map("step", "dns", "ok", true, "host", d.host(), "address", d.address(), "addresses", d.addresses(),
                    "ms", d.took().toMillis());
        } else if (e instanceof ConnectEvent.Unresolved u) {
            return map("step", "dns", "ok", false, "host", u.host(), "address", u.address(), "ms", u.took().toMillis());
        } else if (e instanceof ConnectEvent.TcpConnected t) {
            return map("step", "tcp", "ok", true, "host", t.host(), "address", t.address(), "port", t.port(),
                    "outcome", "connected", "ms", t.took().toMillis());
        } else if (e instanceof ConnectEvent.TcpFailed t) {
            return map("step", "tcp", "ok", false, "host", t.host(), "address", t.address(), "port", t.port(),
                    "outcome", t.failure().name().toLowerCase(java.util.Locale.ROOT), "reason", t.reason(),
                    "ms", t.took().toMillis());
        } else if (e instanceof ConnectEvent.TlsAnswered a) {
            return map("step", "ssl_request", "ok", a.accepted(), "host", a.host(), "port", a.port(),
                    "accepted", a.accepted());
        } else if (e instanceof ConnectEvent.TlsEstablished t) {
            return tls(true, t.host(), t.port(), t.sslmode(), t.chainVerified(), t.hostNameVerified(), t.rootsSource(),
                    t.protocol(), t.cipherSuite(), CertificateView.of(t.chain()), null, t.took().toMillis());
        } else if (e instanceof ConnectEvent.TlsFailed t) {
            return tls(false, t.host(), t.port(), t.sslmode(), t.chainVerified(), t.hostNameVerified(), t.rootsSource(),
                    null, null, CertificateView.of(t.chain()), t.error(), t.took().toMillis());
        } else if (e instanceof ConnectEvent.Authenticated a) {
            return map("step", "auth", "ok", true, "host", a.host(), "port", a.port(), "method", a.method(),
                    "channel_binding", a.channelBinding(), "ms", a.took().toMillis());
        } else if (e instanceof ConnectEvent.AttemptFailed f) {
            return map("step", "attempt", "ok", false, "host", f.host(), "port", f.port(), "tls", f.tls(),
                    "outcome", CheckReport.noAnswer(f) ? "no_answer" : "failed", "error", error(f.error()));
        }
        throw new IllegalArgumentException("unknown connect event " + e);
    }

    private static Map<String, Object> tls(boolean ok, String host, int port, String sslmode, boolean chain,
                                           boolean hostName, String roots, String protocol, String cipher,
                                           List<CertificateView> certificates, SQLException error, long ms) {
        Map<String, Object> m = map("step", "tls", "ok", ok, "host", host, "port", port, "sslmode", sslmode,
                "chain_verified", chain, "host_name_verified", hostName, "roots", roots, "protocol", protocol,
                "cipher_suite", cipher);
        List<Object> certs = new ArrayList<>();
        for (CertificateView c : certificates) {
            certs.add(map("subject", c.subject(), "issuer", c.issuer(), "not_before", c.notBefore().toString(),
                    "not_after", c.notAfter().toString(), "names", c.names()));
        }
        m.put("certificates", certs);
        m.put("error", error == null ? null : error(error));
        m.put("ms", ms);
        return m;
    }

    private static Map<String, Object> server(CheckReport r) {
        ConnectionInfo c = r.connection();
        return map("host", c.host(), "port", c.port(), "version", r.serverVersion(), "yugabytedb", r.yugabyte(),
                "yugabytedb_release", r.yugabyteRelease(), "encrypted", c.encrypted(), "tls_protocol", c.tlsProtocol(),
                "cipher_suite", c.cipherSuite(), "authentication", c.authenticationMethod());
    }

    private static Map<String, Object> cluster(ClusterInfo cluster) {
        List<Object> servers = new ArrayList<>();
        for (ClusterServer s : cluster.servers()) {
            servers.add(map("host", s.host(), "port", s.port(), "node_type", s.nodeType(), "placement", s.placement(),
                    "connections", s.connections(), "down", s.down()));
        }
        Map<String, Object> next = CheckReport.next(cluster).map(s -> map("host", s.host(), "port", s.port()))
                .orElse(null);
        return map("universe_uuid", cluster.universeUuid(), "servers", servers, "next", next);
    }

    private static Map<String, Object> error(SQLException e) {
        return map("sqlstate", e.getSQLState(), "message", e.getMessage());
    }

    /** A map of alternating keys and values, in that order. */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
