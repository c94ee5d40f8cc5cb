package io.ysql.internal.cluster;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one load-balanced connect asks for, from its configuration: the node-type policy, the
 * topology preference, whether servers outside {@code topology_keys} are off limits, how long a
 * failed server is avoided and how old the server list may be.
 */
public record BalanceRequest(LoadBalance mode, TopologyPreference topology, boolean topologyOnly,
                             Duration failedHostDelay, Duration refreshInterval) {
    public BalanceRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(failedHostDelay, "failedHostDelay");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
    }

    /** The request of a configuration, or empty when {@code load_balance} is off. */
    public static Optional<BalanceRequest> of(ConnectionConfig config) {
        return LoadBalance.of(config.get(Options.LOAD_BALANCE)).map(mode -> new BalanceRequest(mode,
                TopologyPreference.parse(config.get(Options.TOPOLOGY_KEYS)),
                Boolean.TRUE.equals(config.get(Options.FALLBACK_TO_TOPOLOGY_KEYS_ONLY)),
                Duration.ofSeconds(orDefault(config.get(Options.FAILED_HOST_RECONNECT_DELAY_SECS), 5)),
                Duration.ofSeconds(orDefault(config.get(Options.YB_SERVERS_REFRESH_INTERVAL), 300))));
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** Whether finding no acceptable server must fail the connect instead of falling back to a plain one. */
    public boolean failsWhenNone() {
        return mode.failsWhenNone() || (!topology.isEmpty() && topologyOnly && !mode.prefers());
    }

    /** Whether servers outside the topology keys may be used (after every listed preference). */
    boolean restOfCluster() {
        return topology.isEmpty() || !topologyOnly || mode.prefers();
    }
}
