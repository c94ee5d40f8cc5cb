package io.ysql.config;

/**
 * Validates YugabyteDB {@code topology_keys}: a comma-separated list of
 * {@code cloud.region.zone[:priority]}, exactly three non-empty placement parts, {@code *} allowed
 * only as the whole zone, priority an integer from 1 to 10. The text is kept as given; the
 * load-balancing policy interprets it.
 */
final class TopologyKeys {
    static final int MAX_PRIORITY = 10;

    private TopologyKeys() {}

    static String check(String text) {
        for (String key : text.split(",", -1)) {
            String[] parts = key.split(":", -1);
            if (parts.length > 2) throw bad(key, "more than one ':'");
            String[] placement = parts[0].split("\\.", -1);
            if (placement.length != 3) throw bad(key, "expected cloud.region.zone");
            for (int i = 0; i < 3; i++) {
                if (placement[i].isEmpty()) throw bad(key, "empty placement part");
                if (i < 2 && placement[i].contains("*")) throw bad(key, "* is allowed only as the zone");
                if (i == 2 && placement[i].contains("*") && !placement[i].equals("*")) {
                    throw bad(key, "* must be the whole zone");
                }
            }
            if (parts.length == 2) {
                try {
                    OptionType.parseInt(parts[1], 1, MAX_PRIORITY);
                } catch (IllegalArgumentException e) {
                    throw bad(key, "priority must be an integer from 1 to " + MAX_PRIORITY);
                }
            }
        }
        return text;
    }

    private static IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException("malformed topology key \"" + key + "\": " + why
                + " (expected comma-separated cloud.region.zone[:priority])");
    }
}
