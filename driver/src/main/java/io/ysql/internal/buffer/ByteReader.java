package io.ysql.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads over a byte array slice: the body of one backend message. Every read checks
 * bounds and throws {@link IndexOutOfBoundsException} on truncated input, which the wire layer
 * reports as a protocol violation. Not thread-safe.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    public ByteReader(byte[] buf) { this(buf, 0, buf.length); }

    public ByteReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off + len > buf.length) throw new IndexOutOfBoundsException("bad slice");
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    public int position() { return pos; }
    public int remaining() { return end - pos; }
    public byte[] array() { return buf; }

    public void skip(int n) {
        need(n);
        pos += n;
    }

    public int readByte() {
        need(1);
        return buf[pos++];
    }

    public int readUnsignedByte() { return readByte() & 0xFF; }

    public short readShort() {
        need(2);
        short v = getShort(buf, pos);
        pos += 2;
        return v;
    }

    public int readInt() {
        need(4);
        int v = getInt(buf, pos);
        pos += 4;
        return v;
    }

    public long readLong() {
        need(8);
        long v = getLong(buf, pos);
        pos += 8;
        return v;
    }

    public byte[] readBytes(int n) {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** The rest of the slice. */
    public byte[] readRemaining() { return readBytes(remaining()); }

    /** A zero-terminated UTF-8 string; the terminator is consumed. */
    public String readCString() {
        int start = pos;
        while (pos < end && buf[pos] != 0) pos++;
        if (pos >= end) {
            pos = start;
            throw new IndexOutOfBoundsException("string not terminated");
        }
        String s = new String(buf, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
    }

    private void need(int n) {
        if (n < 0 || n > end - pos) {
            throw new IndexOutOfBoundsException("message truncated: need " + n + " bytes, " + (end - pos) + " left");
        }
    }

    // views that read 2, 4 or 8 bytes in one bounds-checked load, big-endian, at any offset
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    public static short getShort(byte[] b, int at) {
        return (short) SHORT.get(b, at);
    }

    public static int getInt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    public static long getLong(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }
}
