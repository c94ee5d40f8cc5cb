package io.ysql.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates {@code require_auth} as libpq 16 does: a comma-separated list of authentication
 * methods, either all plain (the methods allowed) or all prefixed with {@code !} (the methods
 * forbidden), each at most once.
 */
final class AuthMethods {
    static final List<String> METHODS = List.of("password", "md5", "gss", "sspi", "scram-sha-256", "oauth", "none");

    private AuthMethods() {}

    static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Boolean negated = null;
        for (String raw : text.split(",", -1)) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            boolean neg = item.startsWith("!");
            String method = neg ? item.substring(1) : item;
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("unknown authentication method \"" + raw.trim()
                        + "\"; expected a comma-separated list of " + String.join(", ", METHODS));
            }
            if (negated != null && negated != neg) {
                throw new IllegalArgumentException("negated and non-negated methods cannot be mixed");
            }
            if (!seen.add(method)) {
                throw new IllegalArgumentException("authentication method \"" + method + "\" is listed twice");
            }
            negated = neg;
            out.add(item);
        }
        return List.copyOf(out);
    }
}
