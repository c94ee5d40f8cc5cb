package io.ysql.internal.tls;

import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;

/**
 * What the client offers in its hello, as libpq 17 offers it: the TLS versions between
 * {@code ssl_min_protocol_version} and {@code ssl_max_protocol_version}, the ALPN protocol
 * {@code postgresql} (always; a direct connection then insists the server chose it), and the host
 * name as SNI when {@code sslsni} is on and the host is not an IP literal (RFC 6066). Host-name
 * checks are the driver's own, so the JDK's endpoint identification stays off.
 */
final class ClientHello {
    private ClientHello() {}

    static SSLParameters parameters(SSLParameters base, List<String> protocols, boolean sni, String hostName) {
        SSLParameters p = base;
        p.setProtocols(protocols.toArray(String[]::new));
        p.setApplicationProtocols(new String[] {TlsPolicy.ALPN});
        p.setEndpointIdentificationAlgorithm(null);
        p.setServerNames(sni ? serverNames(hostName) : List.of());
        return p;
    }

    /** The SNI names for {@code host}: none for an IP literal (libpq's test: only digits and dots, or a colon). */
    static List<SNIServerName> serverNames(String host) {
        if (host == null || host.isEmpty() || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))
                || host.indexOf(':') >= 0) {
            return List.of();
        }
        try {
            return List.of(new SNIHostName(host));
        } catch (IllegalArgumentException notADnsName) {
            return List.of(); // e.g. an underscore or a trailing dot: the JDK cannot send it
        }
    }
}
