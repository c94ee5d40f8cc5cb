package io.ysql.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a libpq keyword/value connection string ("Connection Strings" in the libpq docs):
 * {@code key = value} pairs separated by whitespace, spaces allowed around {@code =}. A value is
 * either single-quoted, where {@code \'} and {@code \\} stand for a quote and a backslash, or runs to
 * the next whitespace, where a backslash makes the next character literal. As in libpq, whitespace
 * after {@code =} is skipped, so {@code options=} is empty only at the end of the string or when
 * written {@code options=''}. Later pairs override earlier ones with the same name.
 */
final class ConninfoString {
    private final String text;
    private int pos;

    private ConninfoString(String text) {
        this.text = text;
    }

    static List<Setting> parse(String text) throws SQLException {
        return new ConninfoString(text).settings();
    }

    private List<Setting> settings() throws SQLException {
        List<Setting> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) return out;
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '=' && !isSpace(text.charAt(pos))) pos++;
            String name = text.substring(start, pos);
            if (name.isEmpty()) throw ConfigError.of("missing option name before \"=\" in connection string");
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw ConfigError.of("missing \"=\" after \"" + name + "\" in connection string");
            }
            pos++;
            skipSpace();
            out.add(new Setting(name, pos < text.length() && text.charAt(pos) == '\'' ? quoted() : bare()));
        }
    }

    private String quoted() throws SQLException {
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                sb.append(text.charAt(pos++));
            } else if (c == '\'') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw ConfigError.of("unterminated quoted string in connection string");
    }

    private String bare() {
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && !isSpace(text.charAt(pos))) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) c = text.charAt(pos++);
            sb.append(c);
        }
        return sb.toString();
    }

    private void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) pos++;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
