package io.ysql.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FakeYugabyteCluster} for one test class, as a JUnit extension registered on a static
 * field: started before the first test, closed after the last, and between tests put back the
 * way the class asks ({@link #restoringAfterEach}, {@link #restartingListedNodesAfterEach}) and,
 * with {@link #checkingAllClosedAfterEach}, checked for sessions a test left open (a failure of
 * that test). Configured immutably, each method returning a new extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeClusterExtension yb = FakeClusterExtension.defaults()
 *         .restartingListedNodesAfterEach()
 *         .checkingAllClosedAfterEach();
 * ... yb.cluster().node(0) ...
 * }</pre>
 */
public final class FakeClusterExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** How long a closed session may take to leave {@code pg_stat_activity}. */
    public static final Duration SETTLE = Duration.ofSeconds(15);

    private final Fixture<FakeYugabyteCluster> cluster;
    private final List<Consumer<FakeYugabyteCluster>> afterEach;
    private final boolean checkAllClosed;

    private FakeClusterExtension(Fixture<FakeYugabyteCluster> cluster, List<Consumer<FakeYugabyteCluster>> afterEach,
                                 boolean checkAllClosed) {
        this.cluster = cluster.copy();
        this.afterEach = List.copyOf(afterEach);
        this.checkAllClosed = checkAllClosed;
    }

    /** The default cluster: three primaries on 127.0.0.1–3 in zones us-west-2a, 2b, 2c. */
    public static FakeClusterExtension defaults() {
        return of(YbClusterSettings.defaults());
    }

    public static FakeClusterExtension of(YbClusterSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new FakeClusterExtension(new Fixture<>("fake YugabyteDB cluster",
                () -> FakeYugabyteCluster.start(settings), FakeYugabyteCluster::close), List.of(), false);
    }

    /** Also runs {@code setup} once the cluster has started, before the first test (e.g. adds a standby). */
    public FakeClusterExtension afterStart(Consumer<FakeYugabyteCluster> setup) {
        return new FakeClusterExtension(cluster.then(setup), afterEach, checkAllClosed);
    }

    /** Also runs {@code restore} after every test, before the open-session check. */
    public FakeClusterExtension restoringAfterEach(Consumer<FakeYugabyteCluster> restore) {
        List<Consumer<FakeYugabyteCluster>> more = new ArrayList<>(afterEach);
        more.add(Objects.requireNonNull(restore, "restore"));
        return new FakeClusterExtension(cluster, more, checkAllClosed);
    }

    /** Starts every listed node again after every test (a test may stop or pause nodes). */
    public FakeClusterExtension restartingListedNodesAfterEach() {
        return restoringAfterEach(cluster -> cluster.nodes().stream().filter(YbNode::isListed).forEach(YbNode::start));
    }

    /** Fails a test that leaves a client session open on any node (after {@link #SETTLE}). */
    public FakeClusterExtension checkingAllClosedAfterEach() {
        return new FakeClusterExtension(cluster, afterEach, true);
    }

    /**
     * The running cluster.
     *
     * @throws IllegalStateException outside the class's tests (before it started or after it closed)
     */
    public FakeYugabyteCluster cluster() {
        return cluster.get();
    }

    /** Waits until no node has a TCP client session left (at most {@link #SETTLE}); returns the last counts. */
    public Map<String, Integer> awaitAllClosed() {
        return cluster().awaitConnectionCounts(counts -> counts.values().stream().allMatch(n -> n == 0), SETTLE);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        afterTest();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    void start() {
        cluster.start();
    }

    /** Runs every restore, even after one fails, then the open-session check; the first failure is thrown. */
    void afterTest() {
        Throwable failure = null;
        for (Consumer<FakeYugabyteCluster> restore : afterEach) {
            try {
                restore.accept(cluster());
            } catch (RuntimeException | Error e) {
                failure = chain(failure, e);
            }
        }
        if (checkAllClosed) {
            Map<String, Integer> counts = awaitAllClosed();
            if (counts.values().stream().anyMatch(n -> n != 0)) {
                failure = chain(failure, new AssertionError("sessions left open after the test, per node: " + counts));
            }
        }
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
    }

    void stop() {
        cluster.stop();
    }

    private static Throwable chain(Throwable first, Throwable next) {
        if (first == null) return next;
        first.addSuppressed(next);
        return first;
    }
}
