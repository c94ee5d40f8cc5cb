package io.ysql.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The functions of RFC 5802 section 2.2 instantiated with SHA-256 (RFC 7677): {@code HMAC},
 * {@code H} and {@code Hi}. {@code Hi} is PBKDF2 with one block, written over {@link Mac} so the
 * password stays raw bytes instead of passing through the {@code char[]} of {@code PBEKeySpec}.
 */
final class ScramSha256Primitives {
    private static final String HMAC_SHA_256 = "HmacSHA256";

    private ScramSha256Primitives() {}

    static byte[] hmac(byte[] key, byte[] data) {
        Mac mac = mac(key);
        return mac.doFinal(data);
    }

    static byte[] hmac(byte[] key, String asciiData) {
        return hmac(key, asciiData.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** {@code Hi(password, salt, i)}: U1 = HMAC(password, salt + INT(1)), Un = HMAC(password, Un-1), XOR of all. */
    static byte[] hi(byte[] password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        Mac mac = mac(password);
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        try {
            for (int i = 1; i < iterations; i++) {
                mac.update(u);
                mac.doFinal(u, 0);
                xorInto(result, u);
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException("HMAC output does not fit its own length", e);
        } finally {
            Arrays.fill(u, (byte) 0);
        }
        return result;
    }

    /** {@code target ^= other}, both of the same length. */
    static void xorInto(byte[] target, byte[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= other[i];
        }
    }

    private static Mac mac(byte[] key) {
        // HMAC pads a short key with zero bytes to the block size (RFC 2104), so an empty key and
        // a single zero byte give the same result; SecretKeySpec refuses empty keys.
        byte[] usable = key.length == 0 ? new byte[1] : key;
        try {
            Mac mac = Mac.getInstance(HMAC_SHA_256);
            mac.init(new SecretKeySpec(usable, HMAC_SHA_256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
