package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Objects;

/**
 * NotificationResponse ({@code 'A'}): a NOTIFY on a channel this session LISTENs to, from the
 * backend {@code processId}; it may arrive at any time, even between other messages of a query.
 */
public record NotificationResponse(int processId, String channel, String payload) implements BackendMessage {
    public static final byte TAG = 'A';

    public NotificationResponse {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
    }

    public static NotificationResponse decode(ByteReader r) {
        return new NotificationResponse(r.readInt(), r.readCString(), r.readCString());
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] c = Framing.cstring(channel);
        byte[] p = Framing.cstring(payload);
        Framing.writeHeader(w, TAG, 4 + c.length + 1L + p.length + 1L);
        w.writeInt(processId);
        Framing.writeCString(w, c);
        Framing.writeCString(w, p);
    }
}
