package io.ysql.internal.cluster;

import static io.ysql.internal.cluster.Topologies.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.config.HostSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Placement and node-type policies, with the numbers the YugabyteDB drivers' own tests expect. */
class TopologyPolicyTest {
    private final FakeClock clock = new FakeClock();

    private List<Integer> spread(ServerList list, BalanceRequest r, int connections) {
        ClusterState state = new ClusterState(clock, new SplittableRandom(3));
        state.update(list, false);
        for (int i = 0; i < connections; i++) {
            Pick p = state.pick(r, Set.of(), null);
            assertThat(p).as("connection %d", i).isInstanceOf(Pick.Chosen.class);
        }
        List<Integer> counts = new ArrayList<>();
        for (ServerEntry e : list.servers()) counts.add(state.connections(new HostSpec(e.host(), e.port())));
        return counts;
    }

    private static String zones(String keys) {
        return keys.replaceAll("\\b(2[abc])\\b", "aws.us-west.us-west-$1");
    }

    @ParameterizedTest(name = "{0} -> {1}/{2}/{3}")
    @CsvSource(delimiter = ';', value = {
            "2a,2c; 6; 0; 6",
            "2a,2b:1,2c:2; 6; 6; 0",
            "2a:1,2b:2,2c:3; 12; 0; 0",
            "aws.us-west.*,2b:1,2c:2; 4; 4; 4",
            "aws.us-west.*:1,2b:2,2c:3; 4; 4; 4",
            "BAD.BAD.BAD:1,2b:2,2c:3; 0; 12; 0",
            "BAD.BAD.BAD:1,2b:2,2c:2; 0; 6; 6",
            "2a:1,BAD.BAD.BAD:2,2c:3; 12; 0; 0",
            "BAD.BAD.BAD:1,BAD.BAD.BAD:2,2c:3; 0; 0; 12",
            "BAD.BAD.BAD:1,BAD.BAD.BAD:2,aws.us-west.*:3; 4; 4; 4",
            "AWS.US-WEST.US-WEST-2B; 0; 12; 0"})
    void topologyKeysAsTheReferenceDriverSpreadsThem(String keys, int a, int b, int c) {
        assertThat(spread(Topologies.threeZones(), request(LoadBalance.ANY, zones(keys), false), 12))
                .containsExactly(a, b, c);
    }

    @Test
    void unmatchedKeysFallBackToTheRestOfTheClusterUnlessTopologyOnly() {
        BalanceRequest open = request(LoadBalance.ANY, "aws.us-east.*", false);
        assertThat(spread(Topologies.threeZones(), open, 12)).containsExactly(4, 4, 4);
        ClusterState state = new ClusterState(clock, new SplittableRandom(1));
        state.update(Topologies.threeZones(), false);
        assertThat(state.pick(request(LoadBalance.ANY, "aws.us-east.*", true), Set.of(), null))
                .isEqualTo(new Pick.NoneAvailable(true));
        // prefer-* ignore fallback_to_topology_keys_only
        assertThat(state.pick(request(LoadBalance.PREFER_PRIMARY, "aws.us-east.*", true), Set.of(), null))
                .isInstanceOf(Pick.Chosen.class);
    }

    @Test
    void aFailedPreferredZoneFallsBackToTheNextPreference() {
        ClusterState state = new ClusterState(clock, new SplittableRandom(1));
        state.update(Topologies.threeZones(), false);
        BalanceRequest r = request(LoadBalance.ANY, zones("2a:1,2b:2"), true);
        state.markFailed(new HostSpec("127.0.0.1", 5433), Duration.ofSeconds(5));
        assertThat(((Pick.Chosen) state.pick(r, Set.of(), null)).lease().address().host()).isEqualTo("127.0.0.2");
        state.markFailed(new HostSpec("127.0.0.2", 5433), Duration.ofSeconds(5));
        assertThat(state.pick(r, Set.of(), null)).isEqualTo(new Pick.NoneAvailable(true));
        clock.advance(Duration.ofSeconds(5));
        assertThat(((Pick.Chosen) state.pick(r, Set.of(), null)).lease().address().host()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "ANY; 2,2,2,2,2,2",
            "ONLY_RR; 0,0,0,4,4,4",
            "ONLY_PRIMARY; 4,4,4,0,0,0",
            "PREFER_RR; 0,0,0,4,4,4",
            "PREFER_PRIMARY; 4,4,4,0,0,0"})
    void nodeTypes(LoadBalance mode, String expected) {
        List<Integer> want = new ArrayList<>();
        for (String n : expected.split(",")) want.add(Integer.parseInt(n));
        assertThat(spread(Topologies.withReadReplicas(), request(mode, null, false), 12)).isEqualTo(want);
    }

    @Test
    void preferRrFallsBackToPrimariesWhenNoReplicaIsUp() {
        ClusterState state = new ClusterState(clock, new SplittableRandom(1));
        state.update(Topologies.withReadReplicas(), false);
        for (int i = 4; i <= 6; i++) state.markFailed(new HostSpec("127.0.0." + i, 5433), Duration.ofSeconds(5));
        ServerLease l = ((Pick.Chosen) state.pick(request(LoadBalance.PREFER_RR, null, false), Set.of(), null)).lease();
        assertThat(l.server().primary()).isTrue();
        assertThat(state.pick(request(LoadBalance.ONLY_RR, null, false), Set.of(), null))
                .isEqualTo(new Pick.NoneAvailable(true));
    }

    @Test
    void topologyKeysParse() {
        TopologyPreference p = TopologyPreference.parse("c.r.z1:2,c.r.*,c.r.z3:2");
        assertThat(p.levels()).containsExactly(List.of(new Placement("c", "r", "*")),
                List.of(new Placement("c", "r", "z1"), new Placement("c", "r", "z3")));
        assertThat(TopologyPreference.parse("  ")).isEqualTo(TopologyPreference.NONE);
        for (String bad : List.of("c.r.z:11", "c.r.z:0", "c.r.z:", "c.r", "c.r.z:1:2", "c.r.z:x")) {
            assertThatThrownBy(() -> TopologyPreference.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void loadBalanceValues() {
        assertThat(LoadBalance.of("false")).isEmpty();
        assertThat(LoadBalance.of(null)).isEmpty();
        assertThat(LoadBalance.of("TRUE")).contains(LoadBalance.ANY);
        assertThat(LoadBalance.of("any")).contains(LoadBalance.ANY);
        assertThat(LoadBalance.of("prefer-rr")).contains(LoadBalance.PREFER_RR);
        assertThat(LoadBalance.ONLY_PRIMARY.label()).isEqualTo("only-primary");
        assertThatThrownBy(() -> LoadBalance.of("round-robin")).hasMessageContaining("round-robin");
    }
}
