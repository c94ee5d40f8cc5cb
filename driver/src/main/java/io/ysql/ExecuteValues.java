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
            List<Row> rows = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            StringBuilder tuples = new StringBuilder();
            int inPage = 0;
            for (Object set : argSets) {
                Object[] row = rowValues(set, template);
                if (inPage > 0 && (inPage == pageSize || values.size() + row.length - 1 > MAX_PARAMETERS)) {
                    page(cursor, halves, tuples, values, rows);
                    tuples.setLength(0);
                    values.clear();
                    inPage = 0;
                }
                if (inPage > 0) tuples.append(',');
                tuples.append(rowTemplate(set, template, row.length));
                values.addAll(Arrays.asList(row).subList(1, row.length));
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
     * The values of one argument set, behind a leading slot left empty (so the caller can skip it
     * cheaply): an Object[] or List in order, or a Map read through a named template.
     */
    private static Object[] rowValues(Object set, String template) throws SQLException {
        List<?> list;
        if (set instanceof Object[] a) list = Arrays.asList(a);
        else if (set instanceof List<?> l) list = l;
        else if (set instanceof Map<?, ?> m) return namedValues(m, template);
        else throw misuse("each argument set must be an Object[], a List or a Map, not "
                + (set == null ? "null" : set.getClass().getName()));
        if (list.isEmpty()) throw misuse("an argument set is empty");
        if (template != null) {
            ParsedSql t = PyformatPlaceholders.parse(template);
            if (t.hasNamedParameters()) throw misuse("the template uses %(name)s placeholders; pass Maps");
            if (t.parameterCount() != list.size()) {
                throw misuse("the template has " + t.parameterCount() + " placeholder(s) but a set has " + list.size() + " value(s)");
            }
        }
        Object[] out = new Object[list.size() + 1];
        for (int i = 0; i < list.size(); i++) out[i + 1] = list.get(i);
        return out;
    }

    private static Object[] namedValues(Map<?, ?> set, String template) throws SQLException {
        if (template == null) throw misuse("argument sets given as Maps need a template with %(name)s placeholders");
        List<Object> out = new ArrayList<>();
        out.add(null);
        ParsedSql t = PyformatPlaceholders.parse(template);
        if (!t.hasNamedParameters()) throw misuse("the template uses positional %s placeholders; pass Object[] or List sets");
        List<Integer> order = occurrences(template);
        for (int n : order) {
            String name = t.parameterNames().get(n - 1);
            if (!set.containsKey(name)) throw misuse("no value given for placeholder %(" + name + ")s");
            out.add(set.get(name));
        }
        return out.toArray();
    }

    private static String rowTemplate(Object set, String template, int width) throws SQLException {
        if (template == null) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 1; i < width; i++) sb.append(i > 1 ? ",%s" : "%s");
            return sb.append(')').toString();
        }
        // every placeholder becomes a positional %s; a named one repeated gets its value repeated
        String text = PyformatPlaceholders.parse(template, n -> "\u0000").sql();
        return text.replace("%", "%%").replace("\u0000", "%s");
    }

    /** The parameter number of each placeholder occurrence of {@code template}, in order. */
    private static List<Integer> occurrences(String template) throws SQLException {
        List<Integer> order = new ArrayList<>();
        PyformatPlaceholders.parse(template, n -> {
            order.add(n);
            return "";
        });
        return order;
    }

    private static ProgrammingError misuse(String message) {
        return new ProgrammingError(message, SqlState.INVALID_PARAMETER_VALUE, null, null);
    }
}
