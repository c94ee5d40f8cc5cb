package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the fields of a {@link Sql.Text} template ({@code {}}, {@code {0}}, {@code {name}}, with
 * {@code {{} and {@code }}} for literal braces) and checks that text pieces hold no NUL and no
 * unpaired surrogate. Errors are SQLSTATE 42601 for a malformed template or a missing argument,
 * 22021 for text no server can hold.
 */
final class SqlTemplate {
    private SqlTemplate() {}

    /** {@code s}, after checking it holds no NUL and no unpaired surrogate. */
    static String checkText(String s, String what) throws SQLException {
        if (s == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, what + " cannot be null");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) throw SqlExceptions.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, what + " cannot contain NUL (0x00)");
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw SqlExceptions.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, what + " holds an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase() + ") at index " + i + ": it is not valid Unicode");
            }
        }
        return s;
    }

    /** The pieces of {@code template} with its fields replaced by {@code positional} or {@code named} arguments. */
    static List<Sql> fill(String template, List<? extends Sql> positional, Map<String, ? extends Sql> named)
            throws SQLException {
        List<Sql> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int auto = 0;
        boolean numbered = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                text.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                text.append('}');
                i += 2;
            } else if (c == '}') {
                throw malformed("a single '}' at index " + i + " (write '}}' for a brace)");
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) throw malformed("the field at index " + i + " is not closed");
                String field = template.substring(i + 1, close);
                Sql arg;
                if (field.isEmpty()) {
                    if (numbered) throw malformed("'{}' and numbered fields like '{0}' cannot be mixed");
                    arg = positional(positional, auto++);
                } else if (field.chars().allMatch(Character::isDigit)) {
                    if (auto > 0) throw malformed("'{}' and numbered fields like '{0}' cannot be mixed");
                    numbered = true;
                    arg = positional(positional, Integer.parseInt(field));
                } else {
                    arg = named.get(field);
                    if (arg == null) throw malformed("no argument for the field {" + field + "}");
                }
                if (text.length() > 0) {
                    out.add(new Sql.Text(text.toString()));
                    text.setLength(0);
                }
                out.add(arg);
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0) out.add(new Sql.Text(text.toString()));
        return out;
    }

    private static Sql positional(List<? extends Sql> args, int index) throws SQLException {
        if (index >= args.size()) {
            throw malformed("the template needs argument " + index + " but " + args.size()
                    + (args.size() == 1 ? " was" : " were") + " given");
        }
        Sql arg = args.get(index);
        if (arg == null) throw malformed("argument " + index + " is null: use Sql.literal(null) for NULL");
        return arg;
    }

    private static SQLException malformed(String what) {
        return SqlExceptions.of(SqlState.SYNTAX_ERROR, "SQL template: " + what);
    }
}
