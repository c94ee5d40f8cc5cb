package io.ysql.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The type of a connection option: how its text is parsed and validated, how a value is written
 * back as text, and how the type is described in errors and in the option reference. Parsing is
 * strict: a value that does not fit fails with the list of what is allowed, it never falls back to
 * a default silently. An empty text means "no value" (the option's default applies) unless the
 * type gives the empty text a meaning of its own ({@link #SECONDS}: no time limit).
 *
 * @param <T> the Java type of a parsed value
 */
public final class OptionType<T> {
    /** Largest number of seconds whose milliseconds still fit an {@code int} (socket timeouts). */
    static final int MAX_SECONDS = Integer.MAX_VALUE / 1000;

    /** Any text. */
    public static final OptionType<String> STRING = new OptionType<>("text", List.of(), s -> s, s -> s, null);

    /** true/false, on/off, yes/no, 1/0 (any case), as libpq and pgjdbc accept them. */
    public static final OptionType<Boolean> BOOLEAN = new OptionType<>(
            "a boolean (true/false, on/off, yes/no, 1/0)", List.of("true", "false"),
            OptionType::parseBoolean, b -> b.toString(), null);

    /** Whole seconds from 0 up; 0 and the empty text mean no limit ({@link Duration#ZERO}). */
    public static final OptionType<Duration> SECONDS = new OptionType<>(
            "a whole number of seconds from 0 to " + MAX_SECONDS + " (0 = no limit)", List.of(),
            s -> Duration.ofSeconds(parseInt(s, 0, MAX_SECONDS)), d -> Long.toString(d.getSeconds()),
            Duration.ZERO);

    /** A comma-separated list of host names, IP addresses or Unix-socket directories. */
    public static final OptionType<List<String>> HOST_LIST = new OptionType<>(
            "host name, IP address or Unix-socket directory; or a comma-separated list of them", List.of(),
            s -> List.of(s.split(",", -1)), l -> String.join(",", l), null);

    /** A comma-separated list of numeric IP addresses (never resolved through DNS). */
    public static final OptionType<List<String>> ADDRESS_LIST = new OptionType<>(
            "a numeric IPv4 or IPv6 address, or a comma-separated list of them", List.of(),
            s -> List.of(s.split(",", -1)).stream().map(NumericAddress::check).toList(),
            l -> String.join(",", l), null);

    /**
     * A port from 1 to 65535, or a comma-separated list of them; an empty entry in a list stands
     * for the default port 5433 (as in libpq).
     */
    public static final OptionType<List<Integer>> PORT_LIST = new OptionType<>(
            "port number from 1 to 65535, or a comma-separated list of them", List.of(),
            OptionType::parsePorts, l -> String.join(",", l.stream().map(String::valueOf).toList()), null);

    private final String description;
    private final List<String> choices;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final T emptyValue;

    private OptionType(String description, List<String> choices, Function<String, T> parser,
                       Function<T, String> formatter, T emptyValue) {
        this.description = description;
        this.choices = List.copyOf(choices);
        this.parser = parser;
        this.formatter = formatter;
        this.emptyValue = emptyValue;
    }

    /** An integer from {@code min} to {@code max}. */
    public static OptionType<Integer> integer(int min, int max) {
        return new OptionType<>("an integer from " + min + " to " + max, List.of(),
                s -> parseInt(s, min, max), String::valueOf, null);
    }

    /** One of fixed words, matched ignoring case and returned in the spelling given here. */
    public static OptionType<String> oneOf(String... values) {
        List<String> choices = List.of(values);
        return new OptionType<>("one of " + String.join(", ", choices), choices, s -> {
            for (String c : choices) {
                if (c.equalsIgnoreCase(s)) return c;
            }
            throw new IllegalArgumentException();
        }, s -> s, null);
    }

    /** One constant of a Java enum, written as {@code label} gives it and matched ignoring case. */
    public static <E extends Enum<E>> OptionType<E> enumeration(E[] values, Function<E, String> label) {
        List<E> all = Arrays.asList(values);
        List<String> labels = all.stream().map(label).toList();
        return new OptionType<>("one of " + String.join(", ", labels), labels, s -> {
            for (E e : all) {
                if (label.apply(e).equalsIgnoreCase(s)) return e;
            }
            throw new IllegalArgumentException();
        }, label, null);
    }

    /**
     * A type with its own parser; the parser throws {@link IllegalArgumentException}, with a
     * message saying what is allowed or with none (then "expected " + description is used).
     */
    public static <T> OptionType<T> of(String description, Function<String, T> parser, Function<T, String> formatter) {
        return new OptionType<>(description, List.of(), parser, formatter, null);
    }

    /** This type with every parsed value passed through {@code adjust} (e.g. a lower bound). */
    public OptionType<T> adjusted(String extraDescription, UnaryOperator<T> adjust) {
        return new OptionType<>(description + extraDescription, choices, parser.andThen(adjust), formatter,
                emptyValue == null ? null : adjust.apply(emptyValue));
    }

    /** What the type accepts, as shown in errors ("expected …") and in the option reference. */
    public String description() {
        return description;
    }

    /** The allowed words for enumerated types; empty for open types. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Parses {@code text}; returns {@code null} for the empty text unless the type gives it a
     * meaning.
     *
     * @throws IllegalArgumentException with a message saying what is allowed
     */
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) return emptyValue;
        try {
            T value = parser.apply(text);
            if (value == null) throw new IllegalArgumentException();
            return value;
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m == null || m.isEmpty() ? "expected " + description : m);
        }
    }

    /** The text that {@link #parse} turns back into {@code value}. */
    public String format(T value) {
        return formatter.apply(value);
    }

    @SuppressWarnings("unchecked")
    String formatObject(Object value) {
        return formatter.apply((T) value);
    }

    @Override
    public String toString() {
        return description;
    }

    static Boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            case "false", "off", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
        };
    }

    static int parseInt(String s, int min, int max) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 11) throw new IllegalArgumentException();
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException();
        }
        if (v < min || v > max) throw new IllegalArgumentException();
        return (int) v;
    }

    private static List<Integer> parsePorts(String s) {
        String[] parts = s.split(",", -1);
        List<Integer> ports = new ArrayList<>(parts.length);
        for (String p : parts) {
            try {
                ports.add(p.isEmpty() && parts.length > 1 ? HostSpec.DEFAULT_PORT : parseInt(p, 1, 65535));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected an integer from 1 to 65535"
                        + (parts.length > 1 ? " for every entry of the list" : ""));
            }
        }
        return List.copyOf(ports);
    }
}
