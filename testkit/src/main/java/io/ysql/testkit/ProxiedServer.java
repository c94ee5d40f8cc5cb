package io.ysql.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server with a {@link FaultProxy} in front of it, as a JUnit extension registered on a static
 * field: before the first test the cluster is obtained (the shared one by default) and the
 * class's setup SQL runs through {@code psql}; every test gets a fresh proxy, closed after it,
 * so no fault a test set outlives it. Tests connect through {@link #conninfo} or
 * {@link #jdbcUrl()} and break the network through {@link #proxy()}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProxiedServer server = ProxiedServer.toShared().withTable("t", "id int PRIMARY KEY");
 * ... Ysql.connect(server.conninfo(user, password)); server.proxy().cut(); ...
 * }</pre>
 */
public final class ProxiedServer implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Fixture<PgCluster> server;
    private final Fixture<FaultProxy> proxy;

    private ProxiedServer(Fixture<PgCluster> server) {
        this.server = server.copy();
        Fixture<PgCluster> behind = this.server;
        this.proxy = new Fixture<>("proxy", () -> FaultProxy.to(behind.get()), FaultProxy::close);
    }

    /** In front of {@link PgCluster#shared()}. */
    public static ProxiedServer toShared() {
        return to(PgCluster::shared);
    }

    /** In front of the cluster {@code source} gives (asked once, before the first test). */
    public static ProxiedServer to(Supplier<PgCluster> source) {
        Objects.requireNonNull(source, "source");
        // the cluster belongs to whoever made it: this extension only stops using it
        return new ProxiedServer(new Fixture<>("proxied server", source, cluster -> { }));
    }

    /** Also runs {@code sql} through {@code psql} as the superuser before the first test (e.g. creates a table). */
    public ProxiedServer withSetup(String sql) {
        Objects.requireNonNull(sql, "sql");
        return new ProxiedServer(server.then(cluster -> cluster.psql(sql)));
    }

    /** Also (re)creates table {@code name} with {@code columns} before the first test: {@code DROP}, then {@code CREATE}. */
    public ProxiedServer withTable(String name, String columns) {
        return withSetup("DROP TABLE IF EXISTS " + name + "; CREATE TABLE " + name + " (" + columns + ")");
    }

    /**
     * The server behind the proxy, for checks that must not go through it.
     *
     * @throws IllegalStateException before the first test of the class
     */
    public PgCluster cluster() {
        return server.get();
    }

    /**
     * This test's proxy.
     *
     * @throws IllegalStateException outside a test
     */
    public FaultProxy proxy() {
        return proxy.get();
    }

    /** A libpq keyword/value string for the cluster's database through this test's proxy. */
    public String conninfo(String user, String password) {
        FaultProxy current = proxy();
        return "host=" + current.host() + " port=" + current.port() + " dbname=" + cluster().database()
                + " user=" + Quoting.conninfoValue(user)
                + (password == null ? "" : " password=" + Quoting.conninfoValue(password));
    }

    /** {@link #conninfo(String, String)} as the cluster's superuser. */
    public String conninfo() {
        return conninfo(cluster().superuser(), cluster().superuserPassword());
    }

    /** {@code jdbc:ysql://127.0.0.1:PROXY_PORT/DATABASE}: the cluster's database through this test's proxy. */
    public String jdbcUrl() {
        FaultProxy current = proxy();
        return "jdbc:ysql://" + current.host() + ":" + current.port() + "/" + cluster().database();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        prepare();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        openProxy();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeProxy();
    }

    void prepare() {
        server.start();
    }

    void openProxy() {
        proxy.start();
    }

    void closeProxy() {
        proxy.stop();
    }
}
