package io.ysql.internal.buffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer that frontend messages are encoded into. Several messages
 * are written back to back and flushed to the socket once per round trip. Not thread-safe.
 */
public final class ByteWriter {
    private byte[] buf;
    private int pos;

    public ByteWriter() { this(256); }

    public ByteWriter(int initialCapacity) { buf = new byte[Math.max(16, initialCapacity)]; }

    /** Bytes written so far. */
    public int size() { return pos; }

    /** The backing array; valid from 0 to {@link #size()}. */
    public byte[] array() { return buf; }

    /** A copy of what was written. */
    public byte[] toByteArray() { return Arrays.copyOf(buf, pos); }

    /** Forgets everything written, keeping the capacity (shrinks a buffer grown past 1 MiB). */
    public void reset() {
        pos = 0;
        if (buf.length > (1 << 20)) buf = new byte[8192];
    }

    public ByteWriter writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
        return this;
    }

    public ByteWriter writeShort(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public ByteWriter writeInt(int v) {
        ensure(4);
        putInt(pos, v);
        pos += 4;
        return this;
    }

    public ByteWriter writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    public ByteWriter writeBytes(byte[] b) { return writeBytes(b, 0, b.length); }

    public ByteWriter writeBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** Writes {@code s} as UTF-8 followed by a zero byte. A NUL inside {@code s} is refused. */
    public ByteWriter writeCString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            if (x == 0) throw new IllegalArgumentException("a string sent to the server may not contain a NUL character");
        }
        writeBytes(b);
        return writeByte(0);
    }

    /** Overwrites the int at {@code at} (for back-patching a message length). */
    public void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) pos + n);
            if (want > Integer.MAX_VALUE - 8) {
                if ((long) pos + n > Integer.MAX_VALUE - 8) throw new IllegalStateException("buffer would exceed 2 GiB");
                want = Integer.MAX_VALUE - 8;
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }
}
