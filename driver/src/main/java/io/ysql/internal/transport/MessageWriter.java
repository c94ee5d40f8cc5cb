package io.ysql.internal.transport;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.frontend.PasswordMessage;
import io.ysql.internal.wire.frontend.SASLInitialResponse;
import io.ysql.internal.wire.frontend.SASLResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Encodes frontend messages into one buffer and writes it to the socket on {@link #flush()}, so a
 * whole request goes out in one write. Authentication messages are secrets: a PasswordMessage's
 * body (the password or its MD5 digest) is wiped as soon as it is encoded, and the buffer that
 * held any authentication message is zeroed once written, so the reused buffer keeps no password.
 * Not thread-safe: the session serialises writers.
 */
public final class MessageWriter {
    private final OutputStream out;
    private final ByteWriter buffer = new ByteWriter(8192);
    private boolean holdsSecret;

    public MessageWriter(OutputStream out) { this.out = out; }

    /** Encodes {@code message} into the buffer. */
    public MessageWriter add(FrontendMessage message) {
        int before = buffer.size();
        message.encode(buffer);
        if (message instanceof PasswordMessage p) Arrays.fill(p.password(), (byte) 0);
        holdsSecret |= message instanceof PasswordMessage || message instanceof SASLInitialResponse
                || message instanceof SASLResponse;
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
            discard();
        }
    }

    /** Drops whatever was encoded but not written (after an encoding failure). */
    public void discard() {
        if (holdsSecret) {
            Arrays.fill(buffer.array(), 0, buffer.size(), (byte) 0);
            holdsSecret = false;
        }
        buffer.reset();
    }
}
