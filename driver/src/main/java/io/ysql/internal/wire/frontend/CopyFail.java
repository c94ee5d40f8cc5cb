package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import java.util.Objects;

/**
 * CopyFail ({@code 'f'}): aborts a COPY FROM STDIN; the server fails the COPY with an error that
 * quotes {@code message}.
 */
public record CopyFail(String message) implements FrontendMessage {
    public static final byte TAG = 'f';

    public CopyFail {
        Objects.requireNonNull(message, "message");
    }

    public static CopyFail decode(ByteReader r) {
        return new CopyFail(r.readCString());
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] m = Framing.cstring(message);
        Framing.writeHeader(w, TAG, m.length + 1L);
        Framing.writeCString(w, m);
    }
}
