package io.ysql.internal.cluster;

import static io.ysql.internal.cluster.Topologies.any;
import static io.ysql.internal.cluster.Topologies.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.config.HostSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterStateTest {
    private static final HostSpec N1 = new HostSpec("127.0.0.1", 5433);
    private static final HostSpec N2 = new HostSpec("127.0.0.2", 5433);
    private static final HostSpec N3 = new HostSpec("127.0.0.3", 5433);

    private final FakeClock clock = new FakeClock();
    private final ClusterState state = new ClusterState(clock, new SplittableRandom(7));

    private ServerLease take(BalanceRequest r) {
        Pick p = state.pick(r, Set.of(), null);
        assertThat(p).isInstanceOf(Pick.Chosen.class);
        return ((Pick.Chosen) p).lease();
    }

    @Test
    void thirtyConnectionsSpreadTenPerServer() {
        state.update(Topologies.threeZones(), false);
        for (int i = 0; i < 30; i++) take(any());
        assertThat(List.of(state.connections(N1), state.connections(N2), state.connections(N3)))
                .allSatisfy(c -> assertThat(c).isBetween(9, 11));
        assertThat(state.snapshot().servers()).extracting(ClusterSnapshot.Server::connections).containsOnly(10);
    }

    @Test
    void concurrentConnectsSpreadExactly() throws InterruptedException {
        ClusterState shared = new ClusterState(clock, java.util.concurrent.ThreadLocalRandom.current());
        shared.update(Topologies.threeZones(), false);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    ServerLease l = ((Pick.Chosen) shared.pick(any(), Set.of(), null)).lease();
                    if (i % 3 == 0) {
                        l.release();
                        shared.pick(any(), Set.of(), null);
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join(60_000);
        assertThat(shared.snapshot().servers()).extracting(ClusterSnapshot.Server::connections).containsOnly(400);
    }

    @Test
    void closingConnectionsKeepsTheSpreadAndCountsNeverGoNegative() {
        state.update(Topologies.threeZones(), false);
        List<ServerLease> leases = new ArrayList<>();
        for (int i = 0; i < 6; i++) leases.add(take(any()));
        leases.forEach(ServerLease::release);
        leases.forEach(ServerLease::release); // a second release gives nothing back
        assertThat(state.snapshot().servers()).extracting(ClusterSnapshot.Server::connections).containsOnly(0);
        ServerLease l = take(any());
        state.markFailed(l.address(), Duration.ofSeconds(5)); // resets the count
        l.release();
        assertThat(state.connections(l.address())).isZero();
    }

    @Test
    void tiesAreBrokenAtRandom() {
        Map<HostSpec, Integer> firstPicks = new HashMap<>();
        for (int seed = 0; seed < 60; seed++) {
            ClusterState s = new ClusterState(clock, new SplittableRandom(seed));
            s.update(Topologies.threeZones(), false);
            HostSpec first = ((Pick.Chosen) s.pick(any(), Set.of(), null)).lease().address();
            firstPicks.merge(first, 1, Integer::sum);
        }
        assertThat(firstPicks).containsOnlyKeys(N1, N2, N3);
        assertThat(firstPicks.values()).allSatisfy(n -> assertThat(n).isGreaterThan(5));
    }

    @Test
    void aPreferredServerWinsATie() {
        state.update(Topologies.threeZones(), false);
        for (int i = 0; i < 10; i++) {
            assertThat(((Pick.Chosen) state.pick(any(), Set.of(), N2)).lease().address()).isEqualTo(N2);
            take(any());
            take(any());
        }
    }

    @Test
    void aFailedServerIsAvoidedUntilTheDelayHasPassed() {
        state.update(Topologies.threeZones(), false);
        for (int i = 0; i < 3; i++) take(any());
        state.markFailed(N1, Duration.ofSeconds(5));
        Set<HostSpec> chosen = new HashSet<>();
        for (int i = 0; i < 6; i++) chosen.add(take(any()).address());
        assertThat(chosen).containsExactlyInAnyOrder(N2, N3);
        assertThat(state.snapshot().servers().get(0).downUntil()).isNotNull();
        clock.advance(Duration.ofSeconds(5));
        // back with a count of 0, so it gets the next connections
        assertThat(take(any()).address()).isEqualTo(N1);
        assertThat(state.connections(N1)).isEqualTo(1);
        assertThat(state.snapshot().servers().get(0).downUntil()).isNull();
    }

    @Test
    void excludedServersAreSkippedForThatConnectOnly() {
        state.update(Topologies.threeZones(), false);
        Pick p = state.pick(any(), Set.of(N1, N2), null);
        assertThat(((Pick.Chosen) p).lease().address()).isEqualTo(N3);
        assertThat(state.pick(any(), Set.of(N1, N2, N3), null)).isEqualTo(new Pick.NoneAvailable(false));
    }

    @Test
    void theListIsRefreshedWhenStaleAndByOneConnectAtATime() {
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isTrue(); // never fetched
        state.update(Topologies.threeZones(), false);
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isFalse();
        clock.advance(Duration.ofSeconds(299));
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isTrue();
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isFalse(); // claimed already
        state.refreshFailed();
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isTrue();
        state.update(Topologies.threeZones(), false);
        assertThat(state.claimRefresh(Duration.ofSeconds(0))).isTrue(); // 0: every connect
    }

    @Test
    void aFailureAsksForARefresh() {
        state.update(Topologies.threeZones(), false);
        state.markFailed(N2, Duration.ofSeconds(5));
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isTrue();
        state.update(Topologies.threeZones(), false);
        state.requestRefresh();
        assertThat(state.claimRefresh(Duration.ofSeconds(300))).isTrue();
    }

    @Test
    void aRefreshDropsServersThatLeftAndKeepsTheCountsOfTheOthers() {
        state.update(Topologies.threeZones(), false);
        for (int i = 0; i < 6; i++) take(any());
        List<ServerEntry> two = Topologies.threeZones().servers().subList(0, 2);
        state.update(new ServerList("u-1", two), false);
        assertThat(state.lists(N3)).isFalse();
        assertThat(state.connections(N1)).isEqualTo(2);
        assertThat(state.connections(N2)).isEqualTo(2);
        for (int i = 0; i < 4; i++) assertThat(take(any()).address()).isNotEqualTo(N3);
        state.update(Topologies.threeZones(), false); // it comes back, with nothing counted
        assertThat(take(any()).address()).isEqualTo(N3);
    }

    @Test
    void publicAddressesAreUsedWhenChosenAndTheChoiceSticks() {
        List<ServerEntry> rows = List.of(
                new ServerEntry("10.0.0.1", 5433, "primary", new Placement("c", "r", "z1"), "127.0.0.1"),
                new ServerEntry("10.0.0.2", 5433, "primary", new Placement("c", "r", "z2"), "127.0.0.2"));
        state.update(new ServerList(null, rows), true);
        assertThat(state.lists(N1)).isTrue();
        state.update(new ServerList(null, rows), false); // ignored: decided already
        assertThat(state.usePublic()).isTrue();
        assertThat(take(any()).address().host()).startsWith("127.0.0.");
        assertThat(state.snapshot().usePublic()).isTrue();
    }

    @Test
    void theLeaseNamesItsServer() {
        state.update(Topologies.threeZones(), false);
        ServerLease l = take(any());
        assertThat(l.server().host()).isEqualTo(l.address().host());
        assertThat(l.cluster()).isSameAs(state);
        assertThat(state.universeUuid()).isEqualTo("u-1");
    }

    @Test
    void onlyRrWithoutReadReplicasMustFail() {
        state.update(Topologies.threeZones(), false);
        assertThat(state.pick(request(LoadBalance.ONLY_RR, null, false), Set.of(), null))
                .isEqualTo(new Pick.NoneAvailable(true));
        assertThat(take(request(LoadBalance.PREFER_RR, null, false)).server().primary()).isTrue();
    }
}
