package io.ysql.testkit;

import java.util.Objects;

/**
 * The description of one node of a {@link FakeYugabyteCluster}: the loopback address it listens
 * on, its port (0: the cluster's port), its placement and node type, the {@code public_ip} its
 * {@code yb_servers()} row shows (null: the same as {@code host}, as on a local YugabyteDB
 * cluster; empty: none, as YugabyteDB shows an unset broadcast address), and whether its row is
 * listed from the start.
 */
public record YbNodeSpec(String host, int port, Placement placement, NodeType nodeType, String publicIp,
                         boolean listed) {

    public YbNodeSpec {
        Objects.requireNonNull(host, "host");
        if (!Loopback.isLocal(host)) throw new IllegalArgumentException("a fake node listens on loopback only: " + host);
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535: " + port);
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(nodeType, "nodeType");
    }

    /** A listed node on the cluster's port whose public_ip equals its host. */
    public static YbNodeSpec of(String host, Placement placement, NodeType nodeType) {
        return new YbNodeSpec(host, 0, placement, nodeType, null, true);
    }

    /** A listed primary on the cluster's port. */
    public static YbNodeSpec primary(String host, Placement placement) {
        return of(host, placement, NodeType.PRIMARY);
    }

    /** A listed read replica on the cluster's port. */
    public static YbNodeSpec readReplica(String host, Placement placement) {
        return of(host, placement, NodeType.READ_REPLICA);
    }

    public YbNodeSpec withPort(int newPort) {
        return new YbNodeSpec(host, newPort, placement, nodeType, publicIp, listed);
    }

    public YbNodeSpec withPublicIp(String newPublicIp) {
        return new YbNodeSpec(host, port, placement, nodeType, newPublicIp, listed);
    }

    public YbNodeSpec withListed(boolean newListed) {
        return new YbNodeSpec(host, port, placement, nodeType, publicIp, newListed);
    }

    /** The public_ip column as written: {@code host} when none was given. */
    String publicIpColumn() {
        return publicIp == null ? host : publicIp;
    }
}
