package io.ysql.internal.cli;

import io.ysql.ClusterInfo;
import io.ysql.ClusterServer;
import io.ysql.ConnectEvent;
import io.ysql.ConnectionInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prints a {@link CheckReport} for people: the options with their sources, one line per connect
 * step marked {@code [ok]}, {@code [FAIL]} or {@code [info]} with its duration, the server's
 * certificates under the TLS step, then the server and cluster, or the error with advice.
 */
final class CheckText {
    private CheckText() {}

    static void print(CheckReport r, PrintStream out) {
        if (!r.options().isEmpty()) {
            out.println("Options (value, and where it came from):");
            for (CheckReport.OptionLine o : r.options()) {
                String source = o.detail() == null ? o.source() : o.source() + " (" + o.detail() + ")";
                out.printf("  %-22s %-30s %s%n", o.name(), o.value(), source);
            }
            out.println();
        }
        if (!r.events().isEmpty()) {
            out.println("Connecting:");
            for (ConnectEvent e : r.events()) step(e, r, out);
            out.println();
        }
        if (r.connected()) {
            server(r, out);
            r.cluster().ifPresent(c -> cluster(c, out));
            out.println("Result: connected in " + ms(r.took()));
        } else {
            out.println("Result: FAILED, SQLSTATE " + r.failure().getSQLState());
            out.println("  " + r.failure().getMessage().replace("\n", "\n  "));
            out.println("What to do:");
            for (String a : r.advice()) out.println("  - " + a);
        }
    }

    private static void step(ConnectEvent e, CheckReport r, PrintStream out) {
        if (e instanceof ConnectEvent.Resolved d) {
            line(out, "ok", "dns", d.address() + " -> " + String.join(", ", d.addresses()) + " (" + ms(d.took()) + ")");
        } else if (e instanceof ConnectEvent.Unresolved u) {
            line(out, "FAIL", "dns", u.address() + ": unknown host (" + ms(u.took()) + ")");
        } else if (e instanceof ConnectEvent.TcpConnected t) {
            line(out, "ok", "tcp", where(t.host(), t.address()) + " port " + t.port() + ": connected (" + ms(t.took()) + ")");
        } else if (e instanceof ConnectEvent.TcpFailed t && t.failure() == ConnectEvent.TcpFailure.TIMED_OUT) {
            line(out, "FAIL", "tcp", "no answer within " + CheckReport.within(r.connectTimeout()) + " from "
                    + t.address() + ":" + t.port() + (t.host().equals(t.address()) ? "" : " (" + t.host() + ")")
                    + ": the TCP connect timed out (" + t.reason() + ", " + ms(t.took()) + ")");
        } else if (e instanceof ConnectEvent.TcpFailed t) {
            String outcome = switch (t.failure()) {
                case REFUSED -> "refused";
                case TIMED_OUT -> "timed out";
                case OTHER -> "failed";
            };
            line(out, "FAIL", "tcp", where(t.host(), t.address()) + " port " + t.port() + ": " + outcome + " ("
                    + t.reason() + ", " + ms(t.took()) + ")");
        } else if (e instanceof ConnectEvent.TlsAnswered a) {
            line(out, a.accepted() ? "ok" : "info", "ssl", a.accepted() ? "the server accepted the SSL request"
                    : "the server has no TLS (it answered N to the SSL request)");
        } else if (e instanceof ConnectEvent.TlsEstablished t) {
            line(out, "ok", "tls", t.protocol() + ", " + t.cipherSuite() + " (" + ms(t.took()) + ")");
            detail(out, "verification: " + verification(t.sslmode(), t.chainVerified(), t.hostNameVerified(),
                    t.rootsSource(), t.host()));
            chain(CertificateView.of(t.chain()), out);
        } else if (e instanceof ConnectEvent.TlsFailed t) {
            line(out, "FAIL", "tls", t.error().getMessage() + " (" + ms(t.took()) + ")");
            detail(out, "verification: " + verification(t.sslmode(), t.chainVerified(), t.hostNameVerified(),
                    t.rootsSource(), t.host()));
            chain(CertificateView.of(t.chain()), out);
        } else if (e instanceof ConnectEvent.Authenticated a) {
            line(out, "ok", "auth", a.method() + ", channel binding: " + (a.channelBinding() ? "yes" : "no")
                    + " (" + ms(a.took()) + ")");
        } else if (e instanceof ConnectEvent.AttemptFailed f) {
            line(out, "FAIL", "attempt", (f.tls() ? "TLS" : "plaintext") + " attempt on " + f.host() + ":" + f.port()
                    + " failed, SQLSTATE " + f.error().getSQLState());
            if (CheckReport.noAnswer(f)) {
                detail(out, "no answer within " + CheckReport.within(r.connectTimeout()) + " from " + f.host() + ":"
                        + f.port() + ": the TCP connection was accepted, but nothing came back");
            }
        }
    }

