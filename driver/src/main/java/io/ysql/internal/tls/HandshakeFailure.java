package io.ysql.internal.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a failed handshake into a message that says what went wrong: the certificate check that
 * failed (from {@link CertificateRejected}), a timeout, the server hanging up, a TLS alert the
 * server sent (with a hint for the usual causes), or TLS versions nobody can use. SQLSTATE 08006.
 */
final class HandshakeFailure {
    private HandshakeFailure() {}

    static SQLException of(Exception e, String host, int port, List<String> protocols, boolean clientCertificate) {
        String prefix = "SSL handshake with " + host + ":" + port + " failed: ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejected r) return TlsErrors.handshake(prefix + r.getMessage(), e);
        }
        return TlsErrors.handshake(prefix + reason(e, protocols, clientCertificate), e);
    }

    private static String reason(Exception e, List<String> protocols, boolean clientCertificate) {
        if (e instanceof SocketTimeoutException) return "timeout expired";
        String m = e.getMessage() == null ? "" : e.getMessage();
        String range = protocols.get(0) + (protocols.size() > 1 ? " to " + protocols.get(protocols.size() - 1) : "");
        if (e instanceof EOFException || m.contains("Remote host terminated") || m.contains("Connection reset")) {
            return "the server closed the connection during the handshake";
        }
        if (m.contains("No appropriate protocol")) {
            return "no TLS version from " + range + " is enabled in this Java runtime (see the jdk.tls.disabledAlgorithms "
                    + "security property) or accepted by the server";
        }
        int alert = m.indexOf("Received fatal alert: ");
        if (alert >= 0) {
            String name = m.substring(alert + "Received fatal alert: ".length()).strip();
            String hint = switch (name.toLowerCase(Locale.ROOT)) {
                case "protocol_version" -> "; the server accepts none of the TLS versions " + range;
                case "certificate_required" -> "; the server requires a client certificate (sslcert and sslkey)";
                case "handshake_failure" -> clientCertificate ? "" : "; the server may require a client certificate";
                case "unknown_ca", "bad_certificate", "certificate_unknown" -> clientCertificate
                        ? "; the server does not accept the client certificate" : "";
                case "no_application_protocol" -> "; the server does not speak the ALPN protocol \"postgresql\"";
                default -> "";
            };
            return "the server refused the handshake (TLS alert " + name + ")" + hint;
        }
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    static void closeQuietly(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // already failing: nothing more to report
        }
    }
}
