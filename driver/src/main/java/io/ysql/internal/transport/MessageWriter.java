package io.ysql.internal.transport;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.FrontendMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes frontend messages into one buffer and writes it to the socket on {@link #flush()}, so a
 * whole request goes out in one write. Not thread-safe: the session serialises writers.
 */
public final class MessageWriter {
    private final OutputStream out;
    private final ByteWriter buffer = new ByteWriter(8192);

    public MessageWriter(OutputStream out) { this.out = out; }

    /** Encodes {@code message} into the buffer. */
    public MessageWriter add(FrontendMessage message) {
        int before = buffer.size();
        message.encode(buffer);
        if (WireTrace.on()) WireTrace.message('>', message.getClass().getSimpleName(), buffer.size() - before);
        return this;
    }

    /** Bytes waiting to be flushed. */
    public int pending() { return buffer.size(); }

    /** Takes the encoded bytes out of the buffer without writing them (for a hand-off to another thread). */
    public byte[] takeBytes() {
        byte[] b = buffer.toByteArray();
        buffer.reset();
        return b;
    }

    /** Writes raw bytes to the socket and flushes. */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes everything buffered to the socket. */
    public void flush() throws IOException {
        try {
            out.write(buffer.array(), 0, buffer.size());
            out.flush();
        } finally {
            buffer.reset();
        }
    }

    /** Drops whatever was encoded but not written (after an encoding failure). */
    public void discard() { buffer.reset(); }
}
