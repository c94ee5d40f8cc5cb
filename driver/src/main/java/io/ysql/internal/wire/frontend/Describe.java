package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import java.util.Objects;

/**
 * Describe ({@code 'D'}): asks for the ParameterDescription and RowDescription of a prepared
 * statement ({@code kind 'S'}) or the RowDescription of a portal ({@code kind 'P'}); an empty name
 * means the unnamed one.
 */
public record Describe(byte kind, String name) implements FrontendMessage {
    public static final byte TAG = 'D';
    public static final byte STATEMENT = 'S';
    public static final byte PORTAL = 'P';

    public Describe {
        checkKind(kind);
        Objects.requireNonNull(name, "name");
    }

    static void checkKind(byte kind) {
        if (kind != STATEMENT && kind != PORTAL) {
            throw new IllegalArgumentException("kind must be 'S' or 'P', got " + ProtocolViolation.describeByte(kind));
        }
    }

    public static Describe statement(String name) { return new Describe(STATEMENT, name); }

    public static Describe portal(String name) { return new Describe(PORTAL, name); }

    public static Describe decode(ByteReader r) {
        return new Describe((byte) r.readByte(), r.readCString());
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] n = Framing.cstring(name);
        Framing.writeHeader(w, TAG, 1 + n.length + 1L);
        w.writeByte(kind);
        Framing.writeCString(w, n);
    }

    @Override
    public String toString() { return "Describe[kind=" + (char) kind + ", name=" + name + "]"; }
}
