package io.ysql.types;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.Objects;

/**
 * A value of a PostgreSQL range type ({@code int4range}, {@code int8range}, {@code numrange},
 * {@code daterange}, {@code tsrange}, {@code tstzrange}): two bounds, each inclusive or exclusive
 * or absent (unbounded), or the empty range. The driver reads the built-in ranges with bounds of
 * {@code Integer}, {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime} and
 * {@code OffsetDateTime}, and sends a range typed after its bounds' class. {@link #toString()}
 * is the server's spelling ({@code [1,5)}, {@code (,3]}, {@code empty}, bounds quoted where
 * needed), timestamps with a time zone spelled in their own offset. Equality compares bounds and
 * flags as given: the server turns {@code [1,5]} of a discrete type into {@code [1,6)}, which this
 * class does not. pgjdbc returns a {@code PGobject}.
 *
 * @param <T> the class of the bounds, normally {@link Comparable}
 */
public final class Range<T> {
    private static final Range<?> EMPTY = new Range<>(null, false, null, false, true);
    private static final Range<?> ALL = new Range<>(null, false, null, false, false);

    private final T lower;
    private final boolean lowerInclusive;
    private final T upper;
    private final boolean upperInclusive;
    private final boolean empty;

    private Range(T lower, boolean lowerInclusive, T upper, boolean upperInclusive, boolean empty) {
        this.lower = lower;
        this.lowerInclusive = lower != null && lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upper != null && upperInclusive;
        this.empty = empty;
    }

    /** Reads the bound text of a range value into the bound class. */
    @FunctionalInterface
    public interface BoundParser<T> {
        T parse(String text) throws SQLException;
    }

    /** The empty range. */
    @SuppressWarnings("unchecked")
    public static <T> Range<T> empty() {
        return (Range<T>) EMPTY;
    }

    /** The range without bounds, {@code (,)}. */
    @SuppressWarnings("unchecked")
    public static <T> Range<T> all() {
        return (Range<T>) ALL;
    }

    /**
     * A range from {@code lower} to {@code upper}, either null for an unbounded side (whose
     * inclusive flag is then ignored). It is not checked that {@code lower <= upper}; the server
     * rejects a range whose lower bound is above its upper bound.
     */
    public static <T> Range<T> of(T lower, boolean lowerInclusive, T upper,
                                                                 boolean upperInclusive) {
        return new Range<>(lower, lowerInclusive, upper, upperInclusive, false);
    }

    /** {@code [lower,upper)}, the form the server gives discrete ranges. */
    public static <T> Range<T> closedOpen(T lower, T upper) {
        return of(lower, true, upper, false);
    }

    /** {@code [lower,upper]}. */
    public static <T> Range<T> closed(T lower, T upper) {
        return of(lower, true, upper, true);
    }

    /** {@code (lower,upper)}. */
    public static <T> Range<T> open(T lower, T upper) {
        return of(lower, false, upper, false);
    }

    /** {@code [lower,)}. */
    public static <T> Range<T> atLeast(T lower) {
        return of(Objects.requireNonNull(lower, "lower"), true, null, false);
    }

    /** {@code (,upper)}. */
    public static <T> Range<T> lessThan(T upper) {
        return of(null, false, Objects.requireNonNull(upper, "upper"), false);
    }

    /** Reads a range's text ({@code [1,5)}, {@code empty}, {@code (,"a b"]}) with bounds as their text; 22P02 if malformed. */
    public static Range<String> parse(String text) throws SQLException {
        return RangeText.parseRange(text, s -> s);
    }

    /** Reads a range's text, each bound's text turned into {@code T} by {@code bounds}; 22P02 if malformed. */
    public static <T> Range<T> parse(String text, BoundParser<T> bounds) throws SQLException {
        return RangeText.parseRange(text, bounds);
    }

    public boolean isEmpty() { return empty; }

    /** The lower bound, or null if the range is empty or unbounded below. */
    public T lower() { return lower; }

    /** The upper bound, or null if the range is empty or unbounded above. */
    public T upper() { return upper; }

    public boolean isLowerInclusive() { return lowerInclusive; }

    public boolean isUpperInclusive() { return upperInclusive; }

    public boolean isLowerUnbounded() { return !empty && lower == null; }

    public boolean isUpperUnbounded() { return !empty && upper == null; }

    /**
     * Whether {@code value} lies in the range, comparing with {@code T}'s natural order (all the
     * bound classes the driver reads are {@link Comparable}; {@link ClassCastException} otherwise).
     */
    @SuppressWarnings("unchecked")
    public boolean contains(T value) {
        return contains(value, (a, b) -> ((Comparable<Object>) a).compareTo(b));
    }

    /** Whether {@code value} lies in the range, comparing with {@code order}. */
    public boolean contains(T value, Comparator<? super T> order) {
        Objects.requireNonNull(value, "value");
        if (empty) return false;
        if (lower != null) {
            int c = order.compare(value, lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) return false;
        }
        if (upper != null) {
            int c = order.compare(value, upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range<?> r && r.empty == empty && r.lowerInclusive == lowerInclusive
            && r.upperInclusive == upperInclusive && Objects.equals(r.lower, lower) && Objects.equals(r.upper, upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower, upper, lowerInclusive, upperInclusive, empty);
    }

    /** The server's spelling: {@code empty}, or the bounds in brackets, quoted where needed. */
    @Override
    public String toString() {
        return RangeText.format(this, new StringBuilder()).toString();
    }
}
