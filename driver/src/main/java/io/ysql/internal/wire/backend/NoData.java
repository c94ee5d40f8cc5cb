package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * NoData ({@code 'n'}): the described statement or portal returns no rows.
 */
public enum NoData implements BackendMessage {
    INSTANCE;

    public static final byte TAG = 'n';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "NoData"; }
}
