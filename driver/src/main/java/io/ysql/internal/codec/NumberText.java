package io.ysql.internal.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * Numbers read from text: the server's output of {@code int2/4/8}, {@code numeric}, {@code
 * float4/8} and {@code money}, and whatever a text column holds. Plain integers and short decimals
 * are parsed straight from the bytes without allocating; anything else goes through {@link
 * BigDecimal}, so {@code getInt} on {@code 12.5} gives 12 (truncation toward zero, as pgjdbc
 * does). Text that is not a number raises 22P02; a number out of the target's range, and {@code
 * NaN} or an infinity where the target cannot hold one, raise 22003. For {@code money}, currency
 * symbols and group separators are dropped first.
 */
final class NumberText {
    private NumberText() {}

    /** Integer digits beyond which a value cannot fit a {@code long}, whatever its digits. */
    private static final int MAX_LONG_DIGITS = 19;

    /**
     * The integral value of this text, truncated toward zero, checked against {@code [min, max]}.
     *
     * @param target the Java type asked for, named in error messages
     */
    static long parseLong(int oid, byte[] b, int off, int len, long min, long max, String target)
            throws SQLException {
        int end = off + len;
        int i = off;
        boolean negative = false;
        if (len > 0 && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int digits = end - i;
        if (digits > 0 && digits <= 18) {
            long v = 0;
            for (; i < end; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                v = v * 10 + d;
            }
            if (i == end) {
                v = negative ? -v : v;
                if (v < min || v > max) throw CodecErrors.outOfRange(target, Long.toString(v));
                return v;
            }
        }
        return parseLong(oid, Text.utf8(b, off, len), min, max, target);
    }

    static long parseLong(int oid, String text, long min, long max, String target) throws SQLException {
        String s = clean(oid, text);
        BigDecimal d = decimalOrNull(s);
        if (d == null) {
            if (isSpecial(s)) throw CodecErrors.outOfRange(target, s);
            throw CodecErrors.badText(target, s);
        }
        if (d.precision() - d.scale() > MAX_LONG_DIGITS) throw CodecErrors.outOfRange(target, s);
        long v;
        try {
            v = d.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw CodecErrors.outOfRange(target, s);
        }
        if (v < min || v > max) throw CodecErrors.outOfRange(target, s);
        return v;
    }

    /** A {@code numeric} read from text; {@code NaN} and infinities raise 22003. */
    static BigDecimal parseDecimal(int oid, byte[] b, int off, int len) throws SQLException {
        BigDecimal fast = fastDecimal(b, off, len);
        if (fast != null) return fast;
        return parseDecimal(oid, Text.utf8(b, off, len));
    }

    static BigDecimal parseDecimal(int oid, String text) throws SQLException {
        String s = clean(oid, text);
        BigDecimal d = decimalOrNull(s);
        if (d != null) return d;
        if (isSpecial(s)) throw CodecErrors.notADecimal(s);
        throw CodecErrors.badText("BigDecimal", s);
    }

    /** A {@code double} read from text, accepting the server's {@code NaN} and {@code [-]Infinity}. */
    static double parseDouble(int oid, String text) throws SQLException {
        String s = clean(oid, text);
        switch (s) {
            case "NaN": return Double.NaN;
            case "Infinity": case "+Infinity": case "inf": case "+inf": return Double.POSITIVE_INFINITY;
            case "-Infinity": case "-inf": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!isDecimalSyntax(s)) throw CodecErrors.badText("double", s);
        return Double.parseDouble(s);
    }

    /** Whether {@code s} is one of the server's spellings of a non-finite number. */
    static boolean isSpecial(String s) {
        return switch (s) {
            case "NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "+inf" -> true;
            default -> false;
        };
    }

    /** A decimal made of an optional sign, digits and at most one point, up to 18 digits. */
    private static BigDecimal fastDecimal(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        boolean negative = false;
        if (len > 0 && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (end - i == 0 || end - i > 19) return null;
        long v = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '.' && scale < 0) {
                scale = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) return null;
            v = v * 10 + d;
            digits++;
            if (scale >= 0) scale++;
        }
        if (digits == 0 || digits > 18) return null;
        return BigDecimal.valueOf(negative ? -v : v, Math.max(scale, 0));
    }

    private static BigDecimal decimalOrNull(String s) {
        if (!isDecimalSyntax(s)) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether {@code s} is {@code [sign] digits [. digits] [e [sign] digits]} with at least one
     * mantissa digit: the syntax shared by the server's numeric outputs, and a subset of what both
     * {@link BigDecimal} and {@link Double#parseDouble} accept (which also take {@code 1d} or hex).
     */
    static boolean isDecimalSyntax(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int mantissa = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; mantissa++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; mantissa++; }
        }
        if (mantissa == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; exponent++; }
            if (exponent == 0 || exponent > 9) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** Trims blanks; for {@code money}, also drops currency symbols and group separators. */
    private static String clean(int oid, String text) {
        String s = text.strip();
        return oid == Oids.MONEY ? plainMoney(s) : s;
    }

    /**
     * The {@code money} type's locale-formatted output ({@code $1,234.56}, {@code -$1,234.56},
     * {@code ($1,234.56)}) as a plain decimal ({@code -1234.56}), assuming the separators of
     * {@code lc_monetary=C} and the English locales: a point for decimals, commas for groups.
     */
    private static String plainMoney(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean negative = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '.') sb.append(c);
            else if (c == '-' || c == '(') negative = true;
        }
        if (sb.length() == 0) return s;
        return negative ? sb.insert(0, '-').toString() : sb.toString();
    }
}
