package io.ysql.internal.cli;

import io.ysql.ConnectEvent;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a failed connect into advice a user can act on, from the SQLSTATE, the driver's message
 * and the connect steps that led to it: nothing listening, a firewall, a host name DNS does not
 * know, a server without TLS, each way a server certificate can be refused (naming the
 * certificate's names and dates), a wrong password (naming where it came from), a missing
 * pg_hba.conf entry or database. The driver's messages already say what to do in general; the
 * advice adds what only the steps show.
 */
final class Advice {
    private Advice() {}

    static List<String> of(SQLException failure, List<ConnectEvent> events, ConnectionConfig config) {
        Set<String> out = new LinkedHashSet<>();
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        for (ConnectEvent e : events) {
            if (e instanceof ConnectEvent.Unresolved u) {
                out.add("the host name \"" + u.address() + "\" is not known to DNS: check the spelling of host, "
                        + "or give the server's IP address");
            } else if (e instanceof ConnectEvent.TcpFailed t) {
                out.add(tcp(t, config));
            } else if (e instanceof ConnectEvent.AttemptFailed f && CheckReport.noAnswer(f)) {
                out.add("the server at " + f.host() + ":" + f.port() + " accepted the TCP connection but sent no answer "
                        + "within " + within(config) + ": check that this port is PostgreSQL's or YugabyteDB's and not "
                        + "another service's (or a proxy with no server behind it), and that the server is not "
                        + "overloaded; or raise connect_timeout");
            } else if (e instanceof ConnectEvent.TlsAnswered a && !a.accepted() && config != null
                    && config.sslMode().requiresTls()) {
                out.add("the server at " + a.host() + ":" + a.port() + " has TLS off but sslmode="
                        + config.sslMode().label() + " requires it: turn ssl on in the server's postgresql.conf, "
                        + "or use sslmode=prefer if an unencrypted connection is acceptable");
            } else if (e instanceof ConnectEvent.TlsFailed f) {
                out.add(tls(f));
            }
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String user = config == null ? "the user" : "user \"" + config.user() + "\"";
        if (state.equals("28P01")) {
            out.add("the server rejected the password of " + user + passwordSource(config)
                    + ": check it, or set it with password=…, PGPASSWORD or a ~/.pgpass line");
        } else if (state.equals("28000") && message.contains("pg_hba.conf")) {
            out.add("the server's pg_hba.conf has no line that admits " + user + " from this address"
                    + (config == null ? "" : " to database \"" + config.dbname() + "\"")
                    + (message.contains("no encryption") ? " without TLS: connect with sslmode=require, or ask for a "
                    + "\"host\" line" : "") + "; ask the server's administrator to add one");
        } else if (state.equals("3D000")) {
            out.add("the database does not exist: check dbname (SELECT datname FROM pg_database lists them)");
        } else if (state.equals("28000") || state.startsWith("28")) {
            out.add("authentication failed: " + message);
        }
        if (out.isEmpty()) {
            out.add("the message above says what failed; docs/troubleshooting.md lists every message with its cause and "
                    + "fix");
        }
        return List.copyOf(out);
    }

    private static String passwordSource(ConnectionConfig config) {
        if (config == null) return "";
        return switch (config.origin(Options.PASSWORD)) {
            case GIVEN -> " (the password given in the connection string)";
            case ENVIRONMENT -> " (the password from PGPASSWORD)";
            case PASSWORD_FILE -> " (the password from " + config.get(Options.PASSFILE) + ")";
            case DEFAULT -> " (no password was given, so the default \"yugabyte\" was tried)";
        };
    }

    private static String within(ConnectionConfig config) {
        return CheckReport.within(config == null ? null : config.connectTimeout());
    }

    private static String tcp(ConnectEvent.TcpFailed t, ConnectionConfig config) {
        String where = t.host() + " (" + t.address() + ") port " + t.port();
        return switch (t.failure()) {
            case REFUSED -> "nothing accepts connections at " + where + ": check that the server runs and listens "
                    + "on that address (listen_addresses) and port (YugabyteDB's YSQL uses 5433, PostgreSQL 5432)";
            case TIMED_OUT -> "no answer from " + where + " within " + within(config) + ": the host may be down, or a "
                    + "firewall drops the packets; check host and port, or raise connect_timeout";
            case OTHER -> "could not reach " + where + ": " + t.reason() + "; check the network route to the server";
        };
    }

    private static String tls(ConnectEvent.TlsFailed f) {
        String m = f.error().getMessage() == null ? "" : f.error().getMessage().toLowerCase(Locale.ROOT);
        X509Certificate leaf = f.chain().isEmpty() ? null : f.chain().get(0);
        CertificateView cert = leaf == null ? null : CertificateView.of(leaf);
        if (m.contains("does not match the certificate") && cert != null) {
            List<String> names = new ArrayList<>(cert.names());
            if (names.isEmpty()) names.add(cert.subject());
            return "the certificate is for " + String.join(", ", names) + " but you connected to " + f.host()
                    + ": connect by a name the certificate lists (hostaddr=… keeps the address), or use sslmode=verify-ca "
                    + "to check the chain but not the name";
        }
        if (m.contains("certificate has expired") && cert != null) {
            return "the server certificate \"" + cert.subject() + "\" expired on " + cert.notAfter()
                    + ": the server needs a renewed certificate (ssl_cert_file)";
        }
        if (m.contains("not yet valid") && cert != null) {
            return "the server certificate \"" + cert.subject() + "\" is valid only from " + cert.notBefore()
                    + ": check the clocks of this machine and the server, or reissue the certificate";
        }
        if (m.contains("revoked")) {
            return "the server certificate is listed as revoked in the certificate revocation list (sslcrl, sslcrldir): "
                    + "the server needs a new certificate";
        }
        if (m.contains("certificate chain") && cert != null) {
            return "the server certificate was issued by \"" + cert.issuer() + "\", which does not lead to a root in "
                    + (f.rootsSource() == null ? "the root certificates" : f.rootsSource())
                    + ": point sslrootcert at the CA that issued it, or have the server send its intermediate "
                    + "certificates (ssl_cert_file with the chain)";
        }
        return "the TLS handshake failed: " + f.error().getMessage();
    }
}
