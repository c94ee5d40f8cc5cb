package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * CloseComplete ({@code '3'}): a Close succeeded.
 */
public enum CloseComplete implements BackendMessage {
    INSTANCE;

    public static final byte TAG = '3';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "CloseComplete"; }
}
