package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;

/**
 * GSSENCRequest (no type byte): asks the server for GSSAPI transport encryption. The driver does
 * not use GSSAPI encryption; the message exists so that a fake server can recognise and refuse it.
 */
public enum GSSENCRequest implements FrontendMessage {
    INSTANCE;

    /** The request code sent in place of a protocol version: 1234 in the high 16 bits, 5680 in the low. */
    public static final int CODE = 80877104;

    @Override
    public void encode(ByteWriter w) {
        Framing.writeUntaggedHeader(w, 4);
        w.writeInt(CODE);
    }

    @Override
    public String toString() { return "GSSENCRequest"; }
}
