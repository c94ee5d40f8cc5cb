package io.ysql.types;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * The text of {@code inet} and {@code cidr} addresses: IPv4 dotted quads and IPv6 in the server's
 * compressed spelling (lower-case hex, the longest run of two or more zero groups as {@code ::},
 * the last 32 bits as a dotted quad for IPv4-compatible {@code ::a.b.c.d} and IPv4-mapped {@code
 * ::ffff:a.b.c.d} addresses), and a reader for both families that never consults DNS. IPv6
 * addresses are kept as {@link Inet6Address} even when IPv4-mapped, so the family survives.
 */
final class InetText {
    private InetText() {}

    /** The address bytes as an {@link InetAddress} of the family their length says, without a name lookup. */
    static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, null) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    static String format(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) return dotted(b, 0);
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) j++;
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestBase = -1;
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) sb.append(':');
                continue;
            }
            if (i != 0) sb.append(':');
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                sb.append(dotted(b, 12));
                break;
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) sb.append(':');
        return sb.toString();
    }

    private static String dotted(byte[] b, int at) {
        return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
    }

    /** An address with optional {@code /bits}; bits is -1 when absent. */
    record Parsed(InetAddress address, int bits) {}

    static Parsed parse(String typeName, String text) throws SQLException {
        String s = text.trim();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = host.indexOf(':') >= 0 ? ipv6(host) : ipv4(host);
        if (bytes == null) throw bad(typeName, text);
        int bits = -1;
        if (slash >= 0) {
            String n = s.substring(slash + 1);
            if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(Character::isDigit)) throw bad(typeName, text);
            bits = Integer.parseInt(n);
            if (bits > bytes.length * 8) throw bad(typeName, text);
        }
        return new Parsed(address(bytes), bits);
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = octet(parts[i]);
            if (v < 0) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    private static int octet(String p) {
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return -1;
        int v = Integer.parseInt(p);
        return v > 255 ? -1 : v;
    }

    private static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) return null;
        String head = gap < 0 ? s : s.substring(0, gap);
        String tail = gap < 0 ? "" : s.substring(gap + 2);
        int[] h = groups(head, gap < 0);
        int[] t = groups(tail, true);
        if (h == null || t == null) return null;
        int total = h.length + t.length;
        if (gap < 0 ? total != 8 : total > 7) return null;
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) put(out, i, h[i]);
        for (int i = 0; i < t.length; i++) put(out, 8 - t.length + i, t[i]);
        return out;
    }

    private static void put(byte[] out, int word, int v) {
        out[2 * word] = (byte) (v >>> 8);
        out[2 * word + 1] = (byte) v;
    }

    /** The 16-bit groups of one side of {@code ::}; a trailing dotted quad counts as two groups if allowed. */
    private static int[] groups(String s, boolean quadAllowed) {
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(":", -1);
        int n = parts.length;
        boolean quad = quadAllowed && parts[n - 1].indexOf('.') >= 0;
        int[] out = new int[quad ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (quad && i == n - 1) {
                byte[] v4 = ipv4(p);
                if (v4 == null) return null;
                out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else {
                if (p.isEmpty() || p.length() > 4) return null;
                int v = 0;
                for (int k = 0; k < p.length(); k++) {
                    int d = Character.digit(p.charAt(k), 16);
                    if (d < 0) return null;
                    v = (v << 4) | d;
                }
                out[i] = v;
            }
        }
        return out;
    }

    static int maxBits(InetAddress a) {
        return a instanceof Inet4Address ? 32 : 128;
    }

    static SQLException bad(String typeName, String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 60) + "...";
        return SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type " + typeName + ": \"" + shown + "\"");
    }
}
