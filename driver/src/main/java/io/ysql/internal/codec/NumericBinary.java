package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * The binary format of {@code numeric} ({@code numeric_send}/{@code numeric_recv}): an int16
 * count of base-10000 digits, an int16 weight (the power of 10000 of the first digit), an
 * int16 sign ({@code 0x0000} positive, {@code 0x4000} negative, {@code 0xC000} NaN, {@code
 * 0xD000} +Infinity, {@code 0xF000} -Infinity since PostgreSQL 14), an int16 display scale and
 * the digits. Values are read straight into a {@link BigDecimal} whose scale is the display
 * scale, so its plain string is the server's text output; special values are reported by {@link
 * #special} and never become a {@code BigDecimal}.
 */
final class NumericBinary {
    private NumericBinary() {}

    static final int POSITIVE = 0x0000;
    static final int NEGATIVE = 0x4000;
    static final int NAN = 0xC000;
    static final int PINF = 0xD000;
    static final int NINF = 0xF000;

    private static final int HEADER = 8;
    private static final int MAX_DSCALE = 0x3FFF;
    private static final int SMALL_PRECISION = 15;
    private static final BigInteger TEN_TO_16 = BigInteger.valueOf(10_000_000_000_000_000L);

    /** {@code NaN}, {@code Infinity} or {@code -Infinity} for a special value, null for a number. */
    static String special(int oid, byte[] b, int off, int len) throws SQLException {
        if (len < HEADER) throw CodecErrors.badBinary(oid, len);
        return switch (ByteReader.getShort(b, off + 4) & 0xFFFF) {
            case NAN -> "NaN";
            case PINF -> "Infinity";
            case NINF -> "-Infinity";
            default -> null;
        };
    }

    /** The value as a {@code BigDecimal} with the display scale; 22003 for NaN and the infinities. */
    static BigDecimal decode(int oid, byte[] b, int off, int len) throws SQLException {
        String special = special(oid, b, off, len);
        if (special != null) throw CodecErrors.notADecimal(special);
        int ndigits = ByteReader.getShort(b, off) & 0xFFFF;
        int weight = ByteReader.getShort(b, off + 2);
        int sign = ByteReader.getShort(b, off + 4) & 0xFFFF;
        int dscale = ByteReader.getShort(b, off + 6) & 0xFFFF;
        if (len != HEADER + 2 * ndigits || (sign != POSITIVE && sign != NEGATIVE)) throw CodecErrors.badBinary(oid, len);
        if (ndigits == 0) return BigDecimal.valueOf(0, dscale);
        int at = off + HEADER;
        BigInteger unscaled;
        if (ndigits <= 4) {
            long v = 0;
            for (int i = 0; i < ndigits; i++) v = v * 10_000 + digit(oid, b, at + 2 * i, len);
            unscaled = BigInteger.valueOf(v);
        } else {
            unscaled = bigDigits(oid, b, at, ndigits, len);
        }
        if (sign == NEGATIVE) unscaled = unscaled.negate();
        // the last digit stands for 10000^(weight - ndigits + 1)
        BigDecimal v = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
        return v.scale() == dscale ? v : v.setScale(dscale, RoundingMode.DOWN);
    }

    /** The server's text output of the value. */
    static String toText(int oid, byte[] b, int off, int len) throws SQLException {
        String special = special(oid, b, off, len);
        return special != null ? special : decode(oid, b, off, len).toPlainString();
    }

