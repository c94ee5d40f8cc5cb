package io.ysql.internal.session;

import io.ysql.internal.buffer.ByteReader;
import java.util.Objects;

/**
 * One row of a {@link ResultRows} at a time: the array its values lie in, and where each column's
 * value starts and how long it is. A reader moves one view from row to row instead of making an
 * object per row; the column positions are worked out once per row, on the first question about
 * it, and shared by every getter of that row; rows of up to {@value #WALK_COLUMNS} columns keep no
 * positions but walk their few length fields on each question. Moving within a chunk is constant
 * time; into another, a binary search over the store's segments. Not thread-safe: one view per
 * reader.
 */
public final class RowView {
    static final int WALK_COLUMNS = 4;
    private ResultRows rows;
    private final int[] slots; // null for narrow rows
    private int index = -1;
    private int segment;
    private byte[] data;
    private boolean located;

    RowView(ResultRows rows) {
        this.rows = rows;
        this.slots = rows.columnCount() <= WALK_COLUMNS ? null : new int[2 * rows.columnCount()];
    }

    /** A view of {@code rows}, not yet on a row. */
    public static RowView of(ResultRows rows) { return new RowView(rows); }

    /**
     * A view of {@code rows}, not yet on a row: {@code spare} (a view whose reader is done with it,
     * or null) when it suits rows of that many columns, else a new one.
     */
    public static RowView of(ResultRows rows, RowView spare) {
        if (spare == null || (spare.slots == null ? rows.columnCount() > WALK_COLUMNS
                : spare.slots.length != 2 * rows.columnCount())) {
            return new RowView(rows);
        }
        spare.rows = rows;
        spare.index = -1;
        spare.segment = 0;
        spare.data = null;
        spare.located = false;
        return spare;
    }

    /** Lets go of the rows and their arrays, so a view kept for a later {@link #of(ResultRows, RowView)} holds no result in memory. */
    public RowView detach() {
        rows = ResultRows.empty();
        index = -1;
        segment = 0;
        data = null;
        located = false;
        return this;
    }

    /** The row this view is on, or -1. */
    public int index() { return index; }

    /** Moves to row {@code i} (0-based). */
    public void moveTo(int i) {
        Objects.checkIndex(i, rows.size());
        if (data == null || i < rows.segmentFirst(segment) || i >= rows.segmentFirst(segment + 1)) {
            segment = rows.segmentOf(i);
            data = rows.segmentData(segment);
        }
        index = i;
        located = false;
    }

    public int columnCount() { return rows.columnCount(); }

    /** The array the values lie in; read it only through {@link #offset} and {@link #length}. */
    public byte[] buffer() { return data; }

    /** Where the value of column {@code c} (0-based) starts in {@link #buffer()}. */
    public int offset(int c) {
        Objects.checkIndex(c, rows.columnCount());
        if (slots == null) return lengthField(c) + 4;
        if (!located) locate();
        return slots[2 * c];
    }

    /** The length of the value of column {@code c} (0-based), or -1 for NULL. */
    public int length(int c) {
        Objects.checkIndex(c, rows.columnCount());
        if (slots == null) return ByteReader.getInt(data, lengthField(c));
        if (!located) locate();
        return slots[2 * c + 1];
    }

    /** Whether column {@code c} (0-based) is SQL NULL. */
    public boolean isNull(int c) { return length(c) < 0; }

    /** A copy of the value of column {@code c}, or {@code null} for NULL. */
    public byte[] bytes(int c) {
        int l = length(c);
        if (l < 0) return null;
        byte[] out = new byte[l];
        System.arraycopy(data, offset(c), out, 0, l);
        return out;
    }

    /** Where column {@code c}'s length field lies in a narrow row; the lengths were validated on arrival. */
    private int lengthField(int c) {
        if (index < 0) throw new IllegalStateException("the view is not on a row");
        byte[] b = data;
        int p = rows.start(index);
        for (int k = 0; k < c; k++) {
            int l = ByteReader.getInt(b, p);
            p += l > 0 ? 4 + l : 4;
        }
        return p;
    }

    /** The lengths were validated when the row arrived, so this walk trusts them. */
    private void locate() {
        if (index < 0) throw new IllegalStateException("the view is not on a row");
        int p = rows.start(index);
        byte[] b = data;
        int[] s = slots;
        for (int c = 0, n = s.length; c < n; c += 2) {
            int l = ByteReader.getInt(b, p);
            p += 4;
            s[c] = p;
            s[c + 1] = l;
            if (l > 0) p += l;
        }
        located = true;
    }
}
