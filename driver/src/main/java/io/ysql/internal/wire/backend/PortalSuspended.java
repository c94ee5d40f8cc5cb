package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;

/**
 * PortalSuspended ({@code 's'}): an Execute stopped at its row limit; a further Execute continues
 * the portal.
 */
public enum PortalSuspended implements BackendMessage {
    INSTANCE;

    public static final byte TAG = 's';

    @Override
    public void encode(ByteWriter w) { Framing.writeHeader(w, TAG, 0); }

    @Override
    public String toString() { return "PortalSuspended"; }
}
