package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import java.util.Arrays;
import java.util.Objects;

/**
 * PasswordMessage ({@code 'p'}): the raw body of a password response. For cleartext and MD5
 * authentication the body is the password (or the {@code md5...} digest) and a terminating zero,
 * built by {@link #cleartext}; a fake server decodes every {@code 'p'} message to this record and
 * reinterprets the body with {@link SASLInitialResponse#decode} or {@link SASLResponse#decode} when
 * SASL is in progress. The array is not copied, so the caller can wipe it; it never reaches {@link
 * #toString}.
 */
public record PasswordMessage(byte[] password) implements FrontendMessage {
    public static final byte TAG = 'p';

    public PasswordMessage {
        Objects.requireNonNull(password, "password");
    }

    /**
     * The response to AuthenticationCleartextPassword or AuthenticationMD5Password: the UTF-8
     * password (or MD5 digest text) followed by a zero byte.
     *
     * @throws IllegalArgumentException when the password contains a zero byte
     */
    public static PasswordMessage cleartext(byte[] utf8Password) {
        for (byte b : utf8Password) {
            if (b == 0) throw new IllegalArgumentException("a password may not contain a NUL character");
        }
        return new PasswordMessage(Arrays.copyOf(utf8Password, utf8Password.length + 1));
    }

    /** Reads the whole body as is. */
    public static PasswordMessage decode(ByteReader r) {
        return new PasswordMessage(r.readRemaining());
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, password.length);
        w.writeBytes(password);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordMessage p && Arrays.equals(password, p.password);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(password); }

    @Override
    public String toString() { return "PasswordMessage[redacted]"; }
}
