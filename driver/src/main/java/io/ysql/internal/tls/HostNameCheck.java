package io.ysql.internal.tls;

import io.ysql.internal.tls.DerReader.DerException;
import io.ysql.internal.tls.DerReader.Element;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The host-name check of {@code sslmode=verify-full}, with libpq's rules (libpq "SSL Support",
 * section "Protection Provided in Different Modes", and {@code fe-secure-common.c}): the host is
 * compared, ignoring case, with every subjectAltName {@code dNSName}; a name may start with
 * {@code *.}, which matches exactly one non-empty leftmost label and nothing else. A host that is
 * an IP literal is also compared, byte for byte, with the {@code iPAddress} entries (IPv4 and IPv6
 * are not mapped onto each other). The subject's first common name is used only when the
 * certificate has no subjectAltName of the host's own kind ({@code dNSName} for a name,
 * {@code iPAddress} for an address) — for a name that is RFC 6125's rule, for an address it is
 * libpq's deliberate exception. Names with an embedded NUL are refused (CVE-2009-4034).
 */
final class HostNameCheck {
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final int DNS_NAME = 0x82;
    private static final int IP_ADDRESS = 0x87;
    private static final int MAX_NAMES_SHOWN = 10;

    private HostNameCheck() {}

    /**
     * Passes when {@code cert} names {@code host}.
     *
     * @throws CertificateRejected naming the host and the certificate's names
     */
    static void verify(String host, X509Certificate cert) throws CertificateRejected {
        if (host == null || host.isEmpty()) {
            throw new CertificateRejected("host name must be specified for a verified SSL connection");
        }
        byte[] hostIp = ipLiteral(host);
        List<String> names = new ArrayList<>();
        boolean checkCommonName = true;
        for (Element san : subjectAltNames(cert)) {
            if (san.tag() == DNS_NAME) {
                String name = text(san.content());
                names.add(name);
                if (hostIp == null) checkCommonName = false;
                if (nameMatches(name, host)) return;
            } else if (san.tag() == IP_ADDRESS) {
                byte[] ip = san.content();
                if (ip.length != 4 && ip.length != 16) {
                    throw new CertificateRejected("certificate contains IP address with invalid length " + ip.length);
                }
                names.add(format(ip));
                if (hostIp != null) checkCommonName = false;
                if (hostIp != null && Arrays.equals(ip, hostIp)) return;
            }
        }
        if (checkCommonName) {
            String cn = commonName(cert);
            if (cn != null) {
                names.add(cn);
                if (nameMatches(cn, host)) return;
            }
        }
        if (names.isEmpty()) throw new CertificateRejected("could not get server's host name from server certificate");
        List<String> shown = names.size() > MAX_NAMES_SHOWN ? names.subList(0, MAX_NAMES_SHOWN) : names;
        throw new CertificateRejected("host name \"" + host + "\" does not match the certificate (names: "
                + String.join(", ", shown) + (names.size() > shown.size() ? ", …" : "") + ")");
    }

    /** An exact match ignoring case, or a {@code *.} pattern matching one leftmost label of {@code host}. */
    static boolean nameMatches(String pattern, String host) {
        if (pattern.equalsIgnoreCase(host)) return true;
        if (pattern.length() < 3 || !pattern.startsWith("*.")) return false;
        String suffix = pattern.substring(1); // ".example.com"
        int labelEnd = host.length() - suffix.length();
        if (labelEnd < 1) return false;
        if (!host.substring(labelEnd).equalsIgnoreCase(suffix)) return false;
        return host.indexOf('.') == labelEnd; // the wildcard never matches a dot
    }

    /**
     * The address bytes when {@code host} is a dotted-quad IPv4 or an IPv6 literal, else
     * {@code null}. Never resolves a name.
     */
    static byte[] ipLiteral(String host) {
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] b = new byte[4];
            String[] parts = host.split("\\.");
            for (int k = 0; k < 4; k++) {
                int v = Integer.parseInt(parts[k]);
                if (v > 255) return null;
                b[k] = (byte) v;
            }
            return b;
        }
        if (host.indexOf(':') < 0 || host.indexOf('%') >= 0 || !host.matches("[0-9A-Fa-f:.]+")) return null;
        try {
            byte[] b = InetAddress.getByName(host).getAddress(); // a literal: parsed, not looked up
            return b.length == 16 ? b : null; // Java maps ::ffff:a.b.c.d to IPv4; libpq does not
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String format(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // unreachable: the length was checked
        }
    }

    private static List<Element> subjectAltNames(X509Certificate cert) throws CertificateRejected {
        byte[] ext = cert.getExtensionValue(SUBJECT_ALT_NAME);
        if (ext == null) return List.of();
        try {
            byte[] value = DerReader.read(ext).expect(DerReader.OCTET_STRING).content();
            return DerReader.read(value).expect(DerReader.SEQUENCE).children();
        } catch (DerException e) {
            throw new CertificateRejected("the server certificate's subjectAltName is malformed: " + e.getMessage());
        }
    }

    /** The subject's first CN, or {@code null}. */
    static String commonName(X509Certificate cert) throws CertificateRejected {
        try {
            for (Element rdn : DerReader.read(cert.getSubjectX500Principal().getEncoded()).children()) {
                for (Element attribute : rdn.children()) {
                    List<Element> typeAndValue = attribute.children();
                    if (typeAndValue.size() == 2 && typeAndValue.get(0).oid().equals(COMMON_NAME)) {
                        return directoryString(typeAndValue.get(1));
                    }
                }
            }
            return null;
        } catch (DerException e) {
            throw new CertificateRejected("the server certificate's subject is malformed: " + e.getMessage());
        }
    }

    private static String directoryString(Element e) throws CertificateRejected {
        return switch (e.tag()) {
            case DerReader.UTF8_STRING -> text(new String(e.content(), StandardCharsets.UTF_8));
            case DerReader.BMP_STRING -> text(new String(e.content(), StandardCharsets.UTF_16BE));
            case DerReader.UNIVERSAL_STRING -> text(new String(e.content(), Charset.forName("UTF-32BE")));
            default -> text(e.content());
        };
    }

    private static String text(byte[] ascii) throws CertificateRejected {
        return text(new String(ascii, StandardCharsets.ISO_8859_1));
    }

    private static String text(String s) throws CertificateRejected {
        if (s.indexOf('\0') >= 0) throw new CertificateRejected("SSL certificate's name contains embedded null");
        return s;
    }
}
