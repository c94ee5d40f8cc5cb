package io.ysql.types;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * Reads ISO 8601 durations with designators, as {@code IntervalStyle=iso_8601} prints them
 * ({@code P1Y2M3DT4H5M6.5S}, each number with its own sign: {@code P-1Y-2M3DT-4H}); weeks
 * ({@code P2W}) and fractions are accepted as the server accepts them.
 */
final class IsoIntervalText {
    private IsoIntervalText() {}

    /** {@code s} is the lower-cased text starting with {@code p}; {@code original} is quoted in errors. */
    static Interval parse(String s, String original) throws SQLException {
        IntervalText.Sum sum = new IntervalText.Sum();
        boolean time = false;
        int i = 1;
        boolean any = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 't') {
                if (time) throw IntervalText.bad(original);
                time = true;
                i++;
                continue;
            }
            int start = i;
            if (c == '-' || c == '+') i++;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            if (i == start || i >= s.length()) throw IntervalText.bad(original);
            BigDecimal value = new BigDecimal(s.substring(s.charAt(start) == '+' ? start + 1 : start, i));
            char unit = s.charAt(i++);
            IntervalUnit u = switch (unit) {
                case 'y' -> time ? null : IntervalUnit.YEAR;
                case 'm' -> time ? IntervalUnit.MINUTE : IntervalUnit.MONTH;
                case 'w' -> time ? null : IntervalUnit.WEEK;
                case 'd' -> time ? null : IntervalUnit.DAY;
                case 'h' -> time ? IntervalUnit.HOUR : null;
                case 's' -> time ? IntervalUnit.SECOND : null;
                default -> null;
            };
            if (u == null) throw IntervalText.bad(original);
            sum.add(value, u.months, u.days, u.micros);
            any = true;
        }
        if (!any) throw IntervalText.bad(original);
        return sum.toInterval(false);
    }
}
