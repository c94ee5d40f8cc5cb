package io.ysql.internal.wire;

import io.ysql.internal.buffer.ByteWriter;

/**
 * CopyDone ({@code 'c'}): the end of a COPY data stream, sent by either side with the same empty
 * body, hence one singleton for both directions.
 */
public enum CopyDone implements FrontendMessage, BackendMessage {
    INSTANCE;

    public static final byte TAG = 'c';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "CopyDone"; }
}
