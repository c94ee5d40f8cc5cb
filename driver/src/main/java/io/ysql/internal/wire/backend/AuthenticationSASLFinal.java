package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Arrays;
import java.util.Objects;

/**
 * AuthenticationSASLFinal ({@code 'R'}, code 12): the outcome data of a completed SASL exchange
 * (SCRAM's server-final message, which the client must verify). The data array is kept as given,
 * not copied.
 */
public record AuthenticationSASLFinal(byte[] data) implements BackendMessage {
    public static final byte TAG = 'R';
    public static final int CODE = 12;

    public AuthenticationSASLFinal {
        Objects.requireNonNull(data, "data");
    }

    /** Reads the body after the authentication code. */
    public static AuthenticationSASLFinal decode(ByteReader r) {
        return new AuthenticationSASLFinal(r.readRemaining());
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 4L + data.length);
        w.writeInt(CODE).writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationSASLFinal s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    @Override
    public String toString() { return "AuthenticationSASLFinal[" + data.length + " bytes]"; }
}
