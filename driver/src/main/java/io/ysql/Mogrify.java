package io.ysql;

import io.ysql.errors.Errors;
import io.ysql.internal.cursor.PyformatBinder;
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
            return render(connection, sql, PyformatBinder.checkedPositional(PyformatBinder.parse(sql), values));
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    static String named(YsqlConnection connection, String sql, Map<String, ?> params) throws SQLException {
        try {
            return render(connection, sql, PyformatBinder.checkedNamed(PyformatBinder.parse(sql), params));
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    private static String render(YsqlConnection connection, String sql, List<?> values) throws SQLException {
        List<String> literals = new ArrayList<>(values.size());
        for (Object v : values) literals.add(SqlLiterals.literal(v, connection));
        return PyformatPlaceholders.parse(sql, n -> literals.get(n - 1)).sql();
    }
}
