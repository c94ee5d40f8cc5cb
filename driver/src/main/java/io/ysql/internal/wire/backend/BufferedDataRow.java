package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * A {@link DataRow} read in place: its validated body still lies in the buffer of the reader that
 * received it, and nothing was copied or allocated for it. The reader keeps one instance and
 * points it at each DataRow it receives, so the body is valid only until the next read: whoever
 * keeps the row copies {@link #body()} at once (the session appends it to the result's row
 * store). Mutable, unlike the other messages, because this is the one message that comes by the
 * million and an object per row is what it saves; {@link #toDataRow()} gives the immutable form.
 */
public final class BufferedDataRow implements BackendMessage {
    private byte[] buffer;
    private int bodyOffset;
    private int bodyLength;
    private int columnCount;

    /**
     * Points this row at the body {@code buffer[off .. off+len)}.
     *
     * @return this
     * @throws io.ysql.internal.wire.ProtocolViolation when the body is malformed (see {@link DataRow#validate})
     */
    public BufferedDataRow reset(byte[] buffer, int off, int len) {
        int n = DataRow.validate(buffer, off, len);
        this.buffer = buffer;
        this.bodyOffset = off;
        this.bodyLength = len;
        this.columnCount = n;
        return this;
    }

    public int columnCount() { return columnCount; }

    /** The array the body lies in; read only {@code [bodyOffset, bodyOffset + bodyLength)}. */
    public byte[] body() { return buffer; }

    public int bodyOffset() { return bodyOffset; }

    /** The body length: the column count (int16), then per column an int32 length and the value. */
    public int bodyLength() { return bodyLength; }

    /** An immutable copy that stays valid after the next read. */
    public DataRow toDataRow() {
        byte[] copy = new byte[bodyLength];
        System.arraycopy(buffer, bodyOffset, copy, 0, bodyLength);
        return DataRow.decode(copy, 0, bodyLength);
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, DataRow.TAG, bodyLength);
        w.writeBytes(buffer, bodyOffset, bodyLength);
    }

    /** Shows the shape only: values may be large or sensitive. */
    @Override
    public String toString() { return "DataRow[" + columnCount + " columns, " + bodyLength + " bytes]"; }
}
