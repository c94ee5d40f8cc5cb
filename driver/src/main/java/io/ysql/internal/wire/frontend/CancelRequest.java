package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;

/**
 * CancelRequest (no type byte): sent on a new connection to cancel the query running in the backend
 * identified by BackendKeyData. The secret key is not shown by {@link #toString}.
 */
public record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    /** The request code sent in place of a protocol version: 1234 in the high 16 bits, 5678 in the low. */
    public static final int CODE = 80877102;

    /** Reads the body that follows the request code. */
    public static CancelRequest decode(ByteReader r) {
        return new CancelRequest(r.readInt(), r.readInt());
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeUntaggedHeader(w, 12);
        w.writeInt(CODE).writeInt(processId).writeInt(secretKey);
    }

    @Override
    public String toString() { return "CancelRequest[processId=" + processId + ", secretKey=redacted]"; }
}
