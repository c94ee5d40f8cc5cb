package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.ClusterServer;
import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.FakeClusterExtension;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.NodeType;
import io.ysql.testkit.Placement;
import io.ysql.testkit.YbNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster changes under a running application: a node that goes down is avoided by new
 * connections for {@code failed_host_reconnect_delay_secs} and used again once it is back and the
 * delay has passed; a node added to {@code yb_servers()} gets connections after the next refresh
 * ({@code yb_servers_refresh_interval}).
 */
class NodeFailureIT {
    private static final int DELAY_SECS = 4;
    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension.defaults()
            .restartingListedNodesAfterEach()
            .checkingAllClosedAfterEach();
    private final FakeYugabyteCluster cluster = yb.cluster();

    @Test
    void stoppedNodeIsAvoidedForTheDelayAndUsedAgainAfter() throws SQLException, InterruptedException {
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
        ds.setFailedHostReconnectDelaySecs(DELAY_SECS);
        YbNode third = cluster.node(2);
        try (Spread spread = Spread.open(9, ds::getConnection)) {
            assertThat(spread.byHost().values()).containsExactly(3L, 3L, 3L);
            third.stop();
            spread.closeOn(third.host());
            // the stopped node now has the fewest connections, so the next connect tries it first
            spread.add(6, ds::getConnection);
            assertThat(spread.on(third.host())).isZero();
            assertThat(spread.byHost().values()).containsExactly(6L, 6L);
            ClusterServer down = Spread.clusterInfo(spread.connections().get(0))
                    .server(third.host(), third.port()).orElseThrow();
            assertThat(down.down()).isTrue();
            assertThat(down.connections()).isZero();
            Instant downUntil = down.downUntil();
            assertThat(downUntil).isNotNull();

            third.start();
            if (Instant.now().isBefore(downUntil.minusMillis(500))) {
                spread.add(2, ds::getConnection);
                assertThat(spread.on(third.host())).as("connections to a node inside its delay").isZero();
            }
            sleepUntil(downUntil.plusMillis(200));
            spread.add(3, ds::getConnection);
            assertThat(spread.on(third.host())).isEqualTo(3);
            assertThat(third.connectionCount()).isEqualTo(3);
            Map<String, Integer> driver = Spread.driverCounts(Spread.clusterInfo(spread.connections().get(0)));
            Map<String, Integer> server = cluster.connectionCounts();
            server.keySet().retainAll(driver.keySet());
            assertThat(driver).isEqualTo(server);
        }
    }

    @Test
    void hungNodeTimesOutOnceAndIsAvoided() throws SQLException {
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
        ds.setConnectTimeout(2);
        ds.setFailedHostReconnectDelaySecs(60);
        YbNode second = cluster.node(1);
        try (Spread spread = Spread.open(3, ds::getConnection)) {
            second.pause();
            try {
                spread.closeOn(second.host());
                // the paused node has the fewest connections: the next connect waits for it once
                spread.add(4, ds::getConnection);
                assertThat(spread.on(second.host())).isZero();
                assertThat(spread.byHost().values()).containsExactly(3L, 3L);
                assertThat(Spread.clusterInfo(spread.connections().get(0)).server(second.host(), second.port()))
                        .hasValueSatisfying(s -> assertThat(s.down()).isTrue());
            } finally {
                second.resume();
            }
        }
    }

    @Test
    void nodeAddedToTheListIsUsedAfterTheRefresh() throws SQLException, InterruptedException {
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
        ds.setYbServersRefreshInterval(1);
        YbNode added = null;
        try (Spread spread = Spread.open(6, ds::getConnection)) {
            assertThat(spread.byHost().values()).containsExactly(2L, 2L, 2L);
            added = cluster.addNode(Placement.usWest(3), NodeType.PRIMARY);
            Instant refreshedAt = Spread.clusterInfo(spread.connections().get(5)).refreshedAt();
            sleepUntil(refreshedAt.plusMillis(1_200));
            // this connect fetches the new list (it may itself still be placed by the old one)
            spread.add(1, ds::getConnection);
            assertThat(Spread.clusterInfo(spread.connections().get(6)).servers()).hasSize(4);
            spread.add(2, ds::getConnection);
            // 2 when the refreshing connect stayed on the old list; when it moved to the new node,
            // the next one goes there too and the last ties with every node at 2 (random)
            long onAdded = spread.on(added.host());
            assertThat(onAdded).isBetween(2L, 3L);
            assertThat((long) added.connectionCount()).isEqualTo(onAdded);
        } finally {
            if (added != null) {
                added.setListed(false);
                added.stop();
            }
        }
    }

    @Test
    void unlistedNodeGetsNoNewConnectionsAfterTheRefresh() throws SQLException, InterruptedException {
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
        ds.setYbServersRefreshInterval(1);
        YbNode second = cluster.node(1);
        try (Spread spread = Spread.open(3, ds::getConnection)) {
            second.setListed(false);
            Instant refreshedAt = Spread.clusterInfo(spread.connections().get(2)).refreshedAt();
            sleepUntil(refreshedAt.plusMillis(1_200));
            // this connect fetches the new list (it may itself still be placed by the old one)
            spread.add(1, ds::getConnection);
            assertThat(Spread.clusterInfo(spread.connections().get(3)).servers()).hasSize(2);
            spread.closeOn(second.host());
            spread.add(4, ds::getConnection);
            assertThat(spread.on(second.host())).isZero();
            assertThat(spread.connections()).hasSizeBetween(6, 7);
            assertThat(spread.byHost().values()).allSatisfy(n -> assertThat(n).isBetween(3L, 4L));
        } finally {
            second.setListed(true);
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = when.toEpochMilli() - System.currentTimeMillis();
        if (millis > 0) Thread.sleep(millis);
    }
}
