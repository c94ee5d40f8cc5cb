package io.ysql.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PgCluster} of a test class's own, for settings the shared clusters do not have (a
 * configuration line, TLS with CRLs, an hba mode …), as a JUnit extension registered on a static
 * field: started with those settings before the first test, set up once, and closed after the
 * last. Configured immutably, each method returning a new extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PgClusterExtension server = PgClusterExtension.of(PgCluster.Settings.builder()
 *         .addConfLine("max_prepared_transactions = 10").build())
 *         .afterStart(cluster -> cluster.psql("CREATE TABLE items (id int)"));
 * ... server.cluster().jdbcUrl() ...
 * }</pre>
 */
public final class PgClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private final PgCluster.Settings settings;
    private final List<Consumer<PgCluster>> afterStart;
    private final AtomicReference<PgCluster> running = new AtomicReference<>();

    private PgClusterExtension(PgCluster.Settings settings, List<Consumer<PgCluster>> afterStart) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.afterStart = List.copyOf(afterStart);
    }

    public static PgClusterExtension of(PgCluster.Settings settings) {
        return new PgClusterExtension(settings, List.of());
    }

    /** Also runs {@code setup} once the cluster has started, before the first test. */
    public PgClusterExtension afterStart(Consumer<PgCluster> setup) {
        List<Consumer<PgCluster>> more = new ArrayList<>(afterStart);
        more.add(Objects.requireNonNull(setup, "setup"));
        return new PgClusterExtension(settings, more);
    }

    /**
     * The running cluster.
     *
     * @throws IllegalStateException outside the class's tests (before it started or after it closed)
     */
    public PgCluster cluster() {
        PgCluster cluster = running.get();
        if (cluster == null) {
            throw new IllegalStateException("the cluster runs only during the tests of the class that registers"
                    + " this extension on a static field");
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    void start() {
        PgCluster cluster = PgCluster.start(settings);
        running.set(cluster);
        try {
            afterStart.forEach(setup -> setup.accept(cluster));
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    void stop() {
        PgCluster cluster = running.getAndSet(null);
        if (cluster != null) cluster.close();
    }
}
