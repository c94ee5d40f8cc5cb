package io.ysql.internal.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code float4} and {@code float8} values printed exactly as the server prints them with
 * {@code extra_float_digits} above zero (the default since PostgreSQL 12): the shortest decimal
 * that reads back as the same value, in fixed notation when the decimal exponent is from -4 up
 * to 14 ({@code float8}) or 5 ({@code float4}), otherwise as {@code 1.5e+20}; and the spellings
 * {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code 0} and {@code -0}
 * (<a href="https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-FLOAT">Floating-Point
 * Types</a>). Used when a binary column is read with {@code getString}.
 */
final class FloatText {
    private FloatText() {}

    private static final int FLOAT8_FIXED_LIMIT = 15;
    private static final int FLOAT4_FIXED_LIMIT = 6;

    static String format(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == 0) return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
        double target = Math.abs(d);
        BigDecimal shortest = shortest(new BigDecimal(target), Double.toString(target), x -> x.doubleValue() == target);
        return layout(d < 0, shortest, FLOAT8_FIXED_LIMIT);
    }

    static String format(float f) {
        if (Float.isNaN(f)) return "NaN";
        if (Float.isInfinite(f)) return f > 0 ? "Infinity" : "-Infinity";
        if (f == 0) return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
        float target = Math.abs(f);
        BigDecimal shortest = shortest(new BigDecimal(target), Float.toString(target), x -> x.floatValue() == target);
        return layout(f < 0, shortest, FLOAT4_FIXED_LIMIT);
    }

    private interface RoundTrip {
        boolean test(BigDecimal candidate);
    }

    /**
     * The shortest decimal that reads back as the value, the nearest one among equals. The JDK's
     * own spelling reads back and is at most a digit or so too long, so the search starts at its
     * length and walks down: if some decimal of {@code s} digits reads back, one of every longer
     * length does too (pad it with zeros), so the first length without one ends the search.
     */
    private static BigDecimal shortest(BigDecimal exact, String jdk, RoundTrip roundTrip) {
        int digits = new BigDecimal(jdk).stripTrailingZeros().precision();
        BigDecimal best = closestRoundTrip(exact, digits, roundTrip);
        for (int p = digits - 1; p >= 1; p--) {
            BigDecimal shorter = closestRoundTrip(exact, p, roundTrip);
            if (shorter == null) break;
            best = shorter;
        }
        return best;
    }

    /**
     * Of the two {@code p}-digit decimals enclosing {@code exact}, the one that reads back as the
     * same binary value; the nearer one (ties to even) if both do; null if neither does.
     */
    private static BigDecimal closestRoundTrip(BigDecimal exact, int p, RoundTrip roundTrip) {
        BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (roundTrip.test(nearest)) return nearest;
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
        BigDecimal other = down.compareTo(nearest) == 0 ? exact.round(new MathContext(p, RoundingMode.UP)) : down;
        return roundTrip.test(other) ? other : null;
    }

    /** Lays out a positive decimal the way PostgreSQL's {@code float8out} does. */
    private static String layout(boolean negative, BigDecimal value, int fixedLimit) {
        BigDecimal v = value.stripTrailingZeros();
        String digits = v.unscaledValue().toString();
        int exp = digits.length() - 1 - v.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) sb.append('-');
        if (exp >= -4 && exp < fixedLimit) {
            if (exp < 0) {
                sb.append("0.");
                for (int i = -1; i > exp; i--) sb.append('0');
                sb.append(digits);
            } else if (digits.length() <= exp + 1) {
                sb.append(digits);
                for (int i = digits.length(); i <= exp; i++) sb.append('0');
            } else {
                sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
            }
            return sb.toString();
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
        sb.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) sb.append('0');
        return sb.append(abs).toString();
    }
}
