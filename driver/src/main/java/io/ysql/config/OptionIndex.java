package io.ysql.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an option by any of its names: exactly first, then ignoring case. Refuses, when built,
 * two options that share a name (also ignoring case), so that the case-insensitive match can
 * never be ambiguous. Also proposes the closest name for a typo, by Damerau–Levenshtein distance.
 */
final class OptionIndex {
    private final List<ConnectionOption<?>> all;
    private final Map<String, ConnectionOption<?>> exact = new HashMap<>();
    private final Map<String, ConnectionOption<?>> folded = new HashMap<>();

    OptionIndex(List<ConnectionOption<?>> options) {
        this.all = List.copyOf(options);
        for (ConnectionOption<?> o : all) {
            for (String n : o.names()) {
                ConnectionOption<?> prev = folded.put(fold(n), o);
                if (prev != null && prev != o) {
                    throw new IllegalStateException("option name \"" + n + "\" declared for both "
                            + prev.name() + " and " + o.name());
                }
                exact.put(n, o);
            }
        }
    }

    List<ConnectionOption<?>> all() {
        return all;
    }

    Optional<ConnectionOption<?>> find(String name) {
        ConnectionOption<?> o = exact.get(name);
        if (o == null) o = folded.get(fold(name));
        return Optional.ofNullable(o);
    }

    Optional<String> suggest(String name) {
        String target = fold(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // Options in name order, canonical name before aliases: on a tie the earlier one wins.
        for (ConnectionOption<?> o : all) {
            for (String candidate : o.names()) {
                int d = distance(target, fold(candidate));
                if (d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        return bestDistance <= allowedDistance(target.length()) ? Optional.of(best) : Optional.empty();
    }

    private static int allowedDistance(int length) {
        if (length <= 3) return 1;
        if (length <= 8) return 2;
        return 3;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
