package io.ysql.internal.cluster;

import io.ysql.config.HostSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * One cluster as this driver instance (or data source) sees it: the servers of the last
 * {@code yb_servers()} answer, the connections opened to each and not yet closed, and the servers
 * to avoid after a failed connect. Choosing a server takes its count under the lock, so concurrent
 * connects spread instead of piling onto the same least-loaded server. A refresh replaces the list
 * (servers that left are forgotten) and keeps the counts and failures of the servers that stay.
 * At most one refresh is claimed at a time once a list exists; the others use the current list.
 */
public final class ClusterState {
    private final Clock clock;
    private final RandomGenerator random;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<HostSpec, Node> nodes = new LinkedHashMap<>();
    private String universeUuid;
    private Instant refreshedAt;
    private Boolean usePublic;
    private boolean refreshing;
    private boolean forceRefresh;

    /** A server's counters; guarded by the lock. */
    private static final class Node {
        ServerEntry entry;
        final HostSpec address;
        int count;
        Instant downUntil;
        long epoch;

        Node(ServerEntry entry, HostSpec address) {
            this.entry = entry;
            this.address = address;
        }

        boolean up(Instant now) {
            return downUntil == null || !now.isBefore(downUntil);
        }
    }

    ClusterState(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** Whether a server list was ever fetched. */
    public boolean known() {
        lock.lock();
        try {
            return refreshedAt != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the caller should fetch the list now: it is missing, older than {@code interval}, or a
     * failure asked for a refresh; and no other connect has claimed the refresh (when a list exists).
     * A claim must end with {@link #update} or {@link #refreshFailed}.
     */
    public boolean claimRefresh(Duration interval) {
        lock.lock();
        try {
            if (refreshedAt == null) return true;
            boolean stale = forceRefresh || !clock.instant().isBefore(refreshedAt.plus(interval));
            if (!stale || refreshing) return false;
            refreshing = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a claimed refresh that could not fetch the list; the next connect tries again. */
    public void refreshFailed() {
        lock.lock();
        try {
            refreshing = false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether servers are reached through their public addresses; {@code null} while undecided. */
    public Boolean usePublic() {
        lock.lock();
        try {
            return usePublic;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the server list. {@code usePublicAddresses} is kept only while undecided (the first
     * decision sticks). Counts and failures of servers still listed are kept.
     */
    public void update(ServerList list, boolean usePublicAddresses) {
        lock.lock();
        try {
            if (usePublic == null) usePublic = usePublicAddresses;
            Map<HostSpec, Node> next = new LinkedHashMap<>();
            for (ServerEntry e : list.servers()) {
                HostSpec address = new HostSpec(e.address(usePublic), e.port());
                Node n = nodes.get(address);
                if (n == null) n = new Node(e, address);
                n.entry = e;
                next.putIfAbsent(address, n);
            }
            nodes.clear();
            nodes.putAll(next);
            universeUuid = list.universeUuid();
            refreshedAt = clock.instant();
            refreshing = false;
            forceRefresh = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Chooses the server for a new connection and takes its count: among servers not in
     * {@code excluded}, not avoided and of an accepted node type, the first topology level with any
     * such server, then the fewest connections; ties go to {@code preferred} when it is among them,
     * else to a random one.
     */
    public Pick pick(BalanceRequest request, Set<HostSpec> excluded, HostSpec preferred) {
        lock.lock();
        try {
            Instant now = clock.instant();
            TopologyPreference topology = request.topology();
            List<Node> chosen = List.of();
            for (int level = 0; level < topology.levels().size() && chosen.isEmpty(); level++) {
                chosen = candidates(request, excluded, now, true, level);
            }
            if (chosen.isEmpty() && request.restOfCluster()) chosen = candidates(request, excluded, now, true, -1);
            if (chosen.isEmpty() && request.mode().prefers()) chosen = candidates(request, excluded, now, false, -1);
            if (chosen.isEmpty()) return new Pick.NoneAvailable(request.failsWhenNone());
            Node n = leastLoaded(chosen, preferred);
            n.count++;
            return new Pick.Chosen(new ServerLease(this, n.address, n.entry, n.epoch));
        } finally {
            lock.unlock();
        }
    }

    /** Eligible servers at a topology level (-1: anywhere in the cluster). */
    private List<Node> candidates(BalanceRequest r, Set<HostSpec> excluded, Instant now, boolean strict, int level) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (excluded.contains(n.address) || !n.up(now) || !r.mode().accepts(n.entry, strict)) continue;
            if (level >= 0 && !r.topology().atLevel(level, n.entry.placement())) continue;
            out.add(n);
        }
        return out;
    }

    private Node leastLoaded(List<Node> candidates, HostSpec preferred) {
        int min = Integer.MAX_VALUE;
        for (Node n : candidates) min = Math.min(min, n.count);
        List<Node> ties = new ArrayList<>();
        for (Node n : candidates) {
            if (n.count != min) continue;
            if (n.address.equals(preferred)) return n;
            ties.add(n);
        }
        return ties.size() == 1 ? ties.get(0) : ties.get(random.nextInt(ties.size()));
    }

    /**
     * Records that connecting to {@code address} failed at the network level: it is avoided for
     * {@code delay}, its count starts again from zero, and the next connect refreshes the list.
     */
    public void markFailed(HostSpec address, Duration delay) {
        lock.lock();
        try {
            forceRefresh = true;
            Node n = nodes.get(address);
            if (n == null) return;
            n.downUntil = clock.instant().plus(delay);
            n.count = 0;
            n.epoch++;
        } finally {
            lock.unlock();
        }
    }

    /** Asks the next connect to refresh the list (after a failure that did not mark a server down). */
    public void requestRefresh() {
        lock.lock();
        try {
            forceRefresh = true;
        } finally {
            lock.unlock();
        }
    }

    void release(ServerLease lease) {
        lock.lock();
        try {
            Node n = nodes.get(lease.address());
            if (n != null && n.epoch == lease.epoch() && n.count > 0) n.count--;
        } finally {
            lock.unlock();
        }
    }

    /** The connections counted on {@code address}, 0 when it is not listed. */
    public int connections(HostSpec address) {
        lock.lock();
        try {
            Node n = nodes.get(address);
            return n == null ? 0 : n.count;
        } finally {
            lock.unlock();
        }
    }

    /** The {@code universe_uuid} of the last list, or {@code null}. */
    public String universeUuid() {
        lock.lock();
        try {
            return universeUuid;
        } finally {
            lock.unlock();
        }
    }

    /** A consistent copy for introspection. */
    public ClusterSnapshot snapshot() {
        lock.lock();
        try {
            Instant now = clock.instant();
            List<ClusterSnapshot.Server> servers = new ArrayList<>();
            for (Node n : nodes.values()) {
                servers.add(new ClusterSnapshot.Server(n.entry, n.address.host(), n.count,
                        n.up(now) ? null : n.downUntil));
            }
            return new ClusterSnapshot(universeUuid, servers, refreshedAt, Boolean.TRUE.equals(usePublic));
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code address} is one of the listed servers. */
    public boolean lists(HostSpec address) {
        lock.lock();
        try {
            return nodes.containsKey(address);
        } finally {
            lock.unlock();
        }
    }
}
