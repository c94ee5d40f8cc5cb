package io.ysql.testkit;

import java.util.Objects;
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
    private final Fixture<PgCluster> cluster;

    private PgClusterExtension(Fixture<PgCluster> cluster) {
        this.cluster = cluster.copy();
    }

    public static PgClusterExtension of(PgCluster.Settings settings) {
        Objects.requireNonNull(settings, "settings");
        return new PgClusterExtension(new Fixture<>("cluster", () -> PgCluster.start(settings), PgCluster::close));
    }

    /** Also runs {@code setup} once the cluster has started, before the first test. */
    public PgClusterExtension afterStart(Consumer<PgCluster> setup) {
        return new PgClusterExtension(cluster.then(setup));
    }

    /**
     * The running cluster.
     *
     * @throws IllegalStateException outside the class's tests (before it started or after it closed)
     */
    public PgCluster cluster() {
        return cluster.get();
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
        cluster.start();
    }

    void stop() {
        cluster.stop();
    }
}
