package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;

/**
 * Sync ({@code 'S'}): ends an extended-query sequence. The server commits an implicit transaction,
 * stops skipping messages after an error, and answers ReadyForQuery.
 */
public enum Sync implements FrontendMessage {
    INSTANCE;

    public static final byte TAG = 'S';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "Sync"; }
}
