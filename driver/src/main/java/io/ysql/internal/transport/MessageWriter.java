package io.ysql.internal.transport;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.frontend.PasswordMessage;
import io.ysql.internal.wire.frontend.SASLInitialResponse;
import io.ysql.internal.wire.frontend.SASLResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Encodes frontend messages into one buffer and writes it to the socket on {@link #flush()}, so a
 * whole request goes out in one write. Authentication messages are secrets: a PasswordMessage's
 * body (the password or its MD5 digest) is wiped as soon as it is encoded, and the buffer that
 * held any authentication message is zeroed once written, so the reused buffer keeps no password.
 * With a write timeout, a write that makes no progress for that long (checked per 64 KiB slice)
 * has its socket closed by a {@link WriteWatchdog} and fails with a {@link SocketTimeoutException}.
 * Not thread-safe: the session serialises writers.
 */
public final class MessageWriter {
    /** The most bytes handed to one socket write while a timeout applies: progress is checked per slice. */
    static final int SLICE = 64 * 1024;

    private final OutputStream out;
    private final WriteWatchdog watchdog;
    private final ByteWriter buffer = new ByteWriter(8192);
    private boolean holdsSecret;
    private volatile long timeoutNanos;

    public MessageWriter(OutputStream out) { this(out, null); }

    /** A writer whose writes {@code watchdog} bounds once {@link #timeout} is set. */
    MessageWriter(OutputStream out, WriteWatchdog watchdog) {
        this.out = out;
        this.watchdog = watchdog;
    }

    /** How long a write may make no progress; {@code Duration.ZERO} waits forever. */
    void timeout(Duration timeout) { timeoutNanos = watchdog == null ? 0 : timeout.toNanos(); }

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
        write(bytes, bytes.length);
    }

    /** Writes everything buffered to the socket. */
    public void flush() throws IOException {
        try {
            write(buffer.array(), buffer.size());
        } finally {
            discard();
        }
    }

    private void write(byte[] b, int len) throws IOException {
        long timeout = timeoutNanos;
        if (timeout == 0) {
            out.write(b, 0, len);
            out.flush();
            return;
        }
        try {
            for (int off = 0; off < len; off += SLICE) {
                watchdog.arm(timeout);
                out.write(b, off, Math.min(SLICE, len - off));
            }
            watchdog.arm(timeout);
            out.flush();
        } catch (IOException e) {
            if (!watchdog.expired()) throw e;
            SocketTimeoutException t = new SocketTimeoutException("write timed out: the server took no data for "
                    + timeout / 1_000_000 + " ms");
            t.initCause(e);
            throw t;
        } finally {
            watchdog.disarm();
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
