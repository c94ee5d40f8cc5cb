package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Arrays;
import java.util.Objects;

/**
 * AuthenticationSASLContinue ({@code 'R'}, code 11): a server challenge of a SASL exchange (SCRAM's
 * server-first message). The data array is kept as given, not copied.
 */
public record AuthenticationSASLContinue(byte[] data) implements BackendMessage {
    public static final byte TAG = 'R';
    public static final int CODE = 11;

    public AuthenticationSASLContinue {
        Objects.requireNonNull(data, "data");
    }

    /** Reads the body after the authentication code. */
    public static AuthenticationSASLContinue decode(ByteReader r) {
        return new AuthenticationSASLContinue(r.readRemaining());
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 4L + data.length);
        w.writeInt(CODE).writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationSASLContinue s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    @Override
    public String toString() { return "AuthenticationSASLContinue[" + data.length + " bytes]"; }
}
