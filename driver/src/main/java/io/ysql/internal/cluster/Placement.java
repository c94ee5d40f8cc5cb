package io.ysql.internal.cluster;

/**
 * Where a server runs: cloud, region and zone, as {@code yb_servers()} reports them. As a
 * {@code topology_keys} pattern the zone may be {@code *}; matching ignores case, as the
 * YugabyteDB JDBC driver does.
 */
public record Placement(String cloud, String region, String zone) {
    public Placement {
        cloud = cloud == null ? "" : cloud;
        region = region == null ? "" : region;
        zone = zone == null ? "" : zone;
    }

    /** Whether this server placement is covered by {@code pattern} (whose zone may be {@code *}). */
    boolean within(Placement pattern) {
        return cloud.equalsIgnoreCase(pattern.cloud) && region.equalsIgnoreCase(pattern.region)
                && (pattern.zone.equals("*") || zone.equalsIgnoreCase(pattern.zone));
    }

    @Override
    public String toString() {
        return cloud + "." + region + "." + zone;
    }
}
