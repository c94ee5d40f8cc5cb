package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.ArrayList;
import java.util.List;

/**
 * AuthenticationSASL ({@code 'R'}, code 10): the server offers SASL authentication with these
 * mechanisms, in its order of preference (for example {@code SCRAM-SHA-256-PLUS}, {@code
 * SCRAM-SHA-256}). On the wire the list ends with an empty name, so no name may be empty.
 */
public record AuthenticationSASL(List<String> mechanisms) implements BackendMessage {
    public static final byte TAG = 'R';
    public static final int CODE = 10;

    public AuthenticationSASL {
        mechanisms = List.copyOf(mechanisms);
        for (String m : mechanisms) {
            if (m.isEmpty()) throw new IllegalArgumentException("a SASL mechanism name may not be empty");
        }
    }

    /** Reads the body after the authentication code. */
    public static AuthenticationSASL decode(ByteReader r) {
        List<String> names = new ArrayList<>();
        for (String m = r.readCString(); !m.isEmpty(); m = r.readCString()) names.add(m);
        return new AuthenticationSASL(names);
    }

    @Override
    public void encode(ByteWriter w) {
        List<byte[]> names = new ArrayList<>(mechanisms.size());
        long body = 4 + 1;
        for (String m : mechanisms) {
            byte[] b = Framing.cstring(m);
            names.add(b);
            body += b.length + 1;
        }
        Framing.writeHeader(w, TAG, body);
        w.writeInt(CODE);
        for (byte[] b : names) Framing.writeCString(w, b);
        w.writeByte(0);
    }
}
