package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * AuthenticationCleartextPassword ({@code 'R'}, code 3): the server asks for the password in clear
 * text (answered by a PasswordMessage).
 */
public enum AuthenticationCleartextPassword implements BackendMessage {
    INSTANCE;

    public static final byte TAG = 'R';
    public static final int CODE = 3;

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 4);
        w.writeInt(CODE);
    }

    @Override
    public String toString() { return "AuthenticationCleartextPassword"; }
}
