package io.ysql.internal.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Fake yb_servers() answers and requests for the policy tests. */
final class Topologies {
    private Topologies() {}

    static ServerEntry server(String host, String nodeType, String zone) {
        return new ServerEntry(host, 5433, nodeType, new Placement("aws", "us-west", zone), null);
    }

    /** Three primaries 127.0.0.1..3 in us-west-2a/2b/2c. */
    static ServerList threeZones() {
        return new ServerList("u-1", List.of(server("127.0.0.1", "primary", "us-west-2a"),
                server("127.0.0.2", "primary", "us-west-2b"), server("127.0.0.3", "primary", "us-west-2c")));
    }

    /** Three primaries (.1-.3) and three read replicas (.4-.6), zones 2a/2b/2c for each kind. */
    static ServerList withReadReplicas() {
        List<ServerEntry> s = new ArrayList<>(threeZones().servers());
        s.add(server("127.0.0.4", "read_replica", "us-west-2a"));
        s.add(server("127.0.0.5", "read_replica", "us-west-2b"));
        s.add(server("127.0.0.6", "read_replica", "us-west-2c"));
        return new ServerList("u-1", s);
    }

    static BalanceRequest request(LoadBalance mode, String topologyKeys, boolean topologyOnly) {
        return new BalanceRequest(mode, TopologyPreference.parse(topologyKeys), topologyOnly, Duration.ofSeconds(5),
                Duration.ofSeconds(300));
    }

    static BalanceRequest any() {
        return request(LoadBalance.ANY, null, false);
    }
}
