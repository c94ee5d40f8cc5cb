package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteWriter;
import java.sql.SQLException;

/**
 * Writes rows of Java values in a COPY data format, with the formats' default options. Text:
 * fields separated by a tab, {@code \N} for null, and backslash, tab, newline and carriage return
 * escaped with a backslash. CSV: fields separated by a comma, every non-null value quoted (quotes
 * doubled inside), null as an empty unquoted field. Binary: the signature header before the first
 * row, per row a field count and per field a length ({@code -1} for null) and the value in its
 * column's binary format, and the trailer at the end.
 */
public final class CopyRowWriter {
    private static final String SIGNATURE = "PGCOPY\n\377\r\n\0";

    /** The 11 bytes that open binary COPY data: {@code PGCOPY\n\377\r\n\0}. */
    static byte[] signature() {
        return SIGNATURE.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private final CopyFormat format;
    private final CopyValues values;
    private final int[] typeOids;
    private boolean headerWritten;

    /**
     * @param typeOids the column types (binary needs them for values whose Java type is not the
     *                 column's), or an empty array when unknown
     */
    public CopyRowWriter(CopyFormat format, CopyValues values, int[] typeOids) {
        this.format = format;
        this.values = values;
        this.typeOids = typeOids.clone();
    }

    /** Appends one row to {@code out}; 22023 when the types were given and the count differs. */
    public void writeRow(ByteWriter out, Object[] row) throws SQLException {
        if (typeOids.length > 0 && row.length != typeOids.length) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the row has " + row.length
                    + " values but the COPY has " + typeOids.length + " columns");
        }
        switch (format) {
            case TEXT -> text(out, row);
            case CSV -> csv(out, row);
            case BINARY -> binary(out, row);
        }
    }

    /** Appends what ends the data: the binary trailer (nothing for text and CSV). */
    public void writeEnd(ByteWriter out) {
        if (format != CopyFormat.BINARY) return;
        if (!headerWritten) header(out);
        out.writeShort(-1);
    }

    private void text(ByteWriter out, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) out.writeByte('\t');
            byte[] v = values.text(row[i]);
            if (v == null) {
                out.writeByte('\\').writeByte('N');
                continue;
            }
            for (byte b : v) {
                switch (b) {
                    case '\\' -> out.writeByte('\\').writeByte('\\');
                    case '\t' -> out.writeByte('\\').writeByte('t');
                    case '\n' -> out.writeByte('\\').writeByte('n');
                    case '\r' -> out.writeByte('\\').writeByte('r');
                    default -> out.writeByte(b);
                }
            }
        }
        out.writeByte('\n');
    }

    private void csv(ByteWriter out, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) out.writeByte(',');
            byte[] v = values.text(row[i]);
            if (v == null) continue;
            out.writeByte('"');
            for (byte b : v) {
                if (b == '"') out.writeByte('"');
                out.writeByte(b);
            }
            out.writeByte('"');
        }
        out.writeByte('\n');
    }

    private void binary(ByteWriter out, Object[] row) throws SQLException {
        if (!headerWritten) header(out);
        out.writeShort(row.length);
        for (int i = 0; i < row.length; i++) {
            byte[] v = values.binary(row[i], typeOids.length > 0 ? typeOids[i] : 0);
            if (v == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(v.length);
                out.writeBytes(v);
            }
        }
    }

    private void header(ByteWriter out) {
        out.writeBytes(signature());
        out.writeInt(0); // flags: no OIDs
        out.writeInt(0); // header extension length
        headerWritten = true;
    }
}
