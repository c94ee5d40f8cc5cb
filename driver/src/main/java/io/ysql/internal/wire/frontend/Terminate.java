package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;

/**
 * Terminate ({@code 'X'}): tells the server the client is closing the connection.
 */
public enum Terminate implements FrontendMessage {
    INSTANCE;

    public static final byte TAG = 'X';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "Terminate"; }
}
