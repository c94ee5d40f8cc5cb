package io.ysql.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection option, declared once in {@link Options}: its canonical name (libpq's where libpq
 * has one), the other names it is known by (pgjdbc and YugabyteDB smart-driver spellings), the
 * environment variable that supplies it, its {@link OptionType}, its default, a one-paragraph
 * description, whether it is a secret, how often it matters ({@link Tier}) and what the driver does
 * with it ({@link Status}). Parsing, validation, {@code Driver.getPropertyInfo} and the generated
 * option reference are all driven by these declarations. Options compare by identity.
 *
 * @param <T> the Java type of the option's value
 */
public final class ConnectionOption<T> {
    /** What the driver does with an option. */
    public enum Status {
        /** The option has its documented effect. */
        SUPPORTED,
        /** A known name that is validated but has no effect (logged at DEBUG when given). */
        IGNORED,
        /** A known name that is refused whenever it is given a non-empty value. */
        REJECTED
    }

    /** How often an option matters, to order the documentation. */
    public enum Tier {
        /** Options most users set. */
        COMMON,
        /** Options for special needs. */
        ADVANCED
    }

    private static final int MAX_SHOWN_VALUE = 100;

    private final String name;
    private final List<String> aliases;
    private final String envVar;
    private final OptionType<T> type;
    private final String defaultText;
    private final String doc;
    private final boolean secret;
    private final Tier tier;
    private final Status status;

    private ConnectionOption(Builder<T> b) {
        this.name = b.name;
        this.aliases = List.copyOf(b.aliases);
        this.envVar = b.envVar;
        this.type = b.type;
        this.defaultText = b.defaultText;
        this.doc = Objects.requireNonNull(b.doc, "doc of " + b.name);
        this.secret = b.secret;
        this.tier = b.tier;
        this.status = b.status;
        if (defaultText != null && !defaultText.startsWith("~/")) {
            type.parse(defaultText); // a declaration with a bad default fails at class initialisation
        }
    }

    /** Starts the declaration of an option called {@code name} of type {@code type}. */
    public static <T> Builder<T> builder(String name, OptionType<T> type) {
        return new Builder<>(name, type);
    }

    /** The canonical name. */
    public String name() {
        return name;
    }

    /** The other accepted names, in declaration order. */
    public List<String> aliases() {
        return aliases;
    }

    /** The canonical name followed by the aliases. */
    public List<String> names() {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(name);
        all.addAll(aliases);
        return List.copyOf(all);
    }

    /** The environment variable that supplies the option when it is not given, as in libpq. */
    public Optional<String> envVar() {
        return Optional.ofNullable(envVar);
    }

    /** The option's type. */
    public OptionType<T> type() {
        return type;
    }

    /**
     * The default as text, if any; a leading {@code ~/} stands for the user's home directory and is
     * expanded when a configuration is built.
     */
    public Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    /** One paragraph saying what the option does. */
    public String doc() {
        return doc;
    }

    /** Whether the value is a secret, never shown in messages, logs or {@code toString}. */
    public boolean secret() {
        return secret;
    }

    /** How often the option matters. */
    public Tier tier() {
        return tier;
    }

    /** What the driver does with the option. */
    public Status status() {
        return status;
    }

    /**
     * Parses a value given for this option under the name {@code givenAs}.
     *
     * @param origin where the value came from, for the message (e.g. "environment variable
     *               PGPORT"), or {@code null}
     * @throws SQLException SQLSTATE 08001, naming the option, the value (unless secret) and what
     *                      is allowed
     */
    public T parse(String text, String givenAs, String origin) throws SQLException {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigError.of("invalid value " + shown(text) + " for option \"" + givenAs + "\""
                            + (origin == null ? "" : " (from " + origin + ")") + ": " + e.getMessage());
        }
    }

    /** Parses a value given under the canonical name. */
    public T parse(String text) throws SQLException {
        return parse(text, name, null);
    }

    /** The value as text; {@code <redacted>} for a secret option. */
    public String display(Object value) {
        if (value == null) return null;
        return secret ? "<redacted>" : type.formatObject(value);
    }

    private String shown(String text) {
        if (secret) return "<redacted>";
        String t = text.length() > MAX_SHOWN_VALUE ? text.substring(0, MAX_SHOWN_VALUE) + "…" : text;
        return "\"" + t + "\"";
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares one option; see {@link Options} for the declarations. */
    public static final class Builder<T> {
        private final String name;
        private final OptionType<T> type;
        private final List<String> aliases = new ArrayList<>();
        private String envVar;
        private String defaultText;
        private String doc;
        private boolean secret;
        private Tier tier = Tier.ADVANCED;
        private Status status = Status.SUPPORTED;

        private Builder(String name, OptionType<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Adds other accepted names. */
        public Builder<T> alias(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        /** The environment variable that supplies the option. */
        public Builder<T> env(String variable) {
            this.envVar = variable;
            return this;
        }

        /** The default, as text the type parses ({@code ~/} for the home directory). */
        public Builder<T> defaultText(String text) {
            this.defaultText = text;
            return this;
        }

        /** The one-paragraph description. */
        public Builder<T> doc(String text) {
            this.doc = text;
            return this;
        }

        /** Marks the value as a secret. */
        public Builder<T> secret() {
            this.secret = true;
            return this;
        }

        /** Lists the option among the common ones. */
        public Builder<T> common() {
            this.tier = Tier.COMMON;
            return this;
        }

        /** Sets what the driver does with the option (default {@link Status#SUPPORTED}). */
        public Builder<T> status(Status s) {
            this.status = s;
            return this;
        }

        /** The finished declaration. */
        public ConnectionOption<T> build() {
            return new ConnectionOption<>(this);
        }
    }
}
