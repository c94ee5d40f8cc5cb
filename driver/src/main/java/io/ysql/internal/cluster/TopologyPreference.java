package io.ysql.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parsed {@code topology_keys}: placements grouped by preference (1 first, up to 10), keys without
 * a preference at 1. The text was checked when the option was parsed; a malformed key met here is
 * still refused with {@link IllegalArgumentException} naming it.
 */
public record TopologyPreference(List<List<Placement>> levels) {
    /** No preference: every server is equally acceptable. */
    public static final TopologyPreference NONE = new TopologyPreference(List.of());

    public TopologyPreference {
        levels = levels.stream().map(List::copyOf).toList();
    }

    /** Parses {@code cloud.region.zone[:preference],…}; {@code null} or empty text means {@link #NONE}. */
    public static TopologyPreference parse(String text) {
        if (text == null || text.isBlank()) return NONE;
        Map<Integer, List<Placement>> byPreference = new TreeMap<>();
        for (String key : text.split(",", -1)) {
            String[] parts = key.split(":", -1);
            String[] p = parts[0].split("\\.", -1);
            if (parts.length > 2 || p.length != 3) throw malformed(key);
            int preference = 1;
            if (parts.length == 2) {
                try {
                    preference = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw malformed(key);
                }
                if (preference < 1 || preference > 10) throw malformed(key);
            }
            byPreference.computeIfAbsent(preference, k -> new ArrayList<>()).add(new Placement(p[0], p[1], p[2]));
        }
        return new TopologyPreference(List.copyOf(byPreference.values()));
    }

    private static IllegalArgumentException malformed(String key) {
        return new IllegalArgumentException("malformed topology key \"" + key
                + "\" (expected cloud.region.zone[:preference], preference 1 to 10)");
    }

    /** Whether no topology key was given. */
    public boolean isEmpty() {
        return levels.isEmpty();
    }

    /** Whether {@code placement} is among the placements of level {@code index} (0-based). */
    boolean atLevel(int index, Placement placement) {
        for (Placement pattern : levels.get(index)) {
            if (placement.within(pattern)) return true;
        }
        return false;
    }
}
