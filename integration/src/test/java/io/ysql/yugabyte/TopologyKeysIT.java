package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.FakeClusterExtension;
import io.ysql.testkit.FakeYugabyteCluster;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code topology_keys} over three nodes in zones us-west-2a, 2b and 2c: connections stay in the
 * named zones by preference, fall back to the rest of the cluster when those nodes are down, and
 * fail instead with {@code fallback_to_topology_keys_only=true}. The URL names all three nodes so
 * that the first connect works whichever node is down.
 */
class TopologyKeysIT {
    private static final String ZONE_A = "aws.us-west.us-west-2a";
    private static final String ZONE_B = "aws.us-west.us-west-2b";
    private static final String ZONE_C = "aws.us-west.us-west-2c";
    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension.defaults()
            .restartingListedNodesAfterEach()
            .checkingAllClosedAfterEach();
    private final FakeYugabyteCluster cluster = yb.cluster();

    private YsqlDataSource dataSource(String topologyKeys) {
        YsqlDataSource ds = Spread.dataSource(cluster, cluster.nodes());
        ds.setLoadBalance("true");
        ds.setTopologyKeys(topologyKeys);
        ds.setFailedHostReconnectDelaySecs(30);
        return ds;
    }

    @Test
    void oneZoneTakesEveryConnection() throws SQLException {
        try (Spread spread = Spread.open(9, dataSource(ZONE_A)::getConnection)) {
            assertThat(spread.byHost()).containsExactly(Map.entry("127.0.0.1", 9L));
            assertThat(cluster.connectionCounts()).containsExactly(
                    Map.entry("127.0.0.1", 9), Map.entry("127.0.0.2", 0), Map.entry("127.0.0.3", 0));
        }
    }

    @Test
    void twoZonesShareAndAWildcardTakesTheRegion() throws SQLException {
        try (Spread spread = Spread.open(6, dataSource(ZONE_A + "," + ZONE_C)::getConnection)) {
            assertThat(spread.byHost()).containsOnly(Map.entry("127.0.0.1", 3L), Map.entry("127.0.0.3", 3L));
        }
        try (Spread spread = Spread.open(6, dataSource("aws.us-west.*")::getConnection)) {
            assertThat(spread.byHost().values()).containsExactly(2L, 2L, 2L);
        }
    }

    @Test
    void preferenceTwoIsUsedOnlyWhenPreferenceOneIsDown() throws SQLException {
        YsqlDataSource ds = dataSource(ZONE_A + ":1," + ZONE_B + ":2");
        try (Spread spread = Spread.open(4, ds::getConnection)) {
            assertThat(spread.byHost()).containsExactly(Map.entry("127.0.0.1", 4L));
            cluster.node(0).stop();
            spread.closeOn("127.0.0.1");
            spread.add(4, ds::getConnection);
            assertThat(spread.byHost()).containsExactly(Map.entry("127.0.0.2", 4L));
        }
    }

    @Test
    void downZoneFallsBackToTheRestOfTheCluster() throws SQLException {
        YsqlDataSource ds = dataSource(ZONE_A);
        try (Spread spread = Spread.open(2, ds::getConnection)) {
            cluster.node(0).stop();
            spread.closeOn("127.0.0.1");
            spread.add(6, ds::getConnection);
            assertThat(spread.byHost()).containsOnlyKeys("127.0.0.2", "127.0.0.3");
            assertThat(spread.byHost().values()).containsExactly(3L, 3L);
            assertThat(Spread.clusterInfo(spread.connections().get(0)).server("127.0.0.1", cluster.port()))
                    .hasValueSatisfying(s -> assertThat(s.down()).isTrue());
        }
    }

    @Test
    void fallbackToTopologyKeysOnlyFailsWhenTheZoneIsDown() throws SQLException {
        YsqlDataSource ds = dataSource(ZONE_A);
        ds.setFallbackToTopologyKeysOnly(true);
        try (Spread spread = Spread.open(1, ds::getConnection)) {
            cluster.node(0).stop();
            spread.closeOn("127.0.0.1");
            SQLException e = catchThrowableOfType(ds::getConnection, SQLException.class);
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("08001");
            assertThat(cluster.connectionCounts().values()).containsOnly(0);
        }
    }

    @Test
    void unknownZoneWithFallbackOnlyFailsAndWithoutFallsBack() throws SQLException {
        YsqlDataSource strict = dataSource("aws.nowhere.zone-x");
        strict.setFallbackToTopologyKeysOnly(true);
        SQLException e = catchThrowableOfType(strict::getConnection, SQLException.class);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("08001");
        try (Spread spread = Spread.open(6, dataSource("aws.nowhere.zone-x")::getConnection)) {
            assertThat(spread.byHost().values()).containsExactly(2L, 2L, 2L);
        }
    }
}
