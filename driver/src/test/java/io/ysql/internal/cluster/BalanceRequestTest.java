package io.ysql.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The load-balancing options, in every connection form, into a request. */
class BalanceRequestTest {
    private static BalanceRequest of(String text) throws SQLException {
        return BalanceRequest.of(ConnectionConfig.parse(text, null, ConfigSources.none())).orElseThrow();
    }

    @Test
    void defaults() throws SQLException {
        BalanceRequest r = of("host=h load_balance=true");
        assertThat(r.mode()).isEqualTo(LoadBalance.ANY);
        assertThat(r.topology()).isEqualTo(TopologyPreference.NONE);
        assertThat(r.topologyOnly()).isFalse();
        assertThat(r.failedHostDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.refreshInterval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(BalanceRequest.of(ConnectionConfig.parse("host=h", null, ConfigSources.none()))).isEmpty();
        assertThat(BalanceRequest.of(ConnectionConfig.parse("host=h load_balance=false", null, ConfigSources.none())))
                .isEmpty();
    }

    @Test
    void everyFormAndAlias() throws SQLException {
        String keys = "aws.us-west.us-west-2a:1,aws.us-west.*:2";
        BalanceRequest url = of("jdbc:yugabytedb://h1:5433,h2:5433/yugabyte?load-balance=only-rr&topology-keys="
                + keys + "&yb-servers-refresh-interval=10&failed-host-reconnect-delay-secs=2"
                + "&fallback-to-topology-keys-only=true");
        BalanceRequest conninfo = of("host=h1,h2 load_balance=only-rr topology_keys=" + keys
                + " yb_servers_refresh_interval=10 failed_host_reconnect_delay_secs=2 fallback_to_topology_keys_only=on");
        BalanceRequest uri = of("postgresql://h1,h2/yugabyte?load_balance=only-rr&topology_keys=" + keys
                + "&yb_servers_refresh_interval=10&failed_host_ttl_seconds=2&fallback_to_topology_keys_only=true");
        Properties p = new Properties();
        p.setProperty("load-balance", "only-rr");
        p.setProperty("topology-keys", keys);
        p.setProperty("yb-servers-refresh-interval", "10");
        p.setProperty("failed-host-reconnect-delay-secs", "2");
        p.setProperty("fallback-to-topology-keys-only", "true");
        BalanceRequest props = BalanceRequest.of(ConnectionConfig.fromProperties(p, ConfigSources.none())).orElseThrow();
        BalanceRequest map = BalanceRequest.of(ConnectionConfig.fromMap(Map.of("load_balance", "only-rr",
                "topology_keys", keys, "yb_servers_refresh_interval", 10, "failed_host_reconnect_delay_secs", 2,
                "fallback_to_topology_keys_only", true), ConfigSources.none())).orElseThrow();
        assertThat(url.mode()).isEqualTo(LoadBalance.ONLY_RR);
        assertThat(url.topology().levels()).hasSize(2);
        assertThat(url.refreshInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(url.failedHostDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(url.topologyOnly()).isTrue();
        assertThat(conninfo).isEqualTo(url);
        assertThat(uri).isEqualTo(url);
        assertThat(props).isEqualTo(url);
        assertThat(map).isEqualTo(url);
    }

    @Test
    void invalidValuesAreErrorsNamingThem() {
        assertThatThrownBy(() -> of("load_balance=round-robin")).isInstanceOf(SQLException.class)
                .hasMessageContaining("round-robin").hasMessageContaining("load_balance");
        assertThatThrownBy(() -> of("load_balance=true topology_keys=aws.us-west.zone:11"))
                .isInstanceOf(SQLException.class).hasMessageContaining("aws.us-west.zone:11");
        assertThatThrownBy(() -> of("load_balance=true topology_keys=aws.*.zone"))
                .isInstanceOf(SQLException.class).hasMessageContaining("aws.*.zone");
        assertThatThrownBy(() -> of("load_balance=true yb_servers_refresh_interval=601"))
                .isInstanceOf(SQLException.class).hasMessageContaining("601");
        assertThatThrownBy(() -> of("load_balance=true failed_host_reconnect_delay_secs=-1"))
                .isInstanceOf(SQLException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> of("target_session_attrs=master")).isInstanceOf(SQLException.class)
                .hasMessageContaining("master");
        assertThatThrownBy(() -> of("load_balance_hosts=yes")).isInstanceOf(SQLException.class)
                .hasMessageContaining("yes");
    }

    @Test
    void failsWhenNone() throws SQLException {
        assertThat(of("load_balance=only-primary").failsWhenNone()).isTrue();
        assertThat(of("load_balance=any").failsWhenNone()).isFalse();
        assertThat(of("load_balance=any topology_keys=a.b.c fallback_to_topology_keys_only=true").failsWhenNone())
                .isTrue();
        assertThat(of("load_balance=prefer-rr topology_keys=a.b.c fallback_to_topology_keys_only=true")
                .failsWhenNone()).isFalse();
        assertThat(of("load_balance=any fallback_to_topology_keys_only=true").failsWhenNone()).isFalse();
    }
}
