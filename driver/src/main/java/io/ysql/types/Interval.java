package io.ysql.types;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A PostgreSQL {@code interval}: the server's three independent fields, months, days and
 * microseconds, kept apart because a month is not a fixed number of days nor a day a fixed number
 * of hours (across a daylight-saving change). Equality compares the three fields, so {@code 1 mon}
 * and {@code 30 days} differ here although the server's {@code =} calls them equal. {@link
 * #toString()} is the server's default ({@code IntervalStyle=postgres}) spelling; {@link
 * #format(Style)} spells any other style and {@link #parse(String)} reads every style's output.
 * {@link #toDuration()} counts a month as 30 days and twelve months as 365 days, as psycopg
 * converts intervals to {@code timedelta}; {@link #toPeriod()} drops nothing of the months and
 * days but requires the time part to be whole days of 24 hours.
 *
 * @param months       months (years are twelve months)
 * @param days         days
 * @param microseconds the time part, in microseconds
 */
public record Interval(int months, int days, long microseconds) implements Comparable<Interval> {
    /** The zero interval, {@code 00:00:00}. */
    public static final Interval ZERO = new Interval(0, 0, 0);
    /** PostgreSQL 17's {@code infinity} interval. */
    public static final Interval POSITIVE_INFINITY = new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
    /** PostgreSQL 17's {@code -infinity} interval. */
    public static final Interval NEGATIVE_INFINITY = new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);

    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    /** The output styles of the server's {@code IntervalStyle} setting. */
    public enum Style {
        /** {@code 1 year 2 mons 3 days 04:05:06.5} (the server's default). */
        POSTGRES,
        /** {@code @ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs}. */
        POSTGRES_VERBOSE,
        /** {@code 1-2}, {@code 3 4:05:06.5}, {@code +1-2 +3 +4:05:06.5}. */
        SQL_STANDARD,
        /** {@code P1Y2M3DT4H5M6.5S}. */
        ISO_8601;

        /** The style named as the {@code IntervalStyle} parameter names it; {@link #POSTGRES} for null or unknown. */
        public static Style ofSetting(String setting) {
            if (setting == null) return POSTGRES;
            return switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "postgres_verbose" -> POSTGRES_VERBOSE;
                case "sql_standard" -> SQL_STANDARD;
                case "iso_8601" -> ISO_8601;
                default -> POSTGRES;
            };
        }
    }

    /** An interval of the three fields. */
    public static Interval of(int months, int days, long microseconds) {
        return new Interval(months, days, microseconds);
    }

    /** The months and days of {@code period} (years as twelve months) plus the time of {@code duration}. */
    public static Interval of(Period period, Duration duration) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(duration, "duration");
        return new Interval(Math.toIntExact(period.toTotalMonths()), period.getDays(), micros(duration));
    }

    /** The months and days of {@code period}, years counted as twelve months. */
    public static Interval ofPeriod(Period period) {
        return of(period, Duration.ZERO);
    }

    /**
     * {@code duration} as a time part only ({@code 49:00:00} for two days and an hour), to the
     * microsecond (finer nanoseconds are truncated toward zero), as pgjdbc and psycopg send it.
     */
    public static Interval ofDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return new Interval(0, 0, micros(duration));
    }

    /** Parses any {@code IntervalStyle} output of the server and the common input spellings; 22P02 if malformed. */
    public static Interval parse(String text) throws SQLException {
        return IntervalText.parse(text);
    }

    /** The field-wise sum; {@link ArithmeticException} when a field overflows. */
    public Interval plus(Interval other) {
        return new Interval(Math.addExact(months, other.months), Math.addExact(days, other.days),
            Math.addExact(microseconds, other.microseconds));
    }

    /** Each field negated. */
    public Interval negated() {
        return new Interval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(microseconds));
    }

    /** Whether this is the {@code infinity} or {@code -infinity} interval. */
    public boolean isInfinite() {
        return equals(POSITIVE_INFINITY) || equals(NEGATIVE_INFINITY);
    }

    /**
     * The interval as an exact length of time: the time part plus the days as 24 hours each and
     * the months as 30 days each, twelve months as 365 days (psycopg's convention; the server's
     * {@code extract(epoch ...)} counts a year as 365.25 days). Fails for an infinite interval.
     */
    public Duration toDuration() {
        if (isInfinite()) throw new ArithmeticException("an infinite interval has no duration");
        long totalDays = (long) days + (months / 12) * 365L + (months % 12) * 30L;
        return Duration.ofDays(totalDays).plus(Duration.of(microseconds, ChronoUnit.MICROS));
    }

    /**
     * The months and days as a {@link Period} (months above a year as years); the time part must
     * be whole days, which are added to the days. Fails otherwise, and for an infinite interval.
     */
    public Period toPeriod() {
        if (isInfinite()) throw new ArithmeticException("an infinite interval has no period");
        if (microseconds % MICROS_PER_DAY != 0) {
            throw new ArithmeticException("interval " + this + " has a time part that is not whole days");
        }
        int allDays = Math.addExact(days, Math.toIntExact(microseconds / MICROS_PER_DAY));
        return Period.of(months / 12, months % 12, allDays);
    }

    /** The interval spelled as the server spells it with {@code IntervalStyle} set to {@code style}. */
    public String format(Style style) {
        return IntervalText.format(this, style);
    }

    /** The server's default spelling ({@code IntervalStyle=postgres}), e.g. {@code 1 year 2 mons 3 days 04:05:06}. */
    @Override
    public String toString() {
        return IntervalText.format(this, Style.POSTGRES);
    }

    /**
     * Orders by the server's interval comparison: the total length with a month of 30 days and
     * a day of 24 hours, so {@code 1 mon} and {@code 30 days} compare as equal (while {@link
     * #equals} tells them apart).
     */
    @Override
    public int compareTo(Interval o) {
        return Long.compare(span(this), span(o)) != 0 ? Long.compare(span(this), span(o))
            : Long.compare(spanRemainder(this), spanRemainder(o));
    }

    private static long span(Interval i) {
        // total in days (months as 30 days) plus whole days of the time part, then the rest
        return (long) i.months * 30 + i.days + Math.floorDiv(i.microseconds, MICROS_PER_DAY);
    }

    private static long spanRemainder(Interval i) {
        return Math.floorMod(i.microseconds, MICROS_PER_DAY);
    }

    private static long micros(Duration d) {
        long seconds = d.getSeconds();
        return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), d.getNano() / 1000);
    }
}
