package io.ysql.internal.session;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A batch of one-row executions regrouped into multi-row ones: the parameter sets of each chunk
 * of rows are laid end to end into one set, run with the text for that many rows (which the
 * caller makes, e.g. a multi-row INSERT). The per-row update counts are then known only in
 * part: a chunk that affected exactly as many rows as it holds counts 1 per row, any other
 * {@link Statement#SUCCESS_NO_INFO}. Type-agnostic like the rest of the session: it only moves
 * encoded values.
 */
public final class RowChunks {
    private final int[] chunks;
    private final List<String> texts;
    private final List<Bindings> bindings;
    private final int rows;

    private RowChunks(int[] chunks, List<String> texts, List<Bindings> bindings, int rows) {
        this.chunks = chunks;
        this.texts = texts;
        this.bindings = bindings;
        this.rows = rows;
    }

    /**
     * Regroups {@code rows} into chunks of {@code chunks[i]} rows (their sum must be the row
     * count), each run with {@code textForRows.apply(chunks[i])}.
     */
    public static RowChunks of(List<Bindings> rows, int[] chunks, IntFunction<String> textForRows) {
        List<String> texts = new ArrayList<>(chunks.length);
        List<Bindings> merged = new ArrayList<>(chunks.length);
        int[] columnTypes = columnTypes(rows);
        int next = 0;
        for (int size : chunks) {
            if (size < 1 || next + size > rows.size()) throw new IllegalArgumentException("chunks do not cover the rows");
            texts.add(textForRows.apply(size));
            merged.add(merge(rows, next, size, columnTypes));
            next += size;
        }
        if (next != rows.size()) throw new IllegalArgumentException("chunks do not cover the rows");
        return new RowChunks(chunks.clone(), texts, merged, rows.size());
    }

    /**
     * Per parameter position, the first type a row gives it (0 if none): an untyped NULL takes it,
     * so that where the NULLs fall does not make each chunk a statement of other parameter types.
     */
    private static int[] columnTypes(List<Bindings> rows) {
        int width = rows.get(0).size();
        int[] types = new int[width];
        int missing = width;
        for (int i = 0; i < rows.size() && missing > 0; i++) {
            Bindings b = rows.get(i);
            if (b.size() != width) return new int[0]; // rows of other widths: leave the types as they are
            for (int k = 0; k < width; k++) {
                if (types[k] == 0 && b.typeOids()[k] != 0) {
                    types[k] = b.typeOids()[k];
                    missing--;
                }
            }
        }
        return types;
    }

    private static Bindings merge(List<Bindings> rows, int from, int count, int[] columnTypes) {
        int n = 0;
        for (int i = from; i < from + count; i++) n += rows.get(i).size();
        int[] types = new int[n];
        short[] formats = new short[n];
        byte[][] values = new byte[n][];
        int at = 0;
        for (int i = from; i < from + count; i++) {
            Bindings b = rows.get(i);
            int k = b.size();
            System.arraycopy(b.typeOids(), 0, types, at, k);
            System.arraycopy(b.formats(), 0, formats, at, k);
            System.arraycopy(b.values(), 0, values, at, k);
            if (columnTypes.length == k) {
                for (int j = 0; j < k; j++) {
                    if (types[at + j] == 0 && values[at + j] == null) types[at + j] = columnTypes[j];
                }
            }
            at += k;
        }
        return new Bindings(types, formats, values);
    }

    /** The text of each multi-row execution. */
    public List<String> texts() { return texts; }

    /** The parameters of each multi-row execution. */
    public List<Bindings> bindings() { return bindings; }

    /** One update count per original row, from the results of the multi-row executions. */
    public long[] rowCounts(List<QueryResult> results) {
        long[] out = new long[rows];
        int row = 0;
        for (int c = 0; c < chunks.length && c < results.size(); c++) {
            long n = results.get(c).rowCount();
            Arrays.fill(out, row, row + chunks[c], n == chunks[c] ? 1 : Statement.SUCCESS_NO_INFO);
            row += chunks[c];
        }
        return Arrays.copyOf(out, row);
    }

    /** Every row {@link Statement#EXECUTE_FAILED}: a failed batch, sent with one Sync, kept none of its rows. */
    public long[] failedCounts() {
        long[] out = new long[rows];
        Arrays.fill(out, Statement.EXECUTE_FAILED);
        return out;
    }

    /** The first original row of chunk {@code c}. */
    public int firstRowOf(int c) {
        int row = 0;
        for (int i = 0; i < c && i < chunks.length; i++) row += chunks[i];
        return row;
    }

    /** Rows in chunk {@code c}. */
    public int rowsIn(int c) { return chunks[c]; }
}
