package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.ClusterInfo;
import io.ysql.YsqlConnection;
import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.FakeClusterExtension;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ServersFunction;
import io.ysql.testkit.YbNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code load_balance} over a three-node fake YugabyteDB cluster: connections spread evenly,
 * the driver's counts match the servers' own, everything is given back on close, and a server
 * without {@code yb_servers()} (plain PostgreSQL, or the function's older forms) is handled.
 */
class LoadBalanceIT {
    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension.defaults()
            .restoringAfterEach(cluster -> {
                cluster.useServersFunction(ServersFunction.COLUMNS_10);
                for (YbNode node : cluster.nodes()) node.advertise(node.host(), node.host());
            })
            .checkingAllClosedAfterEach();
    private final FakeYugabyteCluster cluster = yb.cluster();

    @Test
    void thirtyConnectionsLandTenOnEachNode() throws SQLException {
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
        try (Spread spread = Spread.open(30, ds::getConnection)) {
            Map<String, Integer> server = cluster.connectionCounts();
            assertThat(server.values()).allSatisfy(n -> assertThat(n).isBetween(9, 11));
            assertThat(server.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
            assertThat(spread.byHost()).containsOnlyKeys("127.0.0.1", "127.0.0.2", "127.0.0.3");
            ClusterInfo info = Spread.clusterInfo(spread.connections().get(29));
            assertThat(info.universeUuid()).isEqualTo(cluster.universeUuid());
            assertThat(info.publicAddresses()).isFalse();
            assertThat(info.connections()).isEqualTo(30);
            assertThat(Spread.driverCounts(info)).isEqualTo(server);
            assertThat(info.servers()).allSatisfy(s -> {
                assertThat(s.down()).isFalse();
                assertThat(s.nodeType()).isEqualTo("primary");
                assertThat(s.cloud() + "." + s.region() + "." + s.zone())
                        .isEqualTo(cluster.node(s.host()).placement().key());
            });
        }
        assertThat(yb.awaitAllClosed().values()).containsOnly(0);
        assertThat(ds.yugabyteClusters().clusters()).singleElement()
                .satisfies(info -> assertThat(info.connections()).isZero());
    }

    @Test
    void withoutLoadBalanceEveryConnectionGoesToTheUrlHost() throws SQLException {
        try (Spread spread = Spread.open(6, () -> DriverManager.getConnection(cluster.jdbcUrl(),
                cluster.user(), cluster.password()))) {
            assertThat(spread.byHost()).containsExactly(Map.entry("127.0.0.1", 6L));
            assertThat(spread.connections().get(0).unwrap(YsqlConnection.class).clusterInfo()).isEmpty();
        }
    }

    @Test
    void plainPostgresqlGivesAPlainConnection() throws SQLException {
        PgCluster plain = PgCluster.shared();
        try (Connection c = DriverManager.getConnection(plain.jdbcUrl() + "?load_balance=true",
                plain.superuser(), plain.superuserPassword())) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(c.unwrap(YsqlConnection.class).clusterInfo()).isEmpty();
        }
    }

    /** Without a working {@code yb_servers()} (absent, or failing on the first connect) connections are plain. */
    @ParameterizedTest
    @EnumSource(value = ServersFunction.class, names = {"ABSENT", "FAILING"})
    void withoutAWorkingFunctionConnectionsArePlainAndGoToTheUrlHost(ServersFunction form) throws SQLException {
        cluster.useServersFunction(form);
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(1));
        try (Spread spread = Spread.open(4, ds::getConnection)) {
            assertThat(spread.byHost()).containsExactly(Map.entry("127.0.0.2", 4L));
            assertThat(spread.connections().get(3).unwrap(YsqlConnection.class).clusterInfo()).isEmpty();
        }
    }

    @Test
    void failingRefreshKeepsTheListItHas() throws SQLException, InterruptedException {
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
        ds.setYbServersRefreshInterval(1);
        try (Spread spread = Spread.open(3, ds::getConnection)) {
            cluster.useServersFunction(ServersFunction.FAILING);
            Thread.sleep(1_200);
            spread.add(6, ds::getConnection);
            assertThat(spread.byHost().values()).containsExactly(3L, 3L, 3L);
            assertThat(Spread.clusterInfo(spread.connections().get(8)).servers()).hasSize(3);
        }
    }

    @Test
    void olderFunctionFormsStillBalance() throws SQLException {
        for (ServersFunction form : List.of(ServersFunction.COLUMNS_9, ServersFunction.COLUMNS_8)) {
            cluster.useServersFunction(form);
            YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
            try (Spread spread = Spread.open(6, ds::getConnection)) {
                assertThat(spread.byHost().values()).as("%s", form).containsExactly(2L, 2L, 2L);
                assertThat(Spread.clusterInfo(spread.connections().get(0)).universeUuid()).isNull();
            }
        }
    }

    @Test
    void publicAddressesAreUsedWhenTheUrlHostIsAPublicIp() throws SQLException {
        for (YbNode node : cluster.nodes()) node.advertise(node.host().replace("127.0.0.", "127.0.10."), node.host());
        YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
        try (Spread spread = Spread.open(6, ds::getConnection)) {
            assertThat(spread.byHost().values()).containsExactly(2L, 2L, 2L);
            ClusterInfo info = Spread.clusterInfo(spread.connections().get(5));
            assertThat(info.publicAddresses()).isTrue();
            assertThat(info.servers()).allSatisfy(s -> assertThat(s.privateHost()).startsWith("127.0.10."));
        }
    }
}
