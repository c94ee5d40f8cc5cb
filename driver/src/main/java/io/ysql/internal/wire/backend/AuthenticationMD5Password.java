package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Arrays;

/**
 * AuthenticationMD5Password ({@code 'R'}, code 5): the server asks for the MD5 digest of the
 * password, salted with these exactly four bytes. The salt is copied in and out.
 */
public record AuthenticationMD5Password(byte[] salt) implements BackendMessage {
    public static final byte TAG = 'R';
    public static final int CODE = 5;

    public AuthenticationMD5Password {
        salt = salt.clone();
        if (salt.length != 4) throw new IllegalArgumentException("the MD5 salt must be 4 bytes, got " + salt.length);
    }

    /** Reads the body after the authentication code. */
    public static AuthenticationMD5Password decode(ByteReader r) {
        return new AuthenticationMD5Password(r.readRemaining());
    }

    @Override
    public byte[] salt() { return salt.clone(); }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 8);
        w.writeInt(CODE).writeBytes(salt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationMD5Password m && Arrays.equals(salt, m.salt);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(salt); }

    @Override
    public String toString() { return "AuthenticationMD5Password"; }
}
