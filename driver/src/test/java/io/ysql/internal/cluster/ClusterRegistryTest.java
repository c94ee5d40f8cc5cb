package io.ysql.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.config.HostSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterRegistryTest {
    private final ClusterRegistry registry = new ClusterRegistry(new FakeClock(), new SplittableRandom(1));
    private final List<HostSpec> viaOne = List.of(new HostSpec("127.0.0.1", 5433));
    private final List<HostSpec> viaTwo = List.of(new HostSpec("127.0.0.2", 5433), new HostSpec("127.0.0.3", 5433));

    @Test
    void theSameHostsFindTheSameClusterInAnyOrder() {
        ClusterState a = registry.forSeeds(viaTwo);
        assertThat(registry.forSeeds(List.of(viaTwo.get(1), viaTwo.get(0)))).isSameAs(a);
        assertThat(registry.forSeeds(viaOne)).isNotSameAs(a);
    }

    @Test
    void hostListsReachingTheSameUniverseShareOneState() {
        ClusterState one = registry.forSeeds(viaOne);
        assertThat(registry.adopt(viaOne, one, "u-1")).isSameAs(one);
        one.update(Topologies.threeZones(), false);
        ClusterState two = registry.forSeeds(viaTwo);
        assertThat(registry.adopt(viaTwo, two, "u-1")).isSameAs(one);
        assertThat(registry.forSeeds(viaTwo)).isSameAs(one);
        assertThat(registry.clusters()).containsExactly(one);
    }

    @Test
    void withoutAUniverseIdEachHostListKeepsItsOwnState() {
        ClusterState one = registry.forSeeds(viaOne);
        ClusterState two = registry.forSeeds(viaTwo);
        assertThat(registry.adopt(viaOne, one, null)).isSameAs(one);
        assertThat(registry.adopt(viaTwo, two, null)).isSameAs(two);
        assertThat(registry.clusters()).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void twoRegistriesShareNothing() {
        ClusterRegistry other = new ClusterRegistry(new FakeClock(), new SplittableRandom(1));
        assertThat(other.forSeeds(viaOne)).isNotSameAs(registry.forSeeds(viaOne));
    }
}
