package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import java.util.Objects;

/**
 * Close ({@code 'C'}): closes a prepared statement ({@code kind 'S'}) or a portal ({@code kind
 * 'P'}); an empty name means the unnamed one. Closing something that does not exist is not an
 * error.
 */
public record Close(byte kind, String name) implements FrontendMessage {
    public static final byte TAG = 'C';
    public static final byte STATEMENT = 'S';
    public static final byte PORTAL = 'P';

    public Close {
        Describe.checkKind(kind);
        Objects.requireNonNull(name, "name");
    }

    public static Close statement(String name) { return new Close(STATEMENT, name); }

    public static Close portal(String name) { return new Close(PORTAL, name); }

    public static Close decode(ByteReader r) {
        return new Close((byte) r.readByte(), r.readCString());
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] n = Framing.cstring(name);
        Framing.writeHeader(w, TAG, 1 + n.length + 1L);
        w.writeByte(kind);
        Framing.writeCString(w, n);
    }

    @Override
    public String toString() { return "Close[kind=" + (char) kind + ", name=" + name + "]"; }
}
