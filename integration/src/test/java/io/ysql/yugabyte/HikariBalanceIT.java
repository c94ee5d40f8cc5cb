package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.FakeClusterExtension;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.YbNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A HikariCP pool over a load-balancing {@link YsqlDataSource}: its physical connections spread
 * evenly over the three nodes; when a node goes down and its connections are retired, the pool
 * refills on the others; once the node is back and its delay is over, retired connections are
 * replaced on it again. Closing the pool gives every connection back.
 */
class HikariBalanceIT {
    private static final int POOL_SIZE = 9;
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension.defaults();
    private final FakeYugabyteCluster cluster = yb.cluster();

    @Test
    void poolStaysBalancedAndUsesARecoveredNodeAgain() throws SQLException, InterruptedException {
        YsqlDataSource ds = Spread.dataSource(cluster, cluster.nodes());
        ds.setLoadBalance("true");
        ds.setFailedHostReconnectDelaySecs(1);
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setPoolName("hikari-balance-it");
        YbNode second = cluster.node(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Map<String, Integer> full = await(counts -> total(counts) == POOL_SIZE);
            assertThat(full.values()).as("%s", full).allSatisfy(n -> assertThat(n).isBetween(2, 4));
            assertThat(borrowAll(pool)).containsOnlyKeys(full.keySet());

            second.stop();
            pool.getHikariPoolMXBean().softEvictConnections();
            Map<String, Integer> degraded = await(counts -> total(counts) == POOL_SIZE);
            assertThat(degraded).containsEntry(second.host(), 0);
            assertThat(borrowAll(pool)).doesNotContainKey(second.host());

            second.start();
            Thread.sleep(1_200);
            pool.getHikariPoolMXBean().softEvictConnections();
            Map<String, Integer> recovered = await(counts -> total(counts) == POOL_SIZE
                    && counts.get(second.host()) > 0);
            assertThat(recovered.get(second.host())).as("%s", recovered).isPositive();
            assertThat(total(recovered)).isEqualTo(POOL_SIZE);
        }
        assertThat(yb.awaitAllClosed().values()).containsOnly(0);
        assertThat(ds.yugabyteClusters().clusters()).allSatisfy(info -> assertThat(info.connections()).isZero());
    }

    /** Borrows every pooled connection at once; returns how many are on each node. */
    private static Map<String, Long> borrowAll(HikariDataSource pool) throws SQLException {
        try (Spread spread = Spread.open(POOL_SIZE, pool::getConnection)) {
            return spread.byHost();
        }
    }

    private Map<String, Integer> await(Predicate<Map<String, Integer>> condition) {
        return cluster.awaitConnectionCounts(condition, WAIT);
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
