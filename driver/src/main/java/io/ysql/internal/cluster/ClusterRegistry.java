package io.ysql.internal.cluster;

import io.ysql.config.HostSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * Every cluster one owner (a driver instance, a data source) has balanced over. A connect finds its
 * cluster by the hosts it was given; once {@code yb_servers()} has named the cluster's
 * {@code universe_uuid}, different host lists that reach the same cluster share one
 * {@link ClusterState}, so their counts add up.
 */
public final class ClusterRegistry {
    private final Clock clock;
    private final RandomGenerator random;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<List<String>, ClusterState> bySeeds = new HashMap<>();
    private final Map<String, ClusterState> byUniverse = new HashMap<>();

    /** @param random used under each cluster's lock, possibly by several threads at once for different clusters */
    public ClusterRegistry(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A registry on the system clock and a thread-safe random generator. */
    public static ClusterRegistry system() {
        return new ClusterRegistry(Clock.systemUTC(), ThreadLocalRandom.current());
    }

    /** The cluster reached through {@code seeds}: the one known for them, or a new, empty one. */
    public ClusterState forSeeds(List<HostSpec> seeds) {
        lock.lock();
        try {
            return bySeeds.computeIfAbsent(key(seeds), k -> new ClusterState(clock, random));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Files {@code state} (reached through {@code seeds}) under {@code universeUuid}; when another
     * state already holds that cluster, the seeds now lead to it and it is returned instead.
     */
    public ClusterState adopt(List<HostSpec> seeds, ClusterState state, String universeUuid) {
        if (universeUuid == null) return state;
        lock.lock();
        try {
            ClusterState known = byUniverse.putIfAbsent(universeUuid, state);
            if (known == null || known == state) return state;
            bySeeds.put(key(seeds), known);
            return known;
        } finally {
            lock.unlock();
        }
    }

    /** Every distinct cluster known, in no particular order. */
    public List<ClusterState> clusters() {
        lock.lock();
        try {
            return new ArrayList<>(new LinkedHashSet<>(bySeeds.values()));
        } finally {
            lock.unlock();
        }
    }

    private static List<String> key(List<HostSpec> seeds) {
        return seeds.stream().map(h -> h.connectAddress() + ":" + h.port()).sorted().distinct().toList();
    }
}
