package io.ysql.internal.cluster;

import java.util.List;

/**
 * What one call of {@code yb_servers()} returned: the servers, and the cluster's
 * {@code universe_uuid} ({@code null} on servers too old to report it).
 */
public record ServerList(String universeUuid, List<ServerEntry> servers) {
    public ServerList {
        servers = List.copyOf(servers);
        if (universeUuid != null && universeUuid.isBlank()) universeUuid = null;
    }
}
