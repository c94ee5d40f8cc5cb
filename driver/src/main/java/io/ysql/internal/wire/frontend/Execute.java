package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import java.util.Objects;

/**
 * Execute ({@code 'E'}): runs a portal (empty name for the unnamed one), returning at most {@code
 * maxRows} rows before PortalSuspended; 0 means no limit.
 */
public record Execute(String portal, int maxRows) implements FrontendMessage {
    public static final byte TAG = 'E';
    /** All rows of the unnamed portal: the usual Execute, made once. */
    public static final Execute UNNAMED_ALL = new Execute("", 0);

    public Execute {
        Objects.requireNonNull(portal, "portal");
        if (maxRows < 0) throw new IllegalArgumentException("maxRows must be 0 (no limit) or positive, got " + maxRows);
    }

    public static Execute decode(ByteReader r) {
        return new Execute(r.readCString(), r.readInt());
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] p = Framing.cstring(portal);
        Framing.writeHeader(w, TAG, p.length + 1L + 4);
        Framing.writeCString(w, p);
        w.writeInt(maxRows);
    }
}
