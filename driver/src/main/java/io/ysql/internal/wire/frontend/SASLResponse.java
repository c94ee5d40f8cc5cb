package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import java.util.Arrays;
import java.util.Objects;

/**
 * SASLResponse ({@code 'p'}): a later client message of a SASL exchange, such as SCRAM's
 * client-final message. The data array is not copied and never reaches {@link #toString}.
 */
public record SASLResponse(byte[] data) implements FrontendMessage {
    public static final byte TAG = 'p';

    public SASLResponse {
        Objects.requireNonNull(data, "data");
    }

    /**
     * Reinterprets the body of a {@code 'p'} message (see {@link PasswordMessage}) as a SASLResponse.
     * The whole body is the data; the array is kept, not copied.
     */
    public static SASLResponse decode(byte[] body) {
        return new SASLResponse(body);
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, data.length);
        w.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SASLResponse s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    @Override
    public String toString() { return "SASLResponse[redacted]"; }
}
