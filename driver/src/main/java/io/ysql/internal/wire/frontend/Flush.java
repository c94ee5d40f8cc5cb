package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;

/**
 * Flush ({@code 'H'}): asks the server to send everything it has produced so far, without ending
 * the sequence as Sync would.
 */
public enum Flush implements FrontendMessage {
    INSTANCE;

    public static final byte TAG = 'H';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "Flush"; }
}
