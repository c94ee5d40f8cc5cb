package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.sql.SqlQuoting;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Generated keys the PostgreSQL way, as pgjdbc does them: an INSERT, UPDATE, DELETE or MERGE
 * asked for its keys gets {@code RETURNING} appended ({@code *}, or the named columns), and the
 * rows it returns become {@code getGeneratedKeys()}. Other statements run unchanged.
 */
final class GeneratedKeys {
    private GeneratedKeys() {}

    /** {@code RETURNING *}: every column, for {@code RETURN_GENERATED_KEYS}. */
    static final String ALL = "*";

    /** The RETURNING list for the named columns, quoted as identifiers. */
    static String columns(String[] names) throws SQLException {
        if (names == null || names.length == 0) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "name at least one column whose generated value to return");
        }
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(SqlQuoting.quoteIdentifier(n));
        }
        return sb.toString();
    }

    /**
     * {@code sql} with {@code RETURNING returning} appended when it is a DML statement without a
     * RETURNING clause of its own; otherwise {@code sql} unchanged.
     */
    static String rewrite(String sql, String returning) {
        if (returning == null) return sql;
        String trimmed = stripTrailingSemicolons(sql);
        String upper = trimmed.toUpperCase(Locale.ROOT);
        String first = firstWord(upper);
        boolean dml = first.equals("INSERT") || first.equals("UPDATE") || first.equals("DELETE") || first.equals("MERGE");
        if (!dml || upper.contains("RETURNING")) return sql;
        return trimmed + "\nRETURNING " + returning;
    }

    private static String stripTrailingSemicolons(String sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) end--;
        return sql.substring(0, end);
    }

    private static String firstWord(String upper) {
        int i = 0;
        while (i < upper.length() && (Character.isWhitespace(upper.charAt(i)) || upper.charAt(i) == '(')) i++;
        int start = i;
        while (i < upper.length() && Character.isLetter(upper.charAt(i))) i++;
        return upper.substring(start, i);
    }
}
