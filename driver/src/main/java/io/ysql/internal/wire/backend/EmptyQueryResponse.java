package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * EmptyQueryResponse ({@code 'I'}): the query string was empty; it replaces CommandComplete.
 */
public enum EmptyQueryResponse implements BackendMessage {
    INSTANCE;

    public static final byte TAG = 'I';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "EmptyQueryResponse"; }
}
