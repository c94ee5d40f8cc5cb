package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text format of the {@code hstore} extension type: {@code "a"=>"1", "b"=>NULL}. The parser
 * reads what {@code hstore_in} accepts — keys and values quoted or bare, a backslash taking the
 * next character literally, an unquoted {@code NULL} (any case) as a null value, whitespace
 * between the parts — keeping the server's order; the printer writes what {@code hstore_out}
 * writes: every key and value double-quoted, quotes and backslashes escaped.
 */
public final class HstoreText {
    private HstoreText() {}

    /** The pairs of {@code text} in order; 22P02 when it is not an hstore literal. */
    public static Map<String, String> parse(String text) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        Cursor c = new Cursor(text);
        c.skipSpace();
        while (!c.atEnd()) {
            String key = c.token(false);
            if (key == null) throw CodecErrors.badText("hstore", text);
            c.skipSpace();
            if (!c.consume('=') || !c.consume('>')) throw CodecErrors.badText("hstore", text);
            c.skipSpace();
            if (c.atEnd()) throw CodecErrors.badText("hstore", text);
            String value = c.token(true);
            out.put(key, value);
            c.skipSpace();
            if (c.atEnd()) break;
            if (!c.consume(',')) throw CodecErrors.badText("hstore", text);
            c.skipSpace();
        }
        return out;
    }

    /** The literal of {@code map} as {@code hstore_out} prints it; null keys are refused (22004). */
    public static String format(Map<?, ?> map) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() == null) {
                throw SqlExceptions.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                        "an hstore key cannot be null; remove the null key from the map");
            }
            if (sb.length() > 0) sb.append(", ");
            quote(sb, e.getKey().toString());
            sb.append("=>");
            if (e.getValue() == null) sb.append("NULL");
            else quote(sb, e.getValue().toString());
        }
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') sb.append('\\');
            sb.append(ch);
        }
        sb.append('"');
    }

    /** A position in the text being parsed. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) { this.s = s; }

        boolean atEnd() { return i >= s.length(); }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        boolean consume(char ch) {
            if (i < s.length() && s.charAt(i) == ch) {
                i++;
                return true;
            }
            return false;
        }

        /** A quoted or bare token; for a value, a bare {@code NULL} is null. Null when there is none. */
        String token(boolean value) throws SQLException {
            if (atEnd()) return null;
            StringBuilder sb = new StringBuilder();
            if (s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (atEnd()) throw CodecErrors.badText("hstore", s);
                    char ch = s.charAt(i++);
                    if (ch == '"') return sb.toString();
                    if (ch == '\\') {
                        if (atEnd()) throw CodecErrors.badText("hstore", s);
                        ch = s.charAt(i++);
                    }
                    sb.append(ch);
                }
            }
            boolean escaped = false;
            while (!atEnd()) {
                char ch = s.charAt(i);
                if (Character.isWhitespace(ch) || ch == ',' || (ch == '=' && i + 1 < s.length() && s.charAt(i + 1) == '>')) break;
                if (ch == '\\' && i + 1 < s.length()) {
                    ch = s.charAt(++i);
                    escaped = true;
                }
                sb.append(ch);
                i++;
            }
            if (sb.length() == 0) return null;
            if (value && !escaped && sb.toString().equalsIgnoreCase("NULL")) return null;
            return sb.toString();
        }
    }
}
