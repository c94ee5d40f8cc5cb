package io.ysql.internal.session;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rows of one result as the server sent them, stored back to back in a few large shared
 * arrays rather than one object per row: a row is an index, whose values a {@link RowView} finds.
 * Each row keeps the DataRow body minus its column count (which the description fixes): per
 * column an int32 length (-1 for NULL) and the value. Rows fill chunks that grow from the size of
 * the first row to {@value #CHUNK} bytes, so a one-row result costs one small array and a big one
 * wastes at most a row's worth per chunk; a row of {@value #OWN_ARRAY} bytes or more gets an
 * array of its own, so memory follows the data and nothing is ever copied twice. An {@code int}
 * per row records where it starts; a segment table maps row indexes to arrays. Appended to by one
 * thread while the result is received, then read-only: any number of views may read it.
 */
public final class ResultRows {
    static final int CHUNK = 64 * 1024;
    static final int OWN_ARRAY = CHUNK / 4;
    private static final int FIRST_FOLLOWING_CHUNK = 1024;
    private static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_INTS = new int[0];
    private static final ResultRows EMPTY = new ResultRows(0);

    private final int columnCount;
    private int size;
    /** starts[i]: where row i's stored bytes begin in its segment's array (row 0 begins at 0: not stored). */
    private int[] starts = NO_INTS;
    /** Segment 0, where row 0 begins; the tables below are made only when a second segment starts. */
    private byte[] firstData;
    /** Segment s holds rows segmentFirst[s] .. segmentFirst[s+1]-1, all in segmentData[s]. */
    private byte[][] segmentData;
    private int[] segmentFirst;
    private int segments;
    private byte[] fill = NO_BYTES;
    private int fillUsed;
    private int nextChunk = FIRST_FOLLOWING_CHUNK;

    /** An empty store for rows of {@code columnCount} columns. */
    public ResultRows(int columnCount) {
        if (columnCount < 0) throw new IllegalArgumentException("negative column count " + columnCount);
        this.columnCount = columnCount;
    }

    private ResultRows(ResultRows of, int size) {
        this.columnCount = of.columnCount;
        this.size = size;
        this.starts = of.starts;
        this.firstData = of.firstData;
        this.segmentData = of.segmentData;
        this.segmentFirst = of.segmentFirst;
        this.segments = of.segments;
    }

    /** No rows, no columns. */
    public static ResultRows empty() { return EMPTY; }

    public int size() { return size; }

    public boolean isEmpty() { return size == 0; }

    public int columnCount() { return columnCount; }

    /** The first {@code max} rows (all when there are fewer), sharing this store's arrays. */
    public ResultRows limit(int max) {
        if (max < 0) throw new IllegalArgumentException("negative limit " + max);
        return max >= size ? this : new ResultRows(this, max);
    }

    /** A view positioned on row {@code index}. */
    public RowView view(int index) {
        RowView v = new RowView(this);
        v.moveTo(index);
        return v;
    }

    /**
     * Appends a row from a validated DataRow body {@code body[off .. off+len)} of
     * {@link #columnCount()} columns, copying it.
     */
    public void add(byte[] body, int off, int len) {
        Objects.checkFromIndexSize(off, len, body.length);
        if (len < 2) throw new IllegalArgumentException("a DataRow body has at least 2 bytes, not " + len);
        int n = len - 2;
        if (size > 0 && size >= starts.length) starts = Arrays.copyOf(starts, Math.max(4, size * 2));
        if (n >= OWN_ARRAY) {
            byte[] own = new byte[n];
            System.arraycopy(body, off + 2, own, 0, n);
            startSegment(own);
            setStart(0);
            return;
        }
        if (fill.length - fillUsed < n) {
            fill = new byte[size == 0 ? n : Math.max(n, nextChunk)];
            fillUsed = 0;
            if (size > 0) nextChunk = Math.min(CHUNK, nextChunk * 4);
            startSegment(fill);
        } else if (segments == 0 || segmentData(segments - 1) != fill) {
            startSegment(fill); // back to the chunk after a row that had its own array
        }
        System.arraycopy(body, off + 2, fill, fillUsed, n);
        setStart(fillUsed);
        fillUsed += n;
    }

    private void setStart(int start) {
        if (size > 0) starts[size] = start;
        size++;
    }

    private void startSegment(byte[] data) {
        if (segments == 0) {
            firstData = data;
        } else {
            if (segmentData == null) {
                segmentData = new byte[4][];
                segmentFirst = new int[4];
                segmentData[0] = firstData;
            } else if (segments == segmentData.length) {
                segmentData = Arrays.copyOf(segmentData, segments * 2);
                segmentFirst = Arrays.copyOf(segmentFirst, segments * 2);
            }
            segmentData[segments] = data;
            segmentFirst[segments] = size;
        }
        segments++;
    }

    // ---- read side, for RowView ----------------------------------------------------------

    int start(int row) { return row == 0 ? 0 : starts[row]; }

    byte[] segmentData(int segment) { return segment == 0 ? firstData : segmentData[segment]; }

    /** The first row of {@code segment}, or {@link Integer#MAX_VALUE} past the last segment. */
    int segmentFirst(int segment) {
        if (segment >= segments) return Integer.MAX_VALUE;
        return segment == 0 ? 0 : segmentFirst[segment];
    }

    /** The segment that holds {@code row}: a binary search over the segments' first rows. */
    int segmentOf(int row) {
        int lo = 0;
        int hi = segments - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segmentFirst[mid] <= row) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** Shows the shape only: values may be large or sensitive. */
    @Override
    public String toString() { return "ResultRows[" + size + " rows of " + columnCount + " columns]"; }
}
