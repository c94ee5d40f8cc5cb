package io.ysql.internal.cluster;

import java.util.Objects;

/**
 * One row of {@code yb_servers()}: a server's private address ({@code host}), YSQL port, node type
 * ({@code primary} or {@code read_replica}), placement, and public address ({@code null} when the
 * server has none).
 */
public record ServerEntry(String host, int port, String nodeType, Placement placement, String publicIp) {
    public ServerEntry {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(placement, "placement");
        nodeType = nodeType == null ? "primary" : nodeType;
        if (publicIp != null && publicIp.isBlank()) publicIp = null;
    }

    /** Whether the server is a primary (not a read replica). */
    public boolean primary() {
        return !nodeType.equalsIgnoreCase("read_replica");
    }

    /** The address to connect to: the public one when the cluster is reached through public addresses. */
    public String address(boolean usePublic) {
        return usePublic && publicIp != null ? publicIp : host;
    }
}
