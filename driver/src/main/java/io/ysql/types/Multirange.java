package io.ysql.types;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * A value of a PostgreSQL multirange type ({@code int4multirange} … {@code tstzmultirange},
 * PostgreSQL 14 and later): an ordered list of ranges, spelled {@code {[1,3),[5,7)}} ({@code {}}
 * when empty). The server merges overlapping and adjacent ranges and drops empty ones; this
 * class keeps the list as given.
 *
 * @param <T> the class of the ranges' bounds
 */
public final class Multirange<T> {
    private final List<Range<T>> ranges;

    private Multirange(List<Range<T>> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The multirange of these ranges, in this order. */
    public static <T> Multirange<T> of(List<Range<T>> ranges) {
        return new Multirange<>(ranges);
    }

    /** The multirange of these ranges, in this order. */
    @SafeVarargs
    public static <T> Multirange<T> of(Range<T>... ranges) {
        return new Multirange<>(List.of(ranges));
    }

    /** Reads {@code {[1,3),[5,7)}} with bounds as their text; 22P02 if malformed. */
    public static Multirange<String> parse(String text) throws SQLException {
        return RangeText.parseMultirange(text, s -> s);
    }

    /** Reads {@code {[1,3),[5,7)}}, each bound turned into {@code T} by {@code bounds}; 22P02 if malformed. */
    public static <T> Multirange<T> parse(String text, Range.BoundParser<T> bounds)
            throws SQLException {
        return RangeText.parseMultirange(text, bounds);
    }

    /** The ranges (unmodifiable). */
    public List<Range<T>> ranges() {
        return ranges;
    }

    public boolean isEmpty() {
        return ranges.stream().allMatch(Range::isEmpty);
    }

    /** Whether one of the ranges contains {@code value}. */
    public boolean contains(T value) {
        Objects.requireNonNull(value, "value");
        return ranges.stream().anyMatch(r -> r.contains(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multirange<?> m && m.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** The server's spelling: the ranges between braces, separated by commas. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append('{');
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) sb.append(',');
            RangeText.format(ranges.get(i), sb);
        }
        return sb.append('}').toString();
    }
}
