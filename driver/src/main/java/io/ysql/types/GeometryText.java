package io.ysql.types;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of the geometric types: coordinates printed as the server's {@code float8out} prints
 * them with {@code extra_float_digits} above zero (the shortest decimal that reads back as the
 * same double, fixed notation for decimal exponents from -4 to 14, otherwise {@code 1e+20}; {@code
 * NaN}, {@code Infinity}, {@code -Infinity}, {@code -0}), and read back from any of the input
 * spellings the server accepts, which differ only in their brackets: the numbers are taken in
 * order and the caller says how many it needs. (The driver's codecs print {@code float8} columns
 * with the same rules; the two are kept apart because this package may not import the driver's
 * internals.)
 */
final class GeometryText {
    private GeometryText() {}

    private static final int FIXED_LIMIT = 15;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()\\[\\]{}<>,]+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?");

    /** {@code d} as {@code float8out} prints it. */
    static String format(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == 0) return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
        double target = Math.abs(d);
        BigDecimal exact = new BigDecimal(target);
        BigDecimal best = new BigDecimal(Double.toString(target));
        for (int p = best.stripTrailingZeros().precision() - 1; p >= 1; p--) {
            BigDecimal shorter = closest(exact, p, target);
            if (shorter == null) break;
            best = shorter;
        }
        return layout(d < 0, best.stripTrailingZeros());
    }

    /** The {@code p}-digit decimal nearest {@code exact} that reads back as {@code target}, or null. */
    private static BigDecimal closest(BigDecimal exact, int p, double target) {
        BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == target) return nearest;
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
        BigDecimal other = down.compareTo(nearest) == 0 ? exact.round(new MathContext(p, RoundingMode.UP)) : down;
        return other.doubleValue() == target ? other : null;
    }

    private static String layout(boolean negative, BigDecimal v) {
        String digits = v.unscaledValue().toString();
        int exp = digits.length() - 1 - v.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) sb.append('-');
        if (exp >= -4 && exp < FIXED_LIMIT) {
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

    /** {@code (x,y)} appended. */
    static StringBuilder point(StringBuilder sb, Point p) {
        return sb.append('(').append(format(p.x())).append(',').append(format(p.y())).append(')');
    }

    /** The points joined by commas, each {@code (x,y)}. */
    static StringBuilder points(StringBuilder sb, List<Point> points) {
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) sb.append(',');
            point(sb, points.get(i));
        }
        return sb;
    }

    /** The numbers of a geometric value's text, in order, whatever brackets surround them. */
    static double[] numbers(String typeName, String text) throws SQLException {
        List<Double> out = new ArrayList<>();
        for (String token : SEPARATORS.split(text)) {
            if (token.isEmpty()) continue;
            out.add(parseDouble(typeName, text, token));
        }
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) d[i] = out.get(i);
        return d;
    }

    /** {@link #numbers} requiring exactly {@code count} numbers. */
    static double[] numbers(String typeName, String text, int count) throws SQLException {
        double[] d = numbers(typeName, text);
        if (d.length != count) throw bad(typeName, text);
        return d;
    }

    /** Pairs of numbers as points; at least {@code min} of them. */
    static List<Point> pointList(String typeName, String text, int min) throws SQLException {
        double[] d = numbers(typeName, text);
        if (d.length % 2 != 0 || d.length / 2 < min) throw bad(typeName, text);
        List<Point> points = new ArrayList<>(d.length / 2);
        for (int i = 0; i < d.length; i += 2) points.add(new Point(d[i], d[i + 1]));
        return points;
    }

    private static double parseDouble(String typeName, String text, String token) throws SQLException {
        String t = token.toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan": return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf": return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!NUMBER.matcher(t).matches()) throw bad(typeName, text);
        return Double.parseDouble(t);
    }

    static SQLException bad(String typeName, String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 60) + "...";
        return SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type " + typeName + ": \"" + shown + "\"");
    }
}
