package io.ysql.types;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text forms of {@link Interval}: printing in each {@code IntervalStyle} exactly as the
 * server's {@code interval_out} does, and reading the output of every style (the style is
 * recognised from the text: {@code @ … ago} is {@code postgres_verbose}, a leading {@code P} is
 * ISO 8601, a {@code Y-M} field or a day count without a unit is {@code sql_standard}, in which a
 * single leading minus sign applies to every field) plus the usual input spellings with units
 * ({@code 1.5 hours}, {@code 2 weeks}, {@code 3 mins}). Fractions of months spill into days (a
 * month is 30 days) and fractions of days into the time part, as the server does.
 */
final class IntervalText {
    private IntervalText() {}

    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_SECOND = Interval.MICROS_PER_SECOND;

    // ---- printing ---------------------------------------------------------------------------

    static String format(Interval v, Interval.Style style) {
        if (v.equals(Interval.POSITIVE_INFINITY)) return "infinity";
        if (v.equals(Interval.NEGATIVE_INFINITY)) return "-infinity";
        Fields f = new Fields(v);
        StringBuilder sb = new StringBuilder(32);
        switch (style) {
            case POSTGRES -> postgres(f, sb);
            case POSTGRES_VERBOSE -> verbose(f, sb);
            case SQL_STANDARD -> sqlStandard(f, sb);
            case ISO_8601 -> iso(f, sb);
        }
        return sb.toString();
    }

    /** The fields {@code interval_out} prints, each carrying the sign of its source field. */
    private static final class Fields {
        long year;
        long mon;
        long mday;
        long hour;
        long min;
        long sec;
        long fsec;

        Fields(Interval v) {
            year = v.months() / 12;
            mon = v.months() % 12;
            mday = v.days();
            long t = v.microseconds();
            hour = t / MICROS_PER_HOUR;
            t -= hour * MICROS_PER_HOUR;
            min = t / MICROS_PER_MINUTE;
            t -= min * MICROS_PER_MINUTE;
            sec = t / MICROS_PER_SECOND;
            fsec = t - sec * MICROS_PER_SECOND;
        }

        boolean timeZero() { return hour == 0 && min == 0 && sec == 0 && fsec == 0; }

        boolean timeNegative() { return hour < 0 || min < 0 || sec < 0 || fsec < 0; }
    }

    private static void postgres(Fields f, StringBuilder sb) {
        boolean[] zeroBefore = {true, false};
        postgresPart(sb, f.year, "year", zeroBefore);
        postgresPart(sb, f.mon, "mon", zeroBefore);
        postgresPart(sb, f.mday, "day", zeroBefore);
        if (zeroBefore[0] || !f.timeZero()) {
            boolean minus = f.timeNegative();
            if (!zeroBefore[0]) sb.append(' ');
            sb.append(minus ? "-" : zeroBefore[1] ? "+" : "");
            pad2(sb, Math.abs(f.hour)).append(':');
            pad2(sb, Math.abs(f.min)).append(':');
            seconds(sb, f.sec, f.fsec, true);
        }
    }

    private static void postgresPart(StringBuilder sb, long value, String unit, boolean[] zeroBefore) {
        if (value == 0) return;
        if (!zeroBefore[0]) sb.append(' ');
        if (zeroBefore[1] && value > 0) sb.append('+');
        sb.append(value).append(' ').append(unit);
        if (value != 1) sb.append('s');
        zeroBefore[1] = value < 0;
        zeroBefore[0] = false;
    }

    private static void verbose(Fields f, StringBuilder sb) {
        boolean[] zeroBefore = {true, false};
        sb.append('@');
        verbosePart(sb, f.year, "year", zeroBefore);
        verbosePart(sb, f.mon, "mon", zeroBefore);
        verbosePart(sb, f.mday, "day", zeroBefore);
        verbosePart(sb, f.hour, "hour", zeroBefore);
        verbosePart(sb, f.min, "min", zeroBefore);
        if (f.sec != 0 || f.fsec != 0) {
            sb.append(' ');
            if (f.sec < 0 || (f.sec == 0 && f.fsec < 0)) {
                if (zeroBefore[0]) zeroBefore[1] = true;
                else if (!zeroBefore[1]) sb.append('-');
            } else if (zeroBefore[1]) {
                sb.append('-');
            }
            seconds(sb, f.sec, f.fsec, false);
            sb.append(" sec").append(Math.abs(f.sec) != 1 || f.fsec != 0 ? "s" : "");
            zeroBefore[0] = false;
        }
        if (zeroBefore[0]) sb.append(" 0");
        if (zeroBefore[1]) sb.append(" ago");
    }

