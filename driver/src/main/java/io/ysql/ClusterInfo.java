package io.ysql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A YugabyteDB cluster as the driver sees it: its servers from the last {@code yb_servers()}
 * answer, with the connections the owning {@link YugabyteClusters} opened to each. From
 * {@link YsqlConnection#clusterInfo()} or {@link YugabyteClusters#clusters()}.
 *
 * @param universeUuid the cluster's {@code universe_uuid}, or {@code null} when the server does not report it
 * @param servers the servers, in the order {@code yb_servers()} listed them
 * @param refreshedAt when the list was fetched
 * @param publicAddresses whether servers are reached through their {@code public_ip}
 */
public record ClusterInfo(String universeUuid, List<ClusterServer> servers, Instant refreshedAt,
                          boolean publicAddresses) {
    public ClusterInfo {
        servers = List.copyOf(servers);
    }

    /** The server connections go to at {@code host:port}. */
    public Optional<ClusterServer> server(String host, int port) {
        return servers.stream().filter(s -> s.port() == port && s.host().equalsIgnoreCase(host)).findFirst();
    }

    /** The connections counted over all servers. */
    public int connections() {
        return servers.stream().mapToInt(ClusterServer::connections).sum();
    }
}
