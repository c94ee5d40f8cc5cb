package io.ysql.types;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A PostgreSQL bit string ({@code bit(n)}, {@code varbit}), spelled {@code 10110}: a length in
 * bits and the bits, first bit in the high bit of the first byte, unused trailing bits zero (the
 * server's own layout). Immutable: bytes are copied in and out. {@code getObject} returns this
 * for {@code varbit} and for {@code bit(n)} values longer than one bit; a single {@code bit} stays
 * a {@code Boolean}, as in pgjdbc.
 */
public final class BitString {
    private final int length;
    private final byte[] bytes;

    private BitString(int length, byte[] bytes) {
        this.length = length;
        this.bytes = bytes;
    }

    /** The first {@code length} bits of {@code bytes} (copied), high bit first; bits after them are ignored. */
    public static BitString of(byte[] bytes, int length) {
        Objects.requireNonNull(bytes, "bytes");
        if (length < 0 || length > bytes.length * 8L) {
            throw new IllegalArgumentException("length " + length + " does not fit " + bytes.length + " bytes");
        }
        byte[] copy = Arrays.copyOf(bytes, (length + 7) / 8);
        if (length % 8 != 0) copy[copy.length - 1] &= (byte) (0xff << (8 - length % 8));
        return new BitString(length, copy);
    }

    /** The bits given one by one. */
    public static BitString of(boolean... bits) {
        byte[] b = new byte[(bits.length + 7) / 8];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) b[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return new BitString(bits.length, b);
    }

    /** Reads a string of {@code 0} and {@code 1} characters; 22P02 for any other character. */
    public static BitString parse(String text) throws SQLException {
        String s = text.trim();
        boolean[] bits = new boolean[s.length()];
        for (int i = 0; i < bits.length; i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '1') {
                throw SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "\"" + c + "\" is not a valid binary digit in bit string \""
                        + (s.length() <= 60 ? s : s.substring(0, 60) + "...") + "\"");
            }
            bits[i] = c == '1';
        }
        return of(bits);
    }

    /** The number of bits. */
    public int length() {
        return length;
    }

    /** Bit {@code index} (0 is the leftmost). */
    public boolean get(int index) {
        Objects.checkIndex(index, length);
        return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** A copy of the bits, {@code (length + 7) / 8} bytes, high bit first, trailing bits zero. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString s && s.length == length && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bytes);
    }

    /** The bits as {@code 0} and {@code 1} characters, as the server prints them. */
    @Override
    public String toString() {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) c[i] = get(i) ? '1' : '0';
        return new String(c);
    }
}
