package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import java.util.Arrays;
import java.util.Objects;

/**
 * SASLInitialResponse ({@code 'p'}): the chosen SASL mechanism and the client-first message, or no
 * data at all (sent as length -1) when {@code data} is null. The data array is not copied and never
 * reaches {@link #toString}.
 */
public record SASLInitialResponse(String mechanism, byte[] data) implements FrontendMessage {
    public static final byte TAG = 'p';

    public SASLInitialResponse {
        Objects.requireNonNull(mechanism, "mechanism");
        if (mechanism.isEmpty()) throw new IllegalArgumentException("the SASL mechanism name may not be empty");
    }

    /**
     * Reinterprets the body of a {@code 'p'} message (see {@link PasswordMessage}) as a
     * SASLInitialResponse.
     *
     * @throws ProtocolViolation when the body does not have this shape
     */
    public static SASLInitialResponse decode(byte[] body) {
        return Framing.decodeBody("SASLInitialResponse", body, 0, body.length, SASLInitialResponse::read);
    }

    private static SASLInitialResponse read(ByteReader r) {
        String mechanism = r.readCString();
        int n = r.readInt();
        if (n < -1) throw new ProtocolViolation("SASLInitialResponse data length " + n);
        return new SASLInitialResponse(mechanism, n == -1 ? null : r.readBytes(n));
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] m = Framing.cstring(mechanism);
        Framing.writeHeader(w, TAG, m.length + 1L + 4 + (data == null ? 0 : data.length));
        Framing.writeCString(w, m);
        if (data == null) {
            w.writeInt(-1);
        } else {
            w.writeInt(data.length).writeBytes(data);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SASLInitialResponse s && mechanism.equals(s.mechanism) && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() { return 31 * mechanism.hashCode() + Arrays.hashCode(data); }

    @Override
    public String toString() { return "SASLInitialResponse[mechanism=" + mechanism + ", data=redacted]"; }
}
