package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Arrays;
import java.util.Objects;

/**
 * An authentication request ({@code 'R'}) for a method the driver does not implement: KerberosV5
 * (2), SCM credentials (6), GSSAPI (7, 8 for GSSContinue), SSPI (9) or a code unknown to this
 * protocol version. Decoding succeeds so that the connection can fail with a clear message naming
 * {@link #methodName()}; {@code data} is whatever followed the code, kept as given.
 */
public record AuthenticationUnsupported(int code, byte[] data) implements BackendMessage {
    public static final byte TAG = 'R';

    public AuthenticationUnsupported {
        Objects.requireNonNull(data, "data");
        switch (code) {
            case AuthenticationOk.CODE, AuthenticationCleartextPassword.CODE, AuthenticationMD5Password.CODE,
                    AuthenticationSASL.CODE, AuthenticationSASLContinue.CODE, AuthenticationSASLFinal.CODE ->
                    throw new IllegalArgumentException("authentication code " + code + " has its own message");
            default -> { }
        }
    }

    /** Reads the body after the authentication code. */
    public static AuthenticationUnsupported decode(int code, ByteReader r) {
        return new AuthenticationUnsupported(code, r.readRemaining());
    }

    /** The method's name as users know it. */
    public String methodName() {
        return switch (code) {
            case 2 -> "KerberosV5";
            case 6 -> "SCM credentials";
            case 7, 8 -> "GSSAPI";
            case 9 -> "SSPI";
            default -> "unknown (code " + code + ")";
        };
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 4L + data.length);
        w.writeInt(code).writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationUnsupported u && code == u.code && Arrays.equals(data, u.data);
    }

    @Override
    public int hashCode() { return 31 * code + Arrays.hashCode(data); }

    @Override
    public String toString() { return "AuthenticationUnsupported[" + methodName() + "]"; }
}
