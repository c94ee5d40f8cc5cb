package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.ProtocolViolation;

/**
 * ReadyForQuery ({@code 'Z'}): the server is ready for a new query cycle. {@code status} is the
 * transaction status: {@code 'I'} idle, {@code 'T'} in a transaction block, {@code 'E'} in a failed
 * transaction block.
 */
public record ReadyForQuery(byte status) implements BackendMessage {
    public static final byte TAG = 'Z';
    public static final byte IDLE = 'I';
    public static final byte IN_TRANSACTION = 'T';
    public static final byte FAILED = 'E';

    public ReadyForQuery {
        if (status != IDLE && status != IN_TRANSACTION && status != FAILED) {
            throw new IllegalArgumentException("transaction status must be 'I', 'T' or 'E', got "
                    + ProtocolViolation.describeByte(status));
        }
    }

    public static ReadyForQuery decode(ByteReader r) {
        return new ReadyForQuery((byte) r.readByte());
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 1);
        w.writeByte(status);
    }

    @Override
    public String toString() { return "ReadyForQuery[" + (char) status + "]"; }
}
