package io.ysql;

import io.ysql.errors.Errors;
import io.ysql.errors.ProgrammingError;
import io.ysql.error.SqlState;
import io.ysql.internal.sql.ParsedSql;
import io.ysql.internal.sql.PyformatPlaceholders;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statement of {@link Cursor#mogrify} with its placeholders replaced by literals: each value
 * written as {@link Sql#literal} writes it, with the connection's codecs, so that the text is
 * what the server would see if the values were inlined. For display only: the cursor never runs
 * it, and binds parameters instead.
 */
final class Mogrify {
    private Mogrify() {}

    static String positional(YsqlConnection connection, String sql, List<?> values) throws SQLException {
        try {
            ParsedSql parsed = parse(sql);
            if (parsed.hasNamedParameters()) throw misuse("the query uses %(name)s placeholders; pass a Map of values");
            if (values.size() != parsed.parameterCount()) {
                throw misuse("the query has " + parsed.parameterCount() + " placeholder(s) but " + values.size()
                        + " value(s) were given");
            }
            return render(connection, sql, values);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    static String named(YsqlConnection connection, String sql, Map<String, ?> params) throws SQLException {
        try {
            if (params == null) throw misuse("the parameter map must not be null");
            ParsedSql parsed = parse(sql);
            if (parsed.parameterCount() > 0 && !parsed.hasNamedParameters()) {
                throw misuse("the query uses positional %s placeholders; pass the values in order");
            }
            List<Object> values = new ArrayList<>();
            for (String name : parsed.parameterNames()) {
                if (!params.containsKey(name)) throw misuse("no value given for placeholder %(" + name + ")s");
                values.add(params.get(name));
            }
            return render(connection, sql, values);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    private static ParsedSql parse(String sql) throws SQLException {
        if (sql == null) throw misuse("the SQL text must not be null");
        return PyformatPlaceholders.parse(sql);
    }

    private static String render(YsqlConnection connection, String sql, List<?> values) throws SQLException {
        List<String> literals = new ArrayList<>(values.size());
        for (Object v : values) literals.add(SqlLiterals.literal(v, connection));
        return PyformatPlaceholders.parse(sql, n -> literals.get(n - 1)).sql();
    }

    private static ProgrammingError misuse(String message) {
        return new ProgrammingError(message, SqlState.INVALID_PARAMETER_VALUE, null, null);
    }
}
