package io.ysql;

import io.ysql.internal.cluster.ClusterRegistry;
import io.ysql.internal.cluster.ClusterSnapshot;
import io.ysql.internal.cluster.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The driver's view of the YugabyteDB clusters it balances connections over
 * ({@code load_balance}): each cluster's servers and the connections opened to each. There is no
 * global state: every {@code YsqlDriver} instance and every {@code YsqlDataSource} owns one (so
 * each pool balances its own connections), and {@link Ysql#connect} uses the one of the
 * {@code YsqlDriver} registered with {@code DriverManager} ({@link Ysql#yugabyteClusters()}).
 * Thread-safe.
 */
public final class YugabyteClusters {
    private final ClusterRegistry registry;

    /** Empty state: the first load-balanced connect learns the cluster. */
    public YugabyteClusters() {
        this(ClusterRegistry.system());
    }

    YugabyteClusters(ClusterRegistry registry) {
        this.registry = registry;
    }

    /** What owns a {@link YugabyteClusters}: {@code YsqlDriver} and {@code YsqlDataSource}. */
    public interface Owner {
        /** The state this owner's load-balanced connections share. */
        YugabyteClusters yugabyteClusters();
    }

    ClusterRegistry registry() {
        return registry;
    }

    /** Every cluster known, with per-server connection counts. */
    public List<ClusterInfo> clusters() {
        List<ClusterInfo> out = new ArrayList<>();
        for (ClusterState c : registry.clusters()) {
            if (c.known()) out.add(info(c.snapshot()));
        }
        return out;
    }

    /** The cluster that lists a server connections go to at {@code host:port}. */
    public Optional<ClusterInfo> cluster(String host, int port) {
        return clusters().stream().filter(c -> c.server(host, port).isPresent()).findFirst();
    }

    static ClusterInfo info(ClusterSnapshot s) {
        List<ClusterServer> servers = new ArrayList<>();
        for (ClusterSnapshot.Server v : s.servers()) {
            var e = v.entry();
            servers.add(new ClusterServer(v.address(), e.port(), e.nodeType(), e.placement().cloud(),
                    e.placement().region(), e.placement().zone(), e.host(), e.publicIp(), v.connections(),
                    v.downUntil() != null, v.downUntil()));
        }
        return new ClusterInfo(s.universeUuid(), servers, s.refreshedAt(), s.usePublic());
    }

    @Override
    public String toString() {
        return "YugabyteClusters" + clusters();
    }
}
