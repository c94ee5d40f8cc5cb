package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.Ysql;
import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.FakeClusterExtension;
import io.ysql.testkit.FakeYugabyteCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The YugabyteDB options reach the balancer through every connection form: JDBC URL parameters
 * (canonical names and the smart driver's dashed aliases), {@link Properties}, a conninfo string,
 * a {@code postgresql://} URI and {@link YsqlDataSource} setters. {@code topology_keys} naming
 * zone 2b sends every connection to the second node; a zone that does not exist with
 * {@code fallback_to_topology_keys_only=true} fails with 08001.
 */
class LoadBalanceFormsIT {
    private static final String ZONE_B = "aws.us-west.us-west-2b";
    private static final String NOWHERE = "aws.nowhere.zone-x";
    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension.defaults().checkingAllClosedAfterEach();
    private final FakeYugabyteCluster cluster = yb.cluster();

    /** One way to pass load_balance=true, topology_keys and fallback_to_topology_keys_only. */
    enum Form {
        URL {
            @Override
            Connection open(FakeYugabyteCluster cluster, String keys, boolean only) throws SQLException {
                return DriverManager.getConnection(cluster.jdbcUrl() + "?load_balance=true&topology_keys=" + keys
                        + "&fallback_to_topology_keys_only=" + only, cluster.user(), cluster.password());
            }
        },
        URL_DASHED_ALIASES {
            @Override
            Connection open(FakeYugabyteCluster cluster, String keys, boolean only) throws SQLException {
                return DriverManager.getConnection(cluster.jdbcUrl() + "?load-balance=true&topology-keys=" + keys
                        + "&fallback-to-topology-keys-only=" + only, cluster.user(), cluster.password());
            }
        },
        PROPERTIES {
            @Override
            Connection open(FakeYugabyteCluster cluster, String keys, boolean only) throws SQLException {
                Properties props = new Properties();
                props.setProperty("user", cluster.user());
                props.setProperty("password", cluster.password());
                props.setProperty("load_balance", "true");
                props.setProperty("topology_keys", keys);
                props.setProperty("fallback_to_topology_keys_only", Boolean.toString(only));
                return DriverManager.getConnection(cluster.jdbcUrl(), props);
            }
        },
        CONNINFO {
            @Override
            Connection open(FakeYugabyteCluster cluster, String keys, boolean only) throws SQLException {
                return Ysql.connect(cluster.conninfo(cluster.user(), cluster.password())
                        + " load_balance=true topology_keys=" + keys + " fallback_to_topology_keys_only=" + only);
            }
        },
        URI {
            @Override
            Connection open(FakeYugabyteCluster cluster, String keys, boolean only) throws SQLException {
                return Ysql.connect("postgresql://" + cluster.user() + ":" + cluster.password() + "@"
                        + cluster.node(0).address() + "/" + cluster.database() + "?load_balance=true&topology_keys="
                        + keys + "&fallback_to_topology_keys_only=" + only);
            }
        },
        DATA_SOURCE_SETTERS {
            @Override
            Connection open(FakeYugabyteCluster cluster, String keys, boolean only) throws SQLException {
                YsqlDataSource ds = Spread.loadBalanced(cluster, cluster.node(0));
                ds.setTopologyKeys(keys);
                ds.setFallbackToTopologyKeysOnly(only);
                return ds.getConnection();
            }
        };

        abstract Connection open(FakeYugabyteCluster cluster, String topologyKeys, boolean fallbackOnly) throws SQLException;
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void topologyKeysPickTheZone(Form form) throws SQLException {
        try (Spread spread = Spread.open(4, () -> form.open(cluster, ZONE_B, false))) {
            assertThat(spread.byHost()).containsExactly(Map.entry("127.0.0.2", 4L));
            assertThat(Spread.clusterInfo(spread.connections().get(3)).universeUuid())
                    .isEqualTo(cluster.universeUuid());
        }
    }

    @Test
    void unknownLoadBalanceValueIsAnErrorNamingIt() {
        SQLException e = catchThrowableOfType(() -> DriverManager.getConnection(cluster.jdbcUrl()
                + "?load_balance=sometimes", cluster.user(), cluster.password()).close(), SQLException.class);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getMessage()).contains("load_balance").contains("sometimes");
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void fallbackOnlyFailsForAZoneWithoutServers(Form form) {
        SQLException e = catchThrowableOfType(() -> form.open(cluster, NOWHERE, true).close(), SQLException.class);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("08001");
    }
}
