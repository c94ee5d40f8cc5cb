package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.FakeClusterExtension;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.NodeType;
import io.ysql.testkit.YbClusterSettings;
import io.ysql.testkit.YbNode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The node-type values of {@code load_balance} over three primaries (127.0.0.1–3) and three read
 * replicas (127.0.0.4–6), as the smart drivers' read-replica tests expect for 12 connections:
 * {@code any} spreads over all six, {@code only-*} and {@code prefer-*} over their type; with
 * every read replica down, {@code prefer-rr} falls back to the primaries and {@code only-rr}
 * fails with 08001.
 */
class ReadReplicaIT {
    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension
            .of(YbClusterSettings.builder().primaries(3).readReplicas(3).build())
            .restartingListedNodesAfterEach()
            .checkingAllClosedAfterEach();
    private final FakeYugabyteCluster cluster = yb.cluster();

    private YsqlDataSource dataSource(String loadBalance) {
        YsqlDataSource ds = Spread.dataSource(cluster, cluster.nodes());
        ds.setLoadBalance(loadBalance);
        ds.setFailedHostReconnectDelaySecs(30);
        return ds;
    }

    private List<String> hostsOf(NodeType type) {
        return cluster.nodes().stream().filter(n -> n.nodeType() == type).map(YbNode::host).toList();
    }

    @ParameterizedTest
    @CsvSource({"any, 6", "true, 6", "only-primary, 3", "prefer-primary, 3", "only-rr, 3", "prefer-rr, 3"})
    void twelveConnectionsSpreadOverTheAcceptedType(String loadBalance, int servers) throws SQLException {
        try (Spread spread = Spread.open(12, dataSource(loadBalance)::getConnection)) {
            Map<String, Long> byHost = spread.byHost();
            assertThat(byHost).hasSize(servers);
            assertThat(byHost.values()).containsOnly(12L / servers);
            if (loadBalance.endsWith("primary")) assertThat(byHost).containsOnlyKeys(hostsOf(NodeType.PRIMARY));
            if (loadBalance.endsWith("rr")) assertThat(byHost).containsOnlyKeys(hostsOf(NodeType.READ_REPLICA));
        }
    }

    @Test
    void withoutReadReplicasPreferRrUsesPrimariesAndOnlyRrFails() throws SQLException {
        YsqlDataSource prefer = dataSource("prefer-rr");
        YsqlDataSource only = dataSource("only-rr");
        try (Spread warm = Spread.open(1, prefer::getConnection).add(1, only::getConnection)) {
            cluster.nodes().stream().filter(n -> n.nodeType() == NodeType.READ_REPLICA).forEach(YbNode::stop);
            warm.close();
            try (Spread spread = Spread.open(6, prefer::getConnection)) {
                assertThat(spread.byHost()).containsOnlyKeys(hostsOf(NodeType.PRIMARY));
            }
            SQLException e = catchThrowableOfType(only::getConnection, SQLException.class);
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("08001");
        }
    }
}
