package io.ysql.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting rules for the four languages the testkit writes: libpq keyword/value strings, SQL
 * literals and identifiers, postgresql.conf values, and POSIX shell words (for the {@code su -c}
 * fallback). Pure functions.
 */
final class Quoting {
    private Quoting() {}

    /**
     * A libpq conninfo value: bare when it is non-empty and has no space, quote or backslash,
     * otherwise in single quotes with {@code '} and {@code \} escaped by a backslash.
     */
    static String conninfoValue(String value) {
        boolean bare = !value.isEmpty() && value.chars()
                .noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '\\');
        if (bare) return value;
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A standard-conforming SQL string literal. */
    static String sqlLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A SQL identifier, always quoted so that case and odd characters survive. */
    static String sqlIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A postgresql.conf string value. */
    static String confValue(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** One POSIX shell word. */
    static String shellWord(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A command line for {@code sh -c}. */
    static String shellCommand(List<String> words) {
        return words.stream().map(Quoting::shellWord).collect(Collectors.joining(" "));
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, for a URL path segment. */
    static String urlPathSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) out.append((char) c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
        return out.toString();
    }
}
