package io.ysql.internal.sql;

import java.util.List;

/**
 * Rewrites JDBC {@code ?} placeholders to the protocol's {@code $1, $2, ...} in one pass over the
 * text. A {@code ?} inside a string constant ({@code 'it''s ?'}, {@code E'\'?'}), a quoted
 * identifier, a dollar-quoted string ({@code $$?$$}, {@code $tag$?$tag$}) or a comment ({@code --},
 * nested {@code /* *}{@code /}) is left alone. Outside those, {@code ??} stands for one literal
 * {@code ?} (the JSON and geometric operators {@code ?}, {@code ?|}, {@code ?&} are written
 * {@code ??}, {@code ??|}, {@code ??&}), as in pgjdbc. A {@code $1} the user writes is passed
 * through untouched and would share its number with the first {@code ?}; don't mix the two styles.
 * {@code standard_conforming_strings} is assumed on. Malformed text (an unterminated quote) is
 * never an error here: the server reports it with a position.
 */
public final class JdbcPlaceholders {
    private JdbcPlaceholders() {}

    /** Parses {@code sql}; when it holds no {@code ?} at all, the result's text is {@code sql} itself. */
    public static ParsedSql parse(String sql) {
        int len = sql.length();
        StatementCounter statements = new StatementCounter();
        StringBuilder out = null;
        int copied = 0;
        int parameters = 0;
        int i = 0;
        while (i < len) {
            int next = statements.skipCommentOrQuote(sql, i);
            if (next > i) {
                i = next;
                continue;
            }
            char c = sql.charAt(i);
            if (c != '?') {
                statements.accept(c);
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(len + 16);
            out.append(sql, copied, i);
            statements.content();
            if (i + 1 < len && sql.charAt(i + 1) == '?') {
                out.append('?');
                i += 2;
            } else {
                out.append('$').append(++parameters);
                i++;
            }
            copied = i;
        }
        String text = out == null ? sql : out.append(sql, copied, len).toString();
        return new ParsedSql(text, parameters, List.of(), statements.count() > 1);
    }
}
