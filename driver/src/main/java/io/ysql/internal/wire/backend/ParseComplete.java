package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * ParseComplete ({@code '1'}): a Parse succeeded.
 */
public enum ParseComplete implements BackendMessage {
    INSTANCE;

    public static final byte TAG = '1';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "ParseComplete"; }
}
