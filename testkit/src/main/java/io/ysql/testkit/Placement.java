package io.ysql.testkit;

import java.util.Objects;

/**
 * Where a node of a {@link FakeYugabyteCluster} says it runs: the {@code cloud}, {@code region}
 * and {@code zone} columns of its {@code yb_servers()} row, written {@code cloud.region.zone} as in
 * the {@code topology_keys} option.
 */
public record Placement(String cloud, String region, String zone) {

    public Placement {
        requirePart("cloud", cloud);
        requirePart("region", region);
        requirePart("zone", zone);
    }

    /** Parses {@code cloud.region.zone}. */
    public static Placement of(String dotted) {
        String[] parts = Objects.requireNonNull(dotted, "dotted").split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a placement is cloud.region.zone: " + dotted);
        }
        return new Placement(parts[0], parts[1], parts[2]);
    }

    /** {@code aws.us-west.us-west-2a}, {@code aws.us-west.us-west-2b}, … for zone letter {@code a + index}. */
    public static Placement usWest(int index) {
        if (index < 0 || index >= 26) throw new IllegalArgumentException("index must be 0..25: " + index);
        return new Placement("aws", "us-west", "us-west-2" + (char) ('a' + index));
    }

    /** {@code cloud.region.zone}, the form {@code topology_keys} names it in. */
    public String key() {
        return cloud + "." + region + "." + zone;
    }

    @Override
    public String toString() {
        return key();
    }

    private static void requirePart(String what, String value) {
        if (value == null || value.isEmpty() || value.contains(".") || value.contains("\"")
                || value.contains("\\") || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be non-empty without '.', quotes, backslashes or "
                    + "control characters: " + value);
        }
    }
}
