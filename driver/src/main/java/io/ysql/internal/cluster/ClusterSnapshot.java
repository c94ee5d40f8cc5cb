package io.ysql.internal.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A consistent copy of one cluster's state, for introspection: its servers with the connections
 * counted on each, when the list was fetched, and whether servers are reached by public address.
 */
public record ClusterSnapshot(String universeUuid, List<Server> servers, Instant refreshedAt, boolean usePublic) {
    public ClusterSnapshot {
        servers = List.copyOf(servers);
    }

    /**
     * One server: its row, the address connected to, the count, and until when it is avoided
     * ({@code null} when it is not).
     */
    public record Server(ServerEntry entry, String address, int connections, Instant downUntil) {}
}
