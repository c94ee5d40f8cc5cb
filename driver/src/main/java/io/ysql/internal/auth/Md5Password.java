package io.ysql.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The answer to {@code AuthenticationMD5Password}: {@code "md5" + hex(md5(hex(md5(password + user)) + salt))},
 * as PostgreSQL defines it (see "Password Authentication" in the PostgreSQL docs). The inner hash is
 * what the server stores; the salt makes the answer differ per connection. The result is the ASCII
 * text without the trailing NUL, which the wire layer adds.
 */
public final class Md5Password {
    /** The salt of an {@code AuthenticationMD5Password} message is always four bytes. */
    public static final int SALT_LENGTH = 4;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREFIX = "md5".getBytes(StandardCharsets.US_ASCII);

    private Md5Password() {}

    /**
     * Encodes the password for the MD5 exchange.
     *
     * @param user the user name sent in the startup message
     * @param passwordUtf8 the password as UTF-8 bytes (not modified)
     * @param salt the four bytes of salt from the server
     * @return 35 ASCII bytes: {@code md5} followed by 32 lower-case hex digits
     */
    public static byte[] encode(String user, byte[] passwordUtf8, byte[] salt) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordUtf8, "passwordUtf8");
        Objects.requireNonNull(salt, "salt");
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("MD5 salt must be " + SALT_LENGTH + " bytes, got " + salt.length);
        }
        MessageDigest md5 = md5();
        md5.update(passwordUtf8);
        md5.update(user.getBytes(StandardCharsets.UTF_8));
        byte[] inner = md5.digest();
        byte[] innerHex = hex(inner);
        md5.update(innerHex);
        md5.update(salt);
        byte[] outer = md5.digest();
        byte[] result = new byte[PREFIX.length + 2 * outer.length];
        System.arraycopy(PREFIX, 0, result, 0, PREFIX.length);
        System.arraycopy(hex(outer), 0, result, PREFIX.length, 2 * outer.length);
        Arrays.fill(inner, (byte) 0);
        Arrays.fill(innerHex, (byte) 0);
        return result;
    }

    private static byte[] hex(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0x0F];
            out[2 * i + 1] = HEX[bytes[i] & 0x0F];
        }
        return out;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JDK", e);
        }
    }
}
