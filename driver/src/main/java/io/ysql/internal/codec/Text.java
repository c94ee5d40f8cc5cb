package io.ysql.internal.codec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;

/**
 * UTF-8 text of column values and string parameters; the session always runs with {@code
 * client_encoding=UTF8}. Strings going to the server are checked first: PostgreSQL cannot store
 * the NUL character in text, and an unpaired surrogate is not Unicode (the JDK would silently send
 * {@code ?} for it), so both raise 22021 rather than change the value.
 */
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

    /** The UTF-8 bytes of {@code s}; 22021 for a NUL character or an unpaired surrogate. */
    static byte[] encode(String s) throws SQLException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw SqlExceptions.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "the string holds the NUL character "
                    + "(U+0000) at index " + i + ", which PostgreSQL cannot store in text; remove it, or send the "
                    + "data as bytea (setBytes)");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw SqlExceptions.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "the string holds an unpaired surrogate "
                    + String.format("U+%04X", (int) c) + " at index " + i + ", which is not valid Unicode and has no "
                    + "UTF-8 form; fix the string (it was probably cut in the middle of a character)");
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
