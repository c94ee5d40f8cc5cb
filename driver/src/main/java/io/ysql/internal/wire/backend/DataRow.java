package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.ProtocolViolation;
import java.util.Arrays;
import java.util.Objects;

/**
 * DataRow ({@code 'D'}): one row of a result, kept as the received bytes. Decoding makes one pass
 * that validates every column length and records where each value lies, in a single {@code int[]}
 * of offset/length pairs; values become Java objects only when a codec asks for them. A class
 * rather than a record because it exposes slices of a shared array, not components. It keeps a
 * reference to the body it was decoded from, which the caller must hand over and not reuse.
 */
public final class DataRow implements BackendMessage {
    public static final byte TAG = 'D';

    private final byte[] buffer;
    private final int bodyOffset;
    private final int bodyLength;
    /** For column i: slots[2i] is the offset of its value in buffer, slots[2i+1] its length or -1. */
    private final int[] slots;

    private DataRow(byte[] buffer, int bodyOffset, int bodyLength, int[] slots) {
        this.buffer = buffer;
        this.bodyOffset = bodyOffset;
        this.bodyLength = bodyLength;
        this.slots = slots;
    }

    /**
     * Decodes the body at {@code body[off .. off+len)}, keeping a reference to {@code body}.
     *
     * @throws ProtocolViolation as {@link #validate} does
     */
    public static DataRow decode(byte[] body, int off, int len) {
        int n = validate(body, off, len);
        int[] slots = new int[2 * n];
        int p = off + 2;
        for (int i = 0; i < n; i++) {
            int l = ByteReader.getInt(body, p);
            p += 4;
            slots[2 * i] = p;
            slots[2 * i + 1] = l;
            if (l > 0) p += l;
        }
        return new DataRow(body, off, len, slots);
    }

    /**
     * Checks the body at {@code body[off .. off+len)} without keeping or allocating anything, and
     * returns its column count: every column length must be -1 or fit the bytes left, and the
     * values must fill the body exactly.
     *
     * @throws ProtocolViolation on a negative column count, a column length other than -1 or
     *     0..remaining, a truncated body or trailing bytes
     */
    public static int validate(byte[] body, int off, int len) {
        Objects.checkFromIndexSize(off, len, body.length);
        int end = off + len;
        if (len < 2) throw new ProtocolViolation("DataRow truncated: " + len + " bytes");
        int n = ByteReader.getShort(body, off);
        if (n < 0) throw new ProtocolViolation("DataRow has a negative column count " + n);
        int p = off + 2;
        for (int i = 0; i < n; i++) {
            if (end - p < 4) throw new ProtocolViolation("DataRow truncated at column " + (i + 1) + " of " + n);
            int l = ByteReader.getInt(body, p);
            p += 4;
            if (l < -1 || l > end - p) {
                throw new ProtocolViolation(
                        "DataRow column " + (i + 1) + " has length " + l + " with " + (end - p) + " bytes left");
            }
            if (l > 0) p += l;
        }
        if (p != end) throw new ProtocolViolation("DataRow has " + (end - p) + " trailing bytes");
        return n;
    }

    /** A row of these values, a null element being SQL NULL (for tests and fake servers). */
    public static DataRow of(byte[]... values) {
        if (values.length > Short.MAX_VALUE) throw new IllegalArgumentException("too many columns: " + values.length);
        long size = 2;
        for (byte[] v : values) size += 4L + (v == null ? 0 : v.length);
        if (size > Framing.MAX_SEND_BUFFER) throw new IllegalArgumentException("row too large: " + size + " bytes");
        ByteWriter w = new ByteWriter((int) size);
        w.writeShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                w.writeInt(-1);
            } else {
                w.writeInt(v.length).writeBytes(v);
            }
        }
        return decode(w.array(), 0, w.size());
    }

    public int columnCount() { return slots.length >> 1; }

    /** Whether column {@code i} (0-based) is SQL NULL. */
    public boolean isNull(int i) { return length(i) < 0; }

    /** The array the values lie in; read it only through {@link #offset} and {@link #length}. */
    public byte[] buffer() { return buffer; }

    /** Where the value of column {@code i} starts in {@link #buffer()}. */
    public int offset(int i) {
        Objects.checkIndex(i, columnCount());
        return slots[2 * i];
    }

    /** The length of the value of column {@code i}, or -1 for NULL. */
    public int length(int i) {
        Objects.checkIndex(i, columnCount());
        return slots[2 * i + 1];
    }

    /** A copy of the value of column {@code i}, or {@code null} for NULL. */
    public byte[] bytes(int i) {
        int l = length(i);
        if (l < 0) return null;
        int at = slots[2 * i];
        return Arrays.copyOfRange(buffer, at, at + l);
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, bodyLength);
        w.writeBytes(buffer, bodyOffset, bodyLength);
    }

    /** Rows are equal when they hold the same values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DataRow d && Arrays.equals(buffer, bodyOffset, bodyOffset + bodyLength,
                d.buffer, d.bodyOffset, d.bodyOffset + d.bodyLength);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = bodyOffset; i < bodyOffset + bodyLength; i++) h = 31 * h + buffer[i];
        return h;
    }

    /** Shows the shape only: values may be large or sensitive. */
    @Override
    public String toString() { return "DataRow[" + columnCount() + " columns, " + bodyLength + " bytes]"; }
}
