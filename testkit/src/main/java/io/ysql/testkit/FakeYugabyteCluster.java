package io.ysql.testkit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A fake YugabyteDB cluster made of plain PostgreSQL servers, for testing load balancing and
 * topology awareness without YugabyteDB: one server per node ({@link YbNode}) on its own loopback
 * address (127.0.0.1, .2, .3 … — all of 127/8 is loopback on Linux), all on the same port, each
 * answering {@code yb_servers()} with the same rows, read from one topology document the test
 * rewrites at run time ({@link YbNode#setListed}, {@link YbNode#advertise}, {@link #addNode}).
 * Nodes are stopped, started, paused and counted through {@link YbNode}. Every node is a copy of
 * a {@link YbTemplate} (made once per JVM for the default settings), so a start costs a copy and
 * a {@code pg_ctl start} per node, in parallel.
 * Everything is stopped and deleted by {@link #close()}, or at the latest when the JVM exits.
 * Limits: data is not shared between nodes, {@code server_version} stays PostgreSQL's own (only
 * {@code version()} says {@code -YB-}), and there are no distributed transactions.
 */
public final class FakeYugabyteCluster implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger("io.ysql.testkit");
    private static final String TOPOLOGY = "topology.json";
    private static final int PORT_ATTEMPTS = 20;
    private static final int PROBED_ADDRESSES = 8;

    private final YbClusterSettings settings;
    private final int port;
    private final PgBinaries binaries;
    private final Path home;
    private final ClusterTeardown homeTeardown;
    private final YbTemplate template;
    private final boolean ownTemplate;
    private final List<YbNode> nodes = new CopyOnWriteArrayList<>();
    private final List<ClusterTeardown> nodeTeardowns = new CopyOnWriteArrayList<>();
    private final ReentrantLock topologyLock = new ReentrantLock();
    private ServersFunction serversFunction;

    private FakeYugabyteCluster(YbClusterSettings settings, int port, PgBinaries binaries, Path home,
                                ClusterTeardown homeTeardown, YbTemplate template, boolean ownTemplate) {
        this.settings = settings;
        this.template = template;
        this.ownTemplate = ownTemplate;
        this.port = port;
        this.binaries = binaries;
        this.home = home;
        this.homeTeardown = homeTeardown;
        this.serversFunction = settings.serversFunction();
    }

    /** Starts the default cluster: three primaries on 127.0.0.1–3 in zones us-west-2a, 2b, 2c. */
    public static FakeYugabyteCluster start() {
        return start(YbClusterSettings.defaults());
    }

    /**
     * Starts a cluster and returns once every node accepts connections.
     *
     * @throws IllegalStateException when no PostgreSQL binaries are found or a node does not start
     */
    public static FakeYugabyteCluster start(YbClusterSettings settings) {
        Objects.requireNonNull(settings, "settings");
        PgBinaries binaries = PgBinaries.locate();
        StaleClusters.sweep(Path.of(System.getProperty("java.io.tmpdir")), binaries);
        int port = settings.port() != 0 ? settings.port() : freePortOnEveryAddress(settings);
        long t0 = System.nanoTime();
        boolean shared = YbTemplate.fitsShared(settings);
        YbTemplate template = shared ? YbTemplate.shared()
                : YbTemplate.prepare(binaries, settings.serversFunction(), settings.versionText(), settings.extraConf());
        long t1 = System.nanoTime();
        Path home = YbNodeProcess.createDirectory();
        ClusterTeardown homeTeardown = ClusterTeardown.register(binaries, home);
        FakeYugabyteCluster cluster = new FakeYugabyteCluster(settings, port, binaries, home, homeTeardown, template,
                !shared);
        try {
            cluster.startNodes(settings.nodes());
            LOGGER.log(Level.INFO, () -> "fake YugabyteDB cluster of " + settings.nodes().size() + " nodes on port "
                    + port + " started in " + (System.nanoTime() - t0) / 1_000_000 + " ms (template "
                    + (t1 - t0) / 1_000_000 + " ms" + (shared ? ", shared" : "") + ")");
            return cluster;
        } catch (RuntimeException e) {
            try {
                cluster.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void startNodes(List<YbNodeSpec> specs) {
        List<YbNode> made = new ArrayList<>();
        for (YbNodeSpec spec : specs) made.add(makeNode(spec));
        nodes.addAll(made);
        writeTopology();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(specs.size(), 4), runnable -> {
            Thread thread = new Thread(runnable, "fake-yb-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(made.stream().map(node -> CompletableFuture.runAsync(node::start, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            pool.shutdown();
        }
    }

    /** A stopped node copied from the template, with its own node.conf. */
    private YbNode makeNode(YbNodeSpec spec) {
        NodeHome home = newNodeHome();
        YbNodeProcess.copy(home.runner(), template.data(), home.data());
        int nodePort = spec.port() != 0 ? spec.port() : port;
        YbNodeProcess.writeNodeConf(home.data(), spec.host(), nodePort, home.directory(), topologyFile(),
                spec.placement());
        YbNode node = new YbNode(nodes.size(), spec, nodePort, newNodeUuid(), home.directory(), binaries,
                YbClusterSettings.USER, template.installed(), false, changed -> writeTopology());
        node.useServersFunction(serversFunction);
        return node;
    }

    /**
     * Adds and starts a node while the cluster runs; its row is listed at once when the spec says
     * so (a driver sees it after its next refresh).
     */
    public YbNode addNode(YbNodeSpec spec) {
        topologyLock.lock();
        try {
            for (YbNode node : nodes) {
                if (node.host().equals(spec.host()) && node.port() == (spec.port() != 0 ? spec.port() : port)) {
                    throw new IllegalArgumentException("a node already listens on " + node.address());
                }
            }
            return started(makeNode(spec));
        } finally {
            topologyLock.unlock();
        }
    }

    /** Adds a listed node on the next free loopback address ({@code 127.0.0.<nodes + 1>} or later). */
    public YbNode addNode(Placement placement, NodeType nodeType) {
        return addNode(YbNodeSpec.of(nextFreeAddress(), placement, nodeType));
    }

    /**
     * Adds a hot standby of {@code primary} ({@code pg_basebackup -R}) on the next free loopback
     * address; its row is not listed unless {@code listed}. It is read-only and
     * {@code pg_is_in_recovery()} is true: the oracle for {@code target_session_attrs}.
     */
    public YbNode addStandby(YbNode primary, boolean listed) {
        topologyLock.lock();
        try {
            NodeHome home = newNodeHome();
            YbNodeProcess.baseBackup(binaries, home.runner(), primary.directory(), primary.port(),
                    YbClusterSettings.USER, home.data());
            YbNodeSpec spec = YbNodeSpec.of(nextFreeAddress(), primary.placement(), primary.nodeType())
                    .withListed(listed);
            YbNodeProcess.writeNodeConf(home.data(), spec.host(), port, home.directory(), topologyFile(),
                    spec.placement());
            YbNode node = new YbNode(nodes.size(), spec, port, newNodeUuid(), home.directory(), binaries,
                    YbClusterSettings.USER, serversFunction, true, changed -> writeTopology());
            return started(node);
        } finally {
            topologyLock.unlock();
        }
    }

    /** Starts a node made while the cluster runs and lists it in the topology (under the topology lock). */
    private YbNode started(YbNode node) {
        node.start();
        nodes.add(node);
        writeTopology();
        return node;
    }

    /** Replaces {@code yb_servers()} on every node (stopped ones when they start again), e.g. by an older form. */
    public void useServersFunction(ServersFunction function) {
        topologyLock.lock();
        try {
            serversFunction = Objects.requireNonNull(function, "function");
            for (YbNode node : nodes) node.useServersFunction(function);
        } finally {
            topologyLock.unlock();
        }
    }

    /** The nodes, in the order they were made. */
    public List<YbNode> nodes() { return List.copyOf(nodes); }
    public YbNode node(int index) { return nodes.get(index); }
    /** The node listening on {@code host} (on any port). */
    public YbNode node(String host) {
        return nodes.stream().filter(node -> node.host().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node on " + host + " in " + nodes));
    }

    /** The port the nodes listen on (unless a spec named another). */
    public int port() { return port; }
    public String universeUuid() { return settings.universeUuid(); }
    public YbClusterSettings settings() { return settings; }
    public String user() { return YbClusterSettings.USER; }
    public String password() { return YbClusterSettings.PASSWORD; }
    public String database() { return YbClusterSettings.DATABASE; }
    /** The topology document every node's {@code yb_servers()} reads. */
    public Path topologyFile() { return home.resolve(TOPOLOGY); }

    /** {@code jdbc:ysql://127.0.0.1:PORT/yugabyte}: the first node only; the driver discovers the others. */
    public String jdbcUrl() {
        return jdbcUrl(List.of(nodes.get(0)));
    }

    /** A JDBC URL naming these nodes as its hosts, in this order. */
    public String jdbcUrl(List<YbNode> hosts) {
        return "jdbc:ysql://" + hosts.stream().map(YbNode::address).collect(Collectors.joining(","))
                + "/" + YbClusterSettings.DATABASE;
    }

    /** A libpq keyword/value string for the first node, with {@code user} and {@code password}. */
    public String conninfo(String user, String password) {
        YbNode first = nodes.get(0);
        return "host=" + first.host() + " port=" + first.port() + " dbname=" + YbClusterSettings.DATABASE
                + " user=" + Quoting.conninfoValue(user)
                + (password == null ? "" : " password=" + Quoting.conninfoValue(password));
    }

    /** TCP client sessions per node address, in node order; 0 for a stopped node. */
    public Map<String, Integer> connectionCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (YbNode node : nodes) counts.put(node.host(), node.isRunning() ? node.connectionCount() : 0);
        return counts;
    }

    /** Total TCP client sessions over every running node. */
    public int totalConnections() {
        return connectionCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Polls {@link #connectionCounts()} until {@code condition} holds (a closed session leaves
     * {@code pg_stat_activity} shortly after the client's Terminate) or {@code timeout} passes;
     * returns the last counts either way, for the caller's assertion.
     */
    public Map<String, Integer> awaitConnectionCounts(Predicate<Map<String, Integer>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> counts = connectionCounts();
        while (!condition.test(counts) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return counts;
            }
            counts = connectionCounts();
        }
        return counts;
    }

    /** Stops every node and deletes every directory. Idempotent. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ClusterTeardown teardown : nodeTeardowns) {
            try {
                teardown.runNow();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        for (YbNode node : nodes) node.markRunning(false);
        List<ClusterTeardown> rest = ownTemplate ? List.of(homeTeardown, template.teardown()) : List.of(homeTeardown);
        for (ClusterTeardown teardown : rest) {
            try {
                teardown.runNow();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }

    private void writeTopology() {
        topologyLock.lock();
        try {
            new TopologyDocument(settings.universeUuid(), nodes.stream().map(YbNode::row).toList())
                    .writeTo(topologyFile());
        } finally {
            topologyLock.unlock();
        }
    }

    private String nextFreeAddress() {
        for (int n = nodes.size(); n < 254; n++) {
            String candidate = YbClusterSettings.loopbackAddress(n);
            if (nodes.stream().noneMatch(node -> node.host().equals(candidate)) && bindable(candidate, port)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free loopback address for port " + port);
    }

    /** A node's directory, the runner for its server commands and its data directory. */
    private record NodeHome(Path directory, CommandRunner runner, Path data) {}

    /** A fresh node directory, torn down with the cluster. */
    private NodeHome newNodeHome() {
        Path directory = YbNodeProcess.createDirectory();
        nodeTeardowns.add(ClusterTeardown.register(binaries, directory));
        return new NodeHome(directory, CommandRunner.forServer(directory), directory.resolve(ClusterLauncher.DATA));
    }

    private static String newNodeUuid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A port free on every node's address and the next few, so that nodes added later fit too. */
    private static int freePortOnEveryAddress(YbClusterSettings settings) {
        List<String> addresses = new ArrayList<>();
        settings.nodes().forEach(node -> addresses.add(node.host()));
        for (int n = 0; n < PROBED_ADDRESSES; n++) addresses.add(YbClusterSettings.loopbackAddress(n));
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int candidate = Loopback.freePort();
            if (addresses.stream().distinct().allMatch(address -> bindable(address, candidate))) return candidate;
        }
        throw new IllegalStateException("found no port free on all of " + addresses);
    }

    private static boolean bindable(String address, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(address))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "FakeYugabyteCluster[port " + port + ", " + nodes + "]";
    }
}
