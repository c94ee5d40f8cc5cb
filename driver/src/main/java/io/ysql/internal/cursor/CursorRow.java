package io.ysql.internal.cursor;

import io.ysql.Column;
import io.ysql.Row;
import io.ysql.error.SqlState;
import io.ysql.errors.Errors;
import io.ysql.errors.ProgrammingError;
import io.ysql.internal.session.ResultRows;
import io.ysql.internal.session.RowView;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Row} over the server's bytes: an index into the result's {@link ResultRows}; each value
 * is decoded when read. The view that finds the columns is made on the first read. A value the
 * requested type cannot hold raises the cursor API's class for its SQLSTATE ({@code DataError} …).
 */
final class CursorRow implements Row {
    private final ResultRows rows;
    private final int index;
    private final Columns columns;
    private RowView row;

    CursorRow(ResultRows rows, int index, Columns columns) {
        this.rows = rows;
        this.index = index;
        this.columns = columns;
    }

    private RowView row() {
        RowView r = row;
        if (r == null) row = r = rows.view(index);
        return r;
    }

    @Override public int size() { return columns.fields.length; }

    @Override
    public Object get(int index) throws SQLException {
        check(index);
        RowView row = row();
        if (row.isNull(index)) return null;
        var f = columns.fields[index];
        try {
            return columns.decoder.getModernObject(f.typeOid(), f.format(), row.buffer(), row.offset(index), row.length(index));
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    @Override public Object get(String name) throws SQLException { return get(columns.indexOf(name)); }

    @Override
    public <T> T get(int index, Class<T> type) throws SQLException {
        check(index);
        RowView row = row();
        if (row.isNull(index)) return null;
        var f = columns.fields[index];
        try {
            return columns.decoder.getObject(f.typeOid(), f.format(), row.buffer(), row.offset(index), row.length(index), type);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    @Override public <T> T get(String name, Class<T> type) throws SQLException { return get(columns.indexOf(name), type); }

    @Override
    public String getString(int index) throws SQLException {
        check(index);
        RowView row = row();
        if (row.isNull(index)) return null;
        var f = columns.fields[index];
        try {
            return columns.decoder.getString(f.typeOid(), f.format(), row.buffer(), row.offset(index), row.length(index));
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    @Override
    public List<Object> values() throws SQLException {
        List<Object> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) out.add(get(i));
        return Collections.unmodifiableList(out);
    }

    @Override public List<Column> columns() { return columns.description(); }

    private void check(int index) throws SQLException {
        if (index < 0 || index >= size()) {
            throw new ProgrammingError("column index " + index + " is out of range: the row has "
                    + size() + " column" + (size() == 1 ? "" : "s") + ", indexed from 0", SqlState.INVALID_PARAMETER_VALUE, null, null);
        }
    }

    /** The values, as text, in parentheses: {@code (1, John, 35)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < size(); i++) {
            if (i > 0) sb.append(", ");
            try {
                sb.append(row().isNull(i) ? "NULL" : getString(i));
            } catch (SQLException e) {
                sb.append('?');
            }
        }
        return sb.append(')').toString();
    }
}
