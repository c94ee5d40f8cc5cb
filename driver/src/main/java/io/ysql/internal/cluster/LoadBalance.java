package io.ysql.internal.cluster;

import java.util.Locale;
import java.util.Optional;

/**
 * The value of {@code load_balance} when it is on: which node types a connection may go to. As in
 * the YugabyteDB smart drivers, {@code true} means {@link #ANY}; {@code only-*} fail when no server
 * of that type is available, {@code prefer-*} fall back to the other type.
 */
public enum LoadBalance {
    ANY, ONLY_PRIMARY, ONLY_RR, PREFER_PRIMARY, PREFER_RR;

    /** The policy for an option value ({@code false} → empty); the value was validated by config. */
    public static Optional<LoadBalance> of(String value) {
        if (value == null) return Optional.empty();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "false" -> Optional.empty();
            case "true", "any" -> Optional.of(ANY);
            case "only-primary" -> Optional.of(ONLY_PRIMARY);
            case "only-rr" -> Optional.of(ONLY_RR);
            case "prefer-primary" -> Optional.of(PREFER_PRIMARY);
            case "prefer-rr" -> Optional.of(PREFER_RR);
            default -> throw new IllegalArgumentException("unknown load_balance value \"" + value + "\"");
        };
    }

    /** Whether a server of this type is acceptable; {@code strict} is the first pass of prefer-*. */
    boolean accepts(ServerEntry server, boolean strict) {
        return switch (this) {
            case ANY -> true;
            case ONLY_PRIMARY -> server.primary();
            case ONLY_RR -> !server.primary();
            case PREFER_PRIMARY -> !strict || server.primary();
            case PREFER_RR -> !strict || !server.primary();
        };
    }

    boolean prefers() {
        return this == PREFER_PRIMARY || this == PREFER_RR;
    }

    /** Whether finding no server is an error rather than a reason for a plain connection. */
    boolean failsWhenNone() {
        return this == ONLY_PRIMARY || this == ONLY_RR;
    }

    /** The option value that names this policy. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