    /** What the sslmode checked, in words. */
    static String verification(String sslmode, boolean chain, boolean hostName, String roots, String host) {
        if (!chain) {
            return "sslmode=" + sslmode + " without root certificates: encrypted, but the server's identity is not "
                    + "checked (use verify-full and sslrootcert to check it)";
        }
        return "sslmode=" + sslmode + ": chain checked against " + roots
                + (hostName ? "; host name \"" + host + "\" checked against the certificate" : "; host name not checked");
    }

    private static void chain(List<CertificateView> chain, PrintStream out) {
        Instant now = Instant.now();
        for (int i = 0; i < chain.size(); i++) {
            CertificateView c = chain.get(i);
            detail(out, "certificate " + i + ": " + c.subject());
            detail(out, "  issuer:  " + c.issuer());
            detail(out, "  valid:   " + c.notBefore() + " to " + c.notAfter() + (c.validAt(now) ? "" : "  (NOT VALID NOW)"));
            if (!c.names().isEmpty()) detail(out, "  names:   " + String.join(", ", c.names()));
        }
    }

    private static void server(CheckReport r, PrintStream out) {
        ConnectionInfo c = r.connection();
        out.println("Server:");
        String version = r.serverVersion();
        out.println("  version:         " + version + (r.yugabyte() ? " (YugabyteDB " + r.yugabyteRelease() + ")"
                : " (PostgreSQL)"));
        out.println("  connected to:    " + c.host() + ":" + c.port());
        out.println("  encryption:      " + (c.encrypted() ? c.tlsProtocol() + ", " + c.cipherSuite() : "none"));
        out.println("  authentication:  " + c.authenticationMethod());
        out.println();
    }

    private static void cluster(ClusterInfo cluster, PrintStream out) {
        out.println("Cluster (load_balance)" + (cluster.universeUuid() == null ? "" : ", universe " + cluster.universeUuid())
                + ":");
        out.printf("  %-24s %-13s %-28s %-11s %s%n", "server", "type", "placement", "connections", "state");
        for (ClusterServer s : cluster.servers()) {
            out.printf("  %-24s %-13s %-28s %-11d %s%n", s.host() + ":" + s.port(), s.nodeType(), s.placement(),
                    s.connections(), s.down() ? "avoided after a failed connect" : "up");
        }
        CheckReport.next(cluster).ifPresentOrElse(
                s -> out.println("  a new connection would go to " + s.host() + ":" + s.port()
                        + " (fewest connections among the servers not avoided)"),
                () -> out.println("  no server is available for a new connection"));
        out.println();
    }

    private static String where(String host, String address) {
        return host.equals(address) ? host : host + " (" + address + ")";
    }

    private static void line(PrintStream out, String mark, String step, String text) {
        out.printf("  %-7s %-8s %s%n", "[" + mark + "]", step, text.replace("\n", "\n                   "));
    }

    private static void detail(PrintStream out, String text) {
        out.println("                   " + text);
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
