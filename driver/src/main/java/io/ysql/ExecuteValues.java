package io.ysql;

import io.ysql.error.SqlState;
import io.ysql.errors.Errors;
import io.ysql.errors.ProgrammingError;
import io.ysql.internal.sql.ParsedSql;
import io.ysql.internal.sql.PyformatPlaceholders;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * psycopg2's {@code execute_values}: a statement with one {@code %s} (e.g. {@code INSERT INTO t
 * VALUES %s}) run once per page of argument sets, the {@code %s} replaced by one row template per
 * set ({@code (%s, %s)} by default, or a template of the caller's with {@code %s} or {@code
 * %(name)s} placeholders), every value bound as a parameter. Pages keep each statement below the
 * protocol's 65,535 parameters.
 */
final class ExecuteValues {
    private static final int MAX_PARAMETERS = 65_535;

    private ExecuteValues() {}

    static List<Row> run(Cursor cursor, String sql, Iterable<?> argSets, String template, int pageSize)
            throws SQLException {
        try {
            if (pageSize < 1) throw misuse("pageSize must be at least 1, was " + pageSize);
            if (argSets == null) throw misuse("executeValues needs argument sets");
            String[] halves = split(sql);
            Template shape = template == null ? null : Template.of(template);
            List<Row> rows = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            StringBuilder tuples = new StringBuilder();
            int inPage = 0;
            for (Object set : argSets) {
                List<?> row = rowValues(set, shape);
                if (inPage > 0 && (inPage == pageSize || values.size() + row.size() > MAX_PARAMETERS)) {
                    page(cursor, halves, tuples, values, rows);
                    tuples.setLength(0);
                    values.clear();
                    inPage = 0;
                }
                if (inPage > 0) tuples.append(',');
                tuples.append(shape != null ? shape.text() : defaultTemplate(row.size()));
                values.addAll(row);
                inPage++;
            }
            if (inPage > 0) page(cursor, halves, tuples, values, rows);
            return rows;
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    /** Runs one page, keeping the rows it returns. */
    private static void page(Cursor cursor, String[] halves, StringBuilder tuples, List<Object> values, List<Row> rows)
            throws SQLException {
        cursor.execute(halves[0] + tuples + halves[1], values.toArray());
        if (cursor.description() != null) rows.addAll(cursor.fetchall());
    }

    /** The statement before and after its one {@code %s}, still in placeholder syntax (a literal % doubled). */
    private static String[] split(String sql) throws SQLException {
        if (sql == null) throw misuse("the SQL text must not be null");
        ParsedSql parsed = PyformatPlaceholders.parse(sql, n -> "\u0000");
        if (parsed.hasNamedParameters() || parsed.parameterCount() != 1) {
            throw misuse("the statement must hold exactly one %s, where the VALUES rows go");
        }
        String text = parsed.sql();
        int at = text.indexOf('\u0000');
        return new String[] {text.substring(0, at).replace("%", "%%"), text.substring(at + 1).replace("%", "%%")};
    }

    /**
     * A caller's row template, parsed once: its placeholders (all {@code %s}, or all {@code
     * %(name)s}), its text with every placeholder as a positional {@code %s}, and for a named one
     * the parameter number of each placeholder occurrence, in order (a name used twice takes its
     * value twice).
     */
    private record Template(ParsedSql parsed, String text, List<Integer> order) {
        static Template of(String template) throws SQLException {
            List<Integer> order = new ArrayList<>();
            ParsedSql parsed = PyformatPlaceholders.parse(template, n -> {
                order.add(n);
                return "\u0000";
            });
            String text = parsed.sql().replace("%", "%%").replace("\u0000", "%s");
            return new Template(PyformatPlaceholders.parse(template), text, List.copyOf(order));
        }
    }

    /** The values of one argument set, in placeholder order: an Object[] or List in order, or a Map read through a named template. */
    private static List<?> rowValues(Object set, Template shape) throws SQLException {
        if (set instanceof Map<?, ?> m) return namedValues(m, shape);
        List<?> list;
        if (set instanceof Object[] a) list = Arrays.asList(a);
        else if (set instanceof List<?> l) list = l;
        else throw misuse("each argument set must be an Object[], a List or a Map, not "
                + (set == null ? "null" : set.getClass().getName()));
        if (list.isEmpty()) throw misuse("an argument set is empty");
        if (shape != null) {
            if (shape.parsed().hasNamedParameters()) throw misuse("the template uses %(name)s placeholders; pass Maps");
            if (shape.parsed().parameterCount() != list.size()) {
                throw misuse("the template has " + shape.parsed().parameterCount() + " placeholder(s) but a set has "
                        + list.size() + " value(s)");
            }
        }
        return list;
    }

    private static List<Object> namedValues(Map<?, ?> set, Template shape) throws SQLException {
        if (shape == null) throw misuse("argument sets given as Maps need a template with %(name)s placeholders");
        if (!shape.parsed().hasNamedParameters()) {
            throw misuse("the template uses positional %s placeholders; pass Object[] or List sets");
        }
        List<Object> out = new ArrayList<>(shape.order().size());
        for (int n : shape.order()) {
            String name = shape.parsed().parameterNames().get(n - 1);
            if (!set.containsKey(name)) throw misuse("no value given for placeholder %(" + name + ")s");
            out.add(set.get(name));
        }
        return out;
    }

    /** {@code (%s, %s, …)} with one placeholder per value. */
    private static String defaultTemplate(int width) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < width; i++) sb.append(i > 0 ? ",%s" : "%s");
        return sb.append(')').toString();
    }

    private static ProgrammingError misuse(String message) {
        return new ProgrammingError(message, SqlState.INVALID_PARAMETER_VALUE, null, null);
    }
}
