package io.ysql.internal.sql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Rewrites psycopg-style placeholders to the protocol's {@code $n}: {@code %s} becomes the next
 * {@code $n}; {@code %(name)s} becomes a {@code $n} shared by every use of the same name; {@code %%}
 * becomes {@code %}. {@code %b} and {@code %t} (psycopg's binary and text hints) are accepted as
 * {@code %s}; the driver picks the wire format per type, so the hint is not kept. As in psycopg,
 * {@code %} is significant everywhere, inside string literals and comments too, so a literal
 * percent sign is always written {@code %%}. Any other {@code %x}, an incomplete {@code %(name)},
 * or positional and named placeholders in one statement raise a {@link SQLException} with
 * SQLSTATE 42601 and the 1-based position of the offending {@code %}. A {@code $1} the user
 * writes is passed through untouched; don't mix it with placeholders.
 */
public final class PyformatPlaceholders {
    private PyformatPlaceholders() {}

    /** Parses {@code sql}; when it holds no {@code %} at all, the result's text is {@code sql} itself. */
    public static ParsedSql parse(String sql) throws SQLException {
        return parse(sql, null);
    }

    /**
     * Parses {@code sql} as {@link #parse(String)} does, writing {@code replacement.apply(n)} instead of
     * {@code $n} for the n-th (1-based) parameter — for showing a statement with its values.
     */
    public static ParsedSql parse(String sql, IntFunction<String> replacement) throws SQLException {
        int first = sql.indexOf('%');
        if (first < 0) return new ParsedSql(sql, 0, List.of(), StatementCounter.count(sql) > 1);
        int len = sql.length();
        StringBuilder out = new StringBuilder(len + 16);
        int copied = 0;
        int positional = 0;
        List<String> names = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = first; i >= 0; i = sql.indexOf('%', copied)) {
            out.append(sql, copied, i);
            if (i + 1 >= len) throw error("incomplete placeholder '%' at the end of the statement", i);
            char c = sql.charAt(i + 1);
            if (c == '%') {
                out.append('%');
                copied = i + 2;
            } else if (isFormat(c)) {
                if (!names.isEmpty()) throw mixed(i);
                ++positional;
                if (replacement == null) out.append('$').append(positional); else out.append(replacement.apply(positional));
                copied = i + 2;
            } else if (c == '(') {
                int close = sql.indexOf(')', i + 2);
                if (close < 0 || close + 1 >= len) throw error("incomplete placeholder '%('", i);
                if (close == i + 2) throw error("empty placeholder name '%()'", i);
                char format = sql.charAt(close + 1);
                if (!isFormat(format)) {
                    throw error("only '%s', '%b', '%t' are allowed as placeholders, got '%(...)" + format + "'", i);
                }
                if (positional > 0) throw mixed(i);
                String name = sql.substring(i + 2, close);
                Integer number = numbers.get(name);
                if (number == null) {
                    names.add(name);
                    number = names.size();
                    numbers.put(name, number);
                }
                if (replacement == null) out.append('$').append(number.intValue()); else out.append(replacement.apply(number));
                copied = close + 2;
            } else {
                throw error("only '%s', '%b', '%t' are allowed as placeholders, got '%" + c + "'", i);
            }
        }
        String text = out.append(sql, copied, len).toString();
        int count = names.isEmpty() ? positional : names.size();
        return new ParsedSql(text, count, names, StatementCounter.count(text) > 1);
    }

    private static boolean isFormat(char c) {
        return c == 's' || c == 'b' || c == 't';
    }

    private static SQLException mixed(int at) {
        return error("positional (%s) and named (%(name)s) placeholders cannot be mixed in one statement", at);
    }

    private static SQLException error(String what, int at) {
        return SqlExceptions.of(SqlState.SYNTAX_ERROR,
                what + " at position " + (at + 1) + "; write '%%' for a literal '%'");
    }
}
