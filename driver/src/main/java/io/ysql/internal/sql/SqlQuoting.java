package io.ysql.internal.sql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;

/**
 * Quotes identifiers and string constants for the SQL the driver builds on its own behalf
 * ({@code SET search_path}, savepoint names, catalog queries); user parameters always travel as
 * bound values, never through here. The output is valid whatever {@code standard_conforming_strings}
 * says, like libpq's {@code PQescapeIdentifier} and {@code PQescapeLiteral}. Values never appear in
 * error messages, as they may be secrets.
 */
public final class SqlQuoting {
    private SqlQuoting() {}

    /** {@code "name"} with embedded double quotes doubled; refuses an empty name and NUL. */
    public static String quoteIdentifier(String name) throws SQLException {
        if (name.isEmpty()) throw SqlExceptions.of(SqlState.INVALID_NAME, "an identifier cannot be empty");
        refuseNul(name, "an identifier");
        StringBuilder sb = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') sb.append('"');
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /**
     * {@code 'value'} with embedded quotes doubled; when the value holds a backslash, the escape
     * form {@code E'...'} with backslashes doubled, so put a space before it. Refuses NUL, which
     * no text value can hold.
     */
    public static String quoteLiteral(String value) throws SQLException {
        refuseNul(value, "a string literal");
        boolean backslash = value.indexOf('\\') >= 0;
        StringBuilder sb = new StringBuilder(value.length() + 3);
        if (backslash) sb.append('E');
        sb.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') sb.append(c);
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    private static void refuseNul(String s, String what) throws SQLException {
        if (s.indexOf('\0') >= 0) {
            throw SqlExceptions.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, what + " cannot contain the character NUL (0x00)");
        }
    }
}
