package io.ysql.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Validates the entries of {@code hostaddr}: numeric IPv4 or IPv6 addresses only, checked without
 * any name lookup (a text that is not an address literal is refused before the JDK could try to
 * resolve it). An empty entry is kept: in libpq it means "resolve the host name instead".
 */
final class NumericAddress {
    private NumericAddress() {}

    static String check(String text) {
        if (text.isEmpty()) return text;
        if (isIpv4(text)) return text;
        if (looksLikeIpv6(text)) {
            try {
                // A text containing ':' is parsed by the JDK as an IPv6 literal, never looked up.
                InetAddress.getByName(text);
                return text;
            } catch (UnknownHostException | SecurityException e) {
                throw new IllegalArgumentException();
            }
        }
        throw new IllegalArgumentException();
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) return false;
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') return false;
            }
            if (Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    static boolean looksLikeIpv6(String s) {
        int zone = s.indexOf('%');
        String addr = zone >= 0 ? s.substring(0, zone) : s;
        if (addr.indexOf(':') < 0 || (zone >= 0 && zone == s.length() - 1)) return false;
        for (int i = 0; i < addr.length(); i++) {
            char c = addr.charAt(i);
            boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) return false;
        }
        return true;
    }
}
