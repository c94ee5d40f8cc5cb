package io.ysql.internal.jdbc.metadata;

import io.ysql.internal.jdbc.metadata.DatabaseMetaDataComparisonIT.MetaCall;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares the result sets two drivers give for one metadata call: the column count, each
 * column's label and JDBC type by position, the number of rows, then every value (read with
 * {@code getString}) row by row, reporting per column how many rows differ and the first one.
 */
final class ResultSetComparison {
    private ResultSetComparison() {}

    /** A result set read whole: labels, JDBC types and rows of strings. */
    private record Table(List<String> labels, List<Integer> types, List<List<String>> rows) {}

    /**
     * Compares the two answers to {@code call}; with {@code byFirstColumn} the rows are sorted by
     * their first column before values are compared (for results whose order the specification
     * leaves partly open, such as {@code getTypeInfo}).
     */
    static List<Difference> compare(String method, DatabaseMetaData ours, DatabaseMetaData theirs, MetaCall call,
            boolean byFirstColumn) {
        List<Difference> out = new ArrayList<>();
        Table a;
        Table b;
        try {
            a = read(call.call(ours));
        } catch (SQLException e) {
            out.add(new Difference(method, "*", "throws", "ours throws " + e.getSQLState() + " " + e.getMessage()));
            return out;
        }
        try {
            b = read(call.call(theirs));
        } catch (SQLException e) {
            out.add(new Difference(method, "*", "throws", "pgjdbc throws " + e.getSQLState() + " " + e.getMessage()));
            return out;
        }
        int n = Math.min(a.labels.size(), b.labels.size());
        if (a.labels.size() != b.labels.size()) {
            out.add(new Difference(method, "*", "columns", "ours " + a.labels + ", pgjdbc " + b.labels));
        }
        for (int i = 0; i < n; i++) {
            String label = b.labels.get(i);
            if (!a.labels.get(i).equals(label)) {
                out.add(new Difference(method, label, "label", "ours " + a.labels.get(i) + ", pgjdbc " + label));
            }
            if (!a.types.get(i).equals(b.types.get(i))) {
                out.add(new Difference(method, label, "type", "ours " + a.types.get(i) + ", pgjdbc " + b.types.get(i)));
            }
        }
        if (a.rows.size() != b.rows.size()) {
            out.add(new Difference(method, "*", "rows", "ours " + a.rows.size() + " rows, pgjdbc " + b.rows.size()
                    + "; ours only: " + missing(a.rows, b.rows) + "; pgjdbc only: " + missing(b.rows, a.rows)));
            return out;
        }
        if (byFirstColumn) {
            Comparator<List<String>> first = Comparator.comparing(row -> String.valueOf(row.get(0)));
            a.rows.sort(first);
            b.rows.sort(first);
        }
        if (a.labels.equals(b.labels) && !a.rows.equals(b.rows) && sorted(a.rows).equals(sorted(b.rows))) {
            out.add(new Difference(method, "*", "order", "the same rows in another order"));
            return out;
        }
        for (int i = 0; i < n; i++) {
            int differing = 0;
            String first = null;
            for (int r = 0; r < a.rows.size(); r++) {
                String x = a.rows.get(r).get(i);
                String y = b.rows.get(r).get(i);
                if (x == null ? y != null : !x.equals(y)) {
                    differing++;
                    if (first == null) first = "row " + (r + 1) + " " + rowKey(b.rows.get(r)) + ": ours " + x + ", pgjdbc " + y;
                }
            }
            if (differing > 0) {
                out.add(new Difference(method, b.labels.get(i), "value", differing + " of " + a.rows.size()
                        + " rows differ, first " + first));
            }
        }
        return out;
    }

    private static List<String> sorted(List<List<String>> rows) {
        List<String> all = new ArrayList<>();
        for (List<String> row : rows) all.add(String.valueOf(row));
        all.sort(null);
        return all;
    }

    /** The first cells of a row, enough to tell which it is. */
    private static List<String> rowKey(List<String> row) {
        return row.subList(0, Math.min(4, row.size()));
    }

    private static List<List<String>> missing(List<List<String>> from, List<List<String>> in) {
        List<List<String>> only = new ArrayList<>(from);
        only.removeAll(in);
        return only.size() > 5 ? only.subList(0, 5) : only;
    }

    private static Table read(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
                types.add(md.getColumnType(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(labels.size());
                for (int i = 1; i <= labels.size(); i++) row.add(rs.getString(i));
                rows.add(row);
            }
            return new Table(labels, types, rows);
        }
    }
}
