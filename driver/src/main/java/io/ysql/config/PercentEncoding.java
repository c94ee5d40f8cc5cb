package io.ysql.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * RFC 3986 percent-encoding of URI parts, as libpq applies it to {@code postgresql://} URIs:
 * {@code %XX} sequences are UTF-8 bytes, a {@code +} stays a plus sign (this is not HTML form
 * encoding), and {@code %00} is refused. Errors never repeat the text, which may hold a password.
 */
final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    static String decode(String s, String where) throws SQLException {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c != '%') {
                int end = i + 1;
                while (end < s.length() && s.charAt(end) != '%') end++;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            if (i + 2 >= s.length()) {
                throw ConfigError.of("incomplete percent-encoded character in " + where);
            }
            int hi = hex(s.charAt(i + 1));
            int lo = hex(s.charAt(i + 2));
            if (hi < 0 || lo < 0) throw ConfigError.of("invalid percent-encoded character in " + where);
            int b = hi << 4 | lo;
            if (b == 0) throw ConfigError.of("percent-encoded NUL (%00) is not allowed in " + where);
            out.write(b);
            i += 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ConfigError.of("percent-encoded bytes in " + where + " are not valid UTF-8");
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Encodes every byte outside RFC 3986's unreserved characters. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                sb.append(c);
            } else {
                sb.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return sb.toString();
    }
}