    private static void verbosePart(StringBuilder sb, long value, String unit, boolean[] zeroBefore) {
        if (value == 0) return;
        if (zeroBefore[0]) {
            zeroBefore[1] = value < 0;
            value = Math.abs(value);
        } else if (zeroBefore[1]) {
            value = -value;
        }
        sb.append(' ').append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
        zeroBefore[0] = false;
    }

    private static void sqlStandard(Fields f, StringBuilder sb) {
        boolean negative = f.year < 0 || f.mon < 0 || f.mday < 0 || f.timeNegative();
        boolean positive = f.year > 0 || f.mon > 0 || f.mday > 0 || f.hour > 0 || f.min > 0 || f.sec > 0 || f.fsec > 0;
        boolean yearMonth = f.year != 0 || f.mon != 0;
        boolean dayTime = f.mday != 0 || !f.timeZero();
        boolean standard = !(negative && positive) && !(yearMonth && dayTime);
        if (!negative && !positive) {
            sb.append('0');
        } else if (!standard) {
            sb.append(f.year < 0 || f.mon < 0 ? '-' : '+').append(Math.abs(f.year)).append('-').append(Math.abs(f.mon));
            sb.append(' ').append(f.mday < 0 ? '-' : '+').append(Math.abs(f.mday));
            sb.append(' ').append(f.timeNegative() ? '-' : '+').append(Math.abs(f.hour)).append(':');
            pad2(sb, Math.abs(f.min)).append(':');
            seconds(sb, f.sec, f.fsec, true);
        } else {
            if (negative) sb.append('-');
            if (yearMonth) {
                sb.append(Math.abs(f.year)).append('-').append(Math.abs(f.mon));
            } else {
                if (f.mday != 0) sb.append(Math.abs(f.mday)).append(' ');
                sb.append(Math.abs(f.hour)).append(':');
                pad2(sb, Math.abs(f.min)).append(':');
                seconds(sb, f.sec, f.fsec, true);
            }
        }
    }

    private static void iso(Fields f, StringBuilder sb) {
        if (f.year == 0 && f.mon == 0 && f.mday == 0 && f.timeZero()) {
            sb.append("PT0S");
            return;
        }
        sb.append('P');
        isoPart(sb, f.year, 'Y');
        isoPart(sb, f.mon, 'M');
        isoPart(sb, f.mday, 'D');
        if (!f.timeZero()) sb.append('T');
        isoPart(sb, f.hour, 'H');
        isoPart(sb, f.min, 'M');
        if (f.sec != 0 || f.fsec != 0) {
            if (f.sec < 0 || f.fsec < 0) sb.append('-');
            seconds(sb, f.sec, f.fsec, false);
            sb.append('S');
        }
    }

    private static void isoPart(StringBuilder sb, long value, char unit) {
        if (value != 0) sb.append(value).append(unit);
    }

    private static StringBuilder pad2(StringBuilder sb, long v) {
        if (v < 10) sb.append('0');
        return sb.append(v);
    }

    /** Seconds without sign, two digits if {@code fill}, then up to six fraction digits without trailing zeros. */
    private static void seconds(StringBuilder sb, long sec, long fsec, boolean fill) {
        if (fill) pad2(sb, Math.abs(sec)); else sb.append(Math.abs(sec));
        if (fsec != 0) {
            String digits = Long.toString(1_000_000 + Math.abs(fsec)).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            sb.append('.').append(digits, 0, end);
        }
    }

    // ---- reading ----------------------------------------------------------------------------

