package io.ysql;

import java.time.Instant;

/**
 * One server of a YugabyteDB cluster as the driver sees it: its {@code yb_servers()} row and the
 * connections opened to it through the same {@link YugabyteClusters} and not yet closed.
 *
 * @param host the address connections go to ({@code publicIp} when the cluster is reached through public addresses)
 * @param port the YSQL port
 * @param nodeType {@code primary} or {@code read_replica}
 * @param cloud the placement cloud
 * @param region the placement region
 * @param zone the placement zone
 * @param privateHost the {@code host} column of {@code yb_servers()}
 * @param publicIp the {@code public_ip} column, or {@code null} when empty
 * @param connections connections opened to this server and not yet closed
 * @param down whether the server is avoided after a failed connect
 * @param downUntil until when it is avoided, or {@code null}
 */
public record ClusterServer(String host, int port, String nodeType, String cloud, String region, String zone,
                            String privateHost, String publicIp, int connections, boolean down, Instant downUntil) {

    /** {@code cloud.region.zone}, as in {@code topology_keys}. */
    public String placement() {
        return cloud + "." + region + "." + zone;
    }
}
