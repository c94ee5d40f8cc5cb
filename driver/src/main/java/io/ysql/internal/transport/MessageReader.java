package io.ysql.internal.transport;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.wire.BackendDecoder;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.DataRow;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.backend.ReadyForQuery;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads framed backend messages from the socket: one tag byte, an int32 length, the body. A
 * message is consumed only once it is complete, so a read that times out (socket timeout) can be
 * resumed later without losing place. Lengths from the network are checked against a cap before
 * anything is allocated, and large bodies grow with the bytes that actually arrive, so a lying
 * peer cannot make the driver allocate a size of its choosing. DataRows are validated where they
 * lie and handed out without a copy; the bodiless completions and an idle ReadyForQuery, which
 * every execution receives, come without an allocation too.
 */
public final class MessageReader {
    /** Big enough that a stream of small DataRows costs one socket read per few hundred rows. */
    static final int INITIAL = 64 * 1024;
    private static final int LIMIT = Integer.MAX_VALUE - 64;

    private final InputStream in;
    private static final ReadyForQuery IDLE = new ReadyForQuery(ReadyForQuery.IDLE);

    private final BufferedDataRow dataRow = new BufferedDataRow();
    private byte[] buf = new byte[INITIAL];
    private int start; // first unconsumed byte
    private int end; // one past the last byte read from the socket
    private int maxLength;
    private String limitAdvice;

    private BackendMessage lastComplete;
    private byte[] lastCompleteBody;

    /**
     * A reader for the startup phase: an unauthenticated peer may announce at most {@code maxLength}
     * bytes per message until {@link #maxLength} raises the cap.
     */
    public MessageReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = Math.min(maxLength, LIMIT);
        this.limitAdvice = " allowed before authentication (the smaller of 1 MiB and max_message_size); "
                + "is this a PostgreSQL server?";
    }

    /**
     * True when bytes have arrived and are not consumed yet, in this reader's buffer or the
     * socket's: a read can start without waiting for the server.
     */
    public boolean hasArrived() {
        if (end > start) return true;
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false; // the next read reports the failure
        }
    }

    /**
     * Sets the largest message length accepted (the length field, which counts itself) once the
     * session is authenticated: the {@code max_message_size} option, named in the error.
     */
    public void maxLength(int maxLength) {
        if (maxLength < 5) throw new IllegalArgumentException("max_message_size must be at least 5 bytes, not " + maxLength);
        this.maxLength = Math.min(maxLength, LIMIT);
        this.limitAdvice = " set by max_message_size; raise max_message_size if the server really sends values "
                + "this large";
    }

    /** Lowers the startup-phase cap to {@code maxLength} if it is higher; the reader stays in the startup phase. */
    void lowerStartupLimit(int maxLength) {
        this.maxLength = Math.min(this.maxLength, maxLength);
    }

    /** The largest message length accepted now. */
    public int maxLength() { return maxLength; }

    /**
     * Reads and decodes the next message, blocking until it is complete. A DataRow comes as a
     * {@link BufferedDataRow} over this reader's buffer, the same instance every time, valid
     * until the next call: the caller copies what it keeps.
     *
     * @throws ProtocolViolation on a bad length or a malformed body
     * @throws EOFException when the server closed the connection
     */
    public BackendMessage read() throws IOException {
        fill(5);
        byte tag = buf[start];
        int length = ByteReader.getInt(buf, start + 1);
        if (length < 4) throw new ProtocolViolation("invalid message length " + length + " for message type " + BackendDecoder.name(tag));
        if (length > maxLength) {
            throw new ProtocolViolation("message of type " + BackendDecoder.name(tag) + " announces " + length
                    + " bytes, more than the limit of " + maxLength + limitAdvice);
        }
        int bodyLength = length - 4;
        fill(5 + bodyLength);
        if (WireTrace.on()) WireTrace.message('<', BackendDecoder.name(tag), length + 1);
        int bodyStart = start + 5;
        start += 5 + bodyLength;
        BackendMessage m;
        if (tag == DataRow.TAG) {
            m = dataRow.reset(buf, bodyStart, bodyLength); // in place: valid until the next read
        } else if (bodyLength == 0 && (tag == BindComplete.TAG || tag == ParseComplete.TAG)) {
            m = tag == BindComplete.TAG ? BindComplete.INSTANCE : ParseComplete.INSTANCE; // once per execution
        } else if (tag == ReadyForQuery.TAG && bodyLength == 1 && buf[bodyStart] == ReadyForQuery.IDLE) {
            m = IDLE; // the usual answer, once per round trip
        } else if (tag == CommandComplete.TAG && lastComplete != null
                && Arrays.equals(buf, bodyStart, bodyStart + bodyLength, lastCompleteBody, 0, lastCompleteBody.length)) {
            m = lastComplete; // the same tag as last time ("SELECT 1", "INSERT 0 1"): records are immutable
        } else if (tag == CommandComplete.TAG) {
            lastComplete = BackendDecoder.decode(tag, buf, bodyStart, bodyLength);
            lastCompleteBody = Arrays.copyOfRange(buf, bodyStart, bodyStart + bodyLength);
            m = lastComplete;
        } else {
            m = BackendDecoder.decode(tag, buf, bodyStart, bodyLength); // copies what it keeps
        }
        if (start == end) start = end = 0;
        if (buf.length > 4 * 1024 * 1024 && start == 0 && end == 0) buf = new byte[INITIAL];
        return m;
    }

    /** Bytes received and not yet consumed: buffered here, or readable from the socket without blocking. */
    public int available() throws IOException {
        return end - start + in.available();
    }

    private void fill(int need) throws IOException {
        if (end - start >= need) return;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end < need) {
            if (end == buf.length) {
                // grow only when full of bytes that really arrived: memory follows the data, not the claim
                buf = Arrays.copyOf(buf, (int) Math.min((long) need, buf.length * 2L));
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) throw new EOFException("the server closed the connection unexpectedly");
            end += n;
        }
    }
}
