package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * BindComplete ({@code '2'}): a Bind succeeded.
 */
public enum BindComplete implements BackendMessage {
    INSTANCE;

    public static final byte TAG = '2';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "BindComplete"; }
}