    /**
     * The binary format of {@code v}, or null when the value does not fit it (a weight beyond
     * int16 or more than 16383 fraction digits), so the caller sends text and the server reports
     * the overflow in its own words. A negative scale is sent with display scale 0.
     */
    static byte[] encode(BigDecimal v) {
        int scale = v.scale();
        int dscale = Math.max(scale, 0);
        if (dscale > MAX_DSCALE) return null;
        if (v.signum() == 0) return header(0, 0, POSITIVE, dscale);
        // align the decimal point on a base-10000 digit boundary: the smallest multiple of 4 >= scale
        int aligned = Math.floorDiv(scale + 3, 4) * 4;
        if (v.precision() <= SMALL_PRECISION) return encodeSmall(v, aligned, dscale);
        BigInteger unscaled = v.unscaledValue().abs();
        if (aligned > scale) unscaled = unscaled.multiply(BigInteger.TEN.pow(aligned - scale));
        String digits = unscaled.toString();
        int groups = (digits.length() + 3) / 4;
        long weight = (long) groups - 1 - aligned / 4; // the last digit stands for 10000^(-aligned/4)
        if (weight > Short.MAX_VALUE || weight < Short.MIN_VALUE) return null;
        short[] out = new short[groups];
        int first = digits.length() - 4 * (groups - 1);
        out[0] = (short) Integer.parseInt(digits, 0, first, 10);
        for (int g = 1; g < groups; g++) {
            int from = first + 4 * (g - 1);
            out[g] = (short) Integer.parseInt(digits, from, from + 4, 10);
        }
        int n = groups;
        while (n > 0 && out[n - 1] == 0) n--; // trailing zero digits are implied by the weight
        byte[] bytes = header(n, (int) weight, v.signum() < 0 ? NEGATIVE : POSITIVE, dscale);
        for (int g = 0; g < n; g++) {
            bytes[HEADER + 2 * g] = (byte) (out[g] >>> 8);
            bytes[HEADER + 2 * g + 1] = (byte) out[g];
        }
        return bytes;
    }

    /** {@link #encode} for up to 15 digits, in long arithmetic (times up to 1000 still fits). */
    private static byte[] encodeSmall(BigDecimal v, int aligned, int dscale) {
        long u = Math.abs(v.unscaledValue().longValue());
        for (int i = v.scale(); i < aligned; i++) u *= 10;
        short[] groups = new short[5];
        int n = 0;
        while (u != 0) {
            groups[n++] = (short) (u % 10_000);
            u /= 10_000;
        }
        int weight = n - 1 - aligned / 4;
        if (weight > Short.MAX_VALUE || weight < Short.MIN_VALUE) return null;
        int low = 0;
        while (groups[low] == 0) low++; // trailing zero digits are implied by the weight
        byte[] bytes = header(n - low, weight, v.signum() < 0 ? NEGATIVE : POSITIVE, dscale);
        for (int g = n - 1, at = HEADER; g >= low; g--, at += 2) {
            bytes[at] = (byte) (groups[g] >>> 8);
            bytes[at + 1] = (byte) groups[g];
        }
        return bytes;
    }

    /** The binary format of NaN or an infinity ({@link #NAN}, {@link #PINF}, {@link #NINF}). */
    static byte[] encodeSpecial(int sign) {
        return header(0, 0, sign, 0);
    }

    private static byte[] header(int ndigits, int weight, int sign, int dscale) {
        byte[] b = new byte[HEADER + 2 * ndigits];
        b[0] = (byte) (ndigits >>> 8);
        b[1] = (byte) ndigits;
        b[2] = (byte) (weight >>> 8);
        b[3] = (byte) weight;
        b[4] = (byte) (sign >>> 8);
        b[5] = (byte) sign;
        b[6] = (byte) (dscale >>> 8);
        b[7] = (byte) dscale;
        return b;
    }

    private static int digit(int oid, byte[] b, int at, int len) throws SQLException {
        int d = ByteReader.getShort(b, at);
        if (d < 0 || d >= 10_000) throw CodecErrors.badBinary(oid, len);
        return d;
    }

    /** Many digits: four at a time into a long, then into the big integer. */
    private static BigInteger bigDigits(int oid, byte[] b, int at, int ndigits, int len) throws SQLException {
        int head = ndigits % 4;
        long chunk = 0;
        for (int i = 0; i < head; i++) chunk = chunk * 10_000 + digit(oid, b, at + 2 * i, len);
        BigInteger v = BigInteger.valueOf(chunk);
        for (int i = head; i < ndigits; i += 4) {
            long c = 0;
            for (int j = 0; j < 4; j++) c = c * 10_000 + digit(oid, b, at + 2 * (i + j), len);
            v = v.multiply(TEN_TO_16).add(BigInteger.valueOf(c));
        }
        return v;
    }
}
