package io.ysql.types;

import java.util.HashMap;
import java.util.Map;

/**
 * The units the server accepts after a number in interval input ({@code 3 days}, {@code 1.5 hrs},
 * {@code 2 weeks}), with their size in months, days or microseconds (exactly one is non-zero).
 */
enum IntervalUnit {
    MICROSECOND(0, 0, 1, "microsecond", "microseconds", "microsecon", "us", "usec", "usecs", "useconds"),
    MILLISECOND(0, 0, 1_000, "millisecond", "milliseconds", "millisecon", "ms", "msec", "msecs", "mseconds"),
    SECOND(0, 0, Interval.MICROS_PER_SECOND, "second", "seconds", "s", "sec", "secs"),
    MINUTE(0, 0, 60_000_000L, "minute", "minutes", "m", "min", "mins"),
    HOUR(0, 0, 3_600_000_000L, "hour", "hours", "h", "hr", "hrs"),
    DAY(0, 1, 0, "day", "days", "d"),
    WEEK(0, 7, 0, "week", "weeks", "w"),
    MONTH(1, 0, 0, "month", "months", "mon", "mons"),
    YEAR(12, 0, 0, "year", "years", "y", "yr", "yrs"),
    DECADE(120, 0, 0, "decade", "decades", "dec", "decs"),
    CENTURY(1200, 0, 0, "century", "centuries", "c", "cent"),
    MILLENNIUM(12000, 0, 0, "millennium", "millennia", "mil", "mils");

    final int months;
    final int days;
    final long micros;
    private final String[] names;

    IntervalUnit(int months, int days, long micros, String... names) {
        this.months = months;
        this.days = days;
        this.micros = micros;
        this.names = names;
    }

    private static final Map<String, IntervalUnit> BY_NAME = index();

    private static Map<String, IntervalUnit> index() {
        Map<String, IntervalUnit> m = new HashMap<>();
        for (IntervalUnit u : values()) {
            for (String n : u.names) m.put(n, u);
        }
        return Map.copyOf(m);
    }

    /** The unit spelled {@code word} (lower case), or null. */
    static IntervalUnit of(String word) {
        return BY_NAME.get(word);
    }
}
