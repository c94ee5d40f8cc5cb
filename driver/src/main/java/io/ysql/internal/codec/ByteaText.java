package io.ysql.internal.codec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The text formats of {@code bytea}: the hex format ({@code \x48656c6c6f}, the server's output
 * since 9.0) and the older escape format ({@code Hello\000\\}), where a backslash followed by
 * three octal digits is one byte and a doubled backslash is one backslash
 * (<a href="https://www.postgresql.org/docs/current/datatype-binary.html">Binary Data Types</a>).
 */
final class ByteaText {
    private ByteaText() {}

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Decodes either text format into a new array. */
    static byte[] decode(byte[] b, int off, int len) throws SQLException {
        if (len >= 2 && b[off] == '\\' && b[off + 1] == 'x') return decodeHex(b, off + 2, len - 2);
        return decodeEscape(b, off, len);
    }

    private static byte[] decodeHex(byte[] b, int off, int len) throws SQLException {
        byte[] out = new byte[len / 2];
        int n = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            int hi = hexValue(b[i]);
            if (hi < 0 && isSpace(b[i])) { // the server's input accepts spaces between digit pairs
                i++;
                continue;
            }
            if (hi < 0 || i + 1 >= end) throw CodecErrors.badText("bytea", b, off - 2, len + 2);
            int lo = hexValue(b[i + 1]);
            if (lo < 0) throw CodecErrors.badText("bytea", b, off - 2, len + 2);
            out[n++] = (byte) ((hi << 4) | lo);
            i += 2;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] decodeEscape(byte[] b, int off, int len) throws SQLException {
        byte[] out = new byte[len];
        int n = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            byte c = b[i];
            if (c != '\\') {
                out[n++] = c;
                i++;
            } else if (i + 1 < end && b[i + 1] == '\\') {
                out[n++] = '\\';
                i += 2;
            } else if (i + 3 < end && isOctal(b[i + 1]) && isOctal(b[i + 2]) && isOctal(b[i + 3])
                    && b[i + 1] <= '3') {
                out[n++] = (byte) (((b[i + 1] - '0') << 6) | ((b[i + 2] - '0') << 3) | (b[i + 3] - '0'));
                i += 4;
            } else {
                throw CodecErrors.badText("bytea", b, off, len);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The server's hex output for these bytes: {@code \x} and two lower-case digits a byte. */
    static String toHex(byte[] b, int off, int len) {
        byte[] out = new byte[2 + 2 * len];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            out[2 + 2 * i] = HEX[v >>> 4];
            out[3 + 2 * i] = HEX[v & 0xF];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static boolean isOctal(byte c) { return c >= '0' && c <= '7'; }

    private static boolean isSpace(byte c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}
