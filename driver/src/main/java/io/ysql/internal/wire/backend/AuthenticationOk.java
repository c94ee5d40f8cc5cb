package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * AuthenticationOk ({@code 'R'}, code 0): authentication succeeded; parameter reports and
 * BackendKeyData follow, then ReadyForQuery.
 */
public enum AuthenticationOk implements BackendMessage {
    INSTANCE;

    public static final byte TAG = 'R';
    public static final int CODE = 0;

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 4);
        w.writeInt(CODE);
    }

    @Override
    public String toString() { return "AuthenticationOk"; }
}
