package io.ysql.internal.codec;

import java.nio.charset.StandardCharsets;

/** UTF-8 text of a column value; the session always runs with {@code client_encoding=UTF8}. */
final class Text {
    private Text() {}

    static String utf8(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    /** Whether the slice equals the ASCII string {@code s}. */
    static boolean equalsAscii(byte[] b, int off, int len, String s) {
        if (len != s.length()) return false;
        for (int i = 0; i < len; i++) {
            if (b[off + i] != s.charAt(i)) return false;
        }
        return true;
    }
}
