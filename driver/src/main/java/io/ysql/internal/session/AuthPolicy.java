package io.ysql.internal.session;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the client accepts from the server during authentication, as libpq's
 * {@code channel_binding} and {@code require_auth}: the check runs before anything derived from
 * the password is sent, so a server (or a man in the middle) cannot downgrade the exchange.
 *
 * @param channelBinding {@code disable}, {@code prefer} or {@code require}
 * @param methods the methods {@code require_auth} allows ({@code password}, {@code md5},
 *     {@code scram-sha-256}, {@code gss}, {@code sspi}, {@code none}); empty = any
 * @param negated true when {@code require_auth} listed methods to refuse ({@code !md5})
 */
public record AuthPolicy(String channelBinding, Set<String> methods, boolean negated) {
    /** libpq's defaults: channel binding preferred, any method. */
    public static final AuthPolicy DEFAULT = new AuthPolicy("prefer", Set.of(), false);

    public AuthPolicy {
        channelBinding = channelBinding == null ? "prefer" : channelBinding.toLowerCase(Locale.ROOT);
        methods = Set.copyOf(methods);
    }

    /** Builds the policy from {@code require_auth}'s list, whose entries are all plain or all negated. */
    public static AuthPolicy of(String channelBinding, List<String> requireAuth) {
        if (requireAuth == null || requireAuth.isEmpty()) return new AuthPolicy(channelBinding, Set.of(), false);
        boolean negated = requireAuth.get(0).startsWith("!");
        Set<String> names = new java.util.HashSet<>();
        for (String m : requireAuth) names.add(m.startsWith("!") ? m.substring(1) : m);
        return new AuthPolicy(channelBinding, names, negated);
    }

    public boolean bindingRequired() { return channelBinding.equals("require"); }

    public boolean bindingDisabled() { return channelBinding.equals("disable"); }

    /**
     * Refuses {@code method} ({@code password}, {@code md5}, {@code scram-sha-256}, {@code none})
     * when require_auth or a required channel binding rules it out; {@code serverAsked} says what
     * the server requested, for the message.
     */
    void check(String method, String serverAsked) throws SQLException {
        boolean listed = methods.contains(method);
        if (!methods.isEmpty() && listed == negated) {
            throw SqlExceptions.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "authentication method requirement \""
                    + describe() + "\" failed: " + serverAsked + "; nothing derived from the password was sent");
        }
        if (bindingRequired() && !method.equals("scram-sha-256")) {
            throw SqlExceptions.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "channel binding is required (channel_binding"
                    + "=require), but " + serverAsked + ", which has no channel binding; nothing derived from the password was sent");
        }
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        for (String m : new java.util.TreeSet<>(methods)) {
            if (sb.length() > 0) sb.append(',');
            sb.append(negated ? "!" : "").append(m);
        }
        return sb.toString();
    }
}