    static Interval parse(String text) throws SQLException {
        if (text == null) throw new NullPointerException("text");
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            switch (s) {
                case "infinity", "+infinity": return Interval.POSITIVE_INFINITY;
                case "-infinity": return Interval.NEGATIVE_INFINITY;
                default: break;
            }
            if (s.startsWith("p")) return IsoIntervalText.parse(s, text);
            return parseFields(s, text);
        } catch (ArithmeticException e) {
            throw SqlExceptions.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range: \"" + shorten(text) + "\"", e);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw bad(text);
        }
    }

    static SQLException bad(String text) {
        return SqlExceptions.of(SqlState.INVALID_DATETIME_FORMAT,
            "invalid input syntax for type interval: \"" + shorten(text) + "\"");
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** An interval being summed up while reading. */
    static final class Sum {
        long months;
        long days;
        long micros;

        /** Adds {@code value} of a unit of {@code monthsPer} months, {@code daysPer} days or {@code microsPer} microseconds. */
        void add(BigDecimal value, int monthsPer, int daysPer, long microsPer) {
            if (value.scale() <= 0) { // a whole number: no fraction to spill
                long v = value.longValueExact();
                if (monthsPer != 0) months = Math.addExact(months, Math.multiplyExact(v, monthsPer));
                else if (daysPer != 0) days = Math.addExact(days, Math.multiplyExact(v, daysPer));
                else micros = Math.addExact(micros, Math.multiplyExact(v, microsPer));
            } else if (monthsPer != 0) {
                BigDecimal m = value.multiply(BigDecimal.valueOf(monthsPer));
                BigDecimal whole = m.setScale(0, RoundingMode.DOWN);
                months = Math.addExact(months, whole.longValueExact());
                addDays(m.subtract(whole).multiply(BigDecimal.valueOf(30)));
            } else if (daysPer != 0) {
                addDays(value.multiply(BigDecimal.valueOf(daysPer)));
            } else {
                micros = Math.addExact(micros, value.multiply(BigDecimal.valueOf(microsPer))
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            }
        }

        private void addDays(BigDecimal d) {
            BigDecimal whole = d.setScale(0, RoundingMode.DOWN);
            days = Math.addExact(days, whole.longValueExact());
            micros = Math.addExact(micros, d.subtract(whole).multiply(BigDecimal.valueOf(Interval.MICROS_PER_DAY))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        }

        Interval toInterval(boolean negate) {
            long m = negate ? -months : months;
            long d = negate ? -days : days;
            long u = negate ? Math.negateExact(micros) : micros;
            return new Interval(Math.toIntExact(m), Math.toIntExact(d), u);
        }
    }

    private static Interval parseFields(String s, String original) throws SQLException {
        if (s.startsWith("@")) s = s.substring(1).trim();
        boolean ago = false;
        if (s.endsWith(" ago") || s.equals("ago")) {
            ago = true;
            s = s.substring(0, s.length() - 3).trim();
        }
        List<String> tokens = tokens(s);
        if (tokens.isEmpty()) throw bad(original);
        Sum sum = new Sum();
        boolean sqlStandard = false;
        int signedTokens = 0;
        boolean leadingMinus = tokens.get(0).startsWith("-");
        List<Sum> fields = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean signed = t.startsWith("-") || t.startsWith("+");
            if (signed) signedTokens++;
            Sum field = new Sum();
            if (t.indexOf(':') >= 0) {
                field.micros = time(t, original);
            } else if (isYearMonth(t)) {
                sqlStandard = true;
                int dash = t.indexOf('-', 1);
                long y = Long.parseLong(t.substring(signed ? 1 : 0, dash));
                long m = Long.parseLong(t.substring(dash + 1));
                long total = Math.addExact(Math.multiplyExact(y, 12), m);
                field.months = t.startsWith("-") ? -total : total;
            } else if (isNumber(t)) {
                BigDecimal value = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
                String unit = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                IntervalUnit u = unit == null ? null : IntervalUnit.of(unit);
                if (u != null) {
                    i++;
                    field.add(value, u.months, u.days, u.micros);
                } else if (unit != null && unit.indexOf(':') >= 0) {
                    sqlStandard = true; // a day count without its unit
                    field.add(value, 0, 1, 0);
                } else if (unit == null) {
                    field.add(value, 0, 0, MICROS_PER_SECOND); // a number alone counts seconds
                } else {
                    throw bad(original);
                }
            } else {
                throw bad(original);
            }
            fields.add(field);
        }
        // in sql_standard style a single leading minus applies to every field
        boolean spreadSign = leadingMinus && signedTokens == 1 && sqlStandard;
        // "ago" negates each field as it is summed, so that the least time (… 54.775808 secs ago) does not overflow
        for (int i = 0; i < fields.size(); i++) {
            Sum f = fields.get(i);
            long sign = (spreadSign && i > 0 ? -1 : 1) * (ago ? -1 : 1);
            sum.months = Math.addExact(sum.months, sign * f.months);
            sum.days = Math.addExact(sum.days, sign * f.days);
            sum.micros = Math.addExact(sum.micros, Math.multiplyExact(sign, f.micros));
        }
        return sum.toInterval(false);
    }

    /** Whitespace-separated tokens, with a number glued to its unit ({@code 3days}) split in two. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int at = 0;
        int n = s.length();
        while (at < n) {
            while (at < n && isSeparator(s.charAt(at))) at++;
            int start = at;
            while (at < n && !isSeparator(s.charAt(at))) at++;
            if (start == at) break;
            String raw = s.substring(start, at);
            int split = 0;
            while (split < raw.length() && "+-0123456789.e".indexOf(raw.charAt(split)) >= 0) split++;
            if (split > 0 && split < raw.length() && Character.isLetter(raw.charAt(split)) && raw.indexOf(':') < 0
                    && raw.indexOf('-', 1) < 0) {
                out.add(raw.substring(0, split));
                out.add(raw.substring(split));
            } else {
                out.add(raw);
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** {@code [+-]digits-digits}. */
    private static boolean isYearMonth(String t) {
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        int dash = t.indexOf('-', i);
        return dash > i && dash < t.length() - 1 && digits(t, i, dash) && digits(t, dash + 1, t.length());
    }

    /** {@code [+-]digits[.digits][e[+-]digits]}, or a fraction without leading digits. */
    private static boolean isNumber(String t) {
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        int n = t.length();
        int e = t.indexOf('e', i);
        int mantissaEnd = e < 0 ? n : e;
        int dot = t.indexOf('.', i);
        boolean mantissa = dot < 0 || dot >= mantissaEnd
            ? mantissaEnd > i && digits(t, i, mantissaEnd)
            : (dot > i || dot + 1 < mantissaEnd) && digits(t, i, dot) && digits(t, dot + 1, mantissaEnd);
        if (!mantissa || e < 0) return mantissa;
        int x = e + 1 < n && (t.charAt(e + 1) == '-' || t.charAt(e + 1) == '+') ? e + 2 : e + 1;
        return x < n && digits(t, x, n);
    }

    private static boolean digits(String t, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** {@code [+-]h:mm[:ss[.ffffff]]} in microseconds, negative if signed so. */
    private static long time(String t, String original) throws SQLException {
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        String[] parts = body.split(":", -1);
        if (parts.length < 2 || parts.length > 3) throw bad(original);
        long hours = Long.parseLong(parts[0]);
        long minutes = Long.parseLong(parts[1]);
        long secondMicros = parts.length == 3 ? secondsInMicros(parts[2], original) : 0;
        if (parts[1].isEmpty() || minutes < 0 || minutes > 59 || hours < 0 || secondMicros >= 60 * MICROS_PER_SECOND) {
            throw bad(original);
        }
        // summed with the sign, so that the least time (-2562047788:00:54.775808) does not overflow
        long sign = negative ? -1 : 1;
        long micros = Math.addExact(Math.multiplyExact(hours, sign * MICROS_PER_HOUR), sign * minutes * MICROS_PER_MINUTE);
        return Math.addExact(micros, sign * secondMicros);
    }

    /** {@code ss[.ffffff]} in microseconds, digits beyond the sixth rounded half to even. */
    private static long secondsInMicros(String s, String original) throws SQLException {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (whole.isEmpty() || !digits(whole, 0, whole.length())) throw bad(original);
        if (dot < 0) return Math.multiplyExact(Long.parseLong(whole), MICROS_PER_SECOND);
        String fraction = s.substring(dot + 1);
        if (!digits(fraction, 0, fraction.length())) throw bad(original);
        if (fraction.length() > 6) {
            return new BigDecimal(s).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
        long f = fraction.isEmpty() ? 0 : Long.parseLong(fraction);
        for (int i = fraction.length(); i < 6; i++) f *= 10;
        return Math.addExact(Math.multiplyExact(Long.parseLong(whole), MICROS_PER_SECOND), f);
    }
}
