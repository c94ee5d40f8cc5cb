package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;

/**
 * SSLRequest (no type byte): asks the server to switch to TLS before the startup message. The
 * server answers with one unframed byte, {@code 'S'} or {@code 'N'}.
 */
public enum SSLRequest implements FrontendMessage {
    INSTANCE;

    /** The request code sent in place of a protocol version: 1234 in the high 16 bits, 5679 in the low. */
    public static final int CODE = 80877103;

    @Override
    public void encode(ByteWriter w) {
        Framing.writeUntaggedHeader(w, 4);
        w.writeInt(CODE);
    }

    @Override
    public String toString() { return "SSLRequest"; }
}
