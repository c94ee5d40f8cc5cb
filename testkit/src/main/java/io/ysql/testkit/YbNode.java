package io.ysql.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One PostgreSQL server of a {@link FakeYugabyteCluster}, standing in for a YugabyteDB tserver:
 * its own data directory, log and unix socket directory, listening on one loopback address. The
 * test stops it hard ({@link #stop()}, as a crashed node: connects are refused), starts it again,
 * freezes it ({@link #pause()}: connects hang), hides its {@code yb_servers()} row, changes what
 * the row says, makes it read-only, and counts the TCP client sessions it serves
 * ({@code pg_stat_activity}), the way a real cluster's per-node backend count is checked.
 */
public final class YbNode {
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

    private final int index;
    private final String host;
    private final int port;
    private final Placement placement;
    private final NodeType nodeType;
    private final String uuid;
    private final Path directory;
    private final PgBinaries binaries;
    private final CommandRunner runner;
    private final Psql psql;
    private final Consumer<YbNode> topologyChanged;
    private final boolean standby;
    private final ReentrantLock lock = new ReentrantLock();
    private ServersFunction installed;
    private ServersFunction wanted;
    private String hostColumn;
    private String publicIp;
    private boolean listed;
    private boolean running;
    private boolean paused;

    YbNode(int index, YbNodeSpec spec, int port, String uuid, Path directory, PgBinaries binaries,
           String superuser, ServersFunction installed, boolean standby, Consumer<YbNode> topologyChanged) {
        this.index = index;
        this.host = spec.host();
        this.port = port;
        this.placement = spec.placement();
        this.nodeType = spec.nodeType();
        this.uuid = uuid;
        this.directory = directory;
        this.binaries = binaries;
        this.runner = CommandRunner.forServer(directory);
        this.psql = new Psql(binaries, runner, directory, port, superuser);
        this.topologyChanged = topologyChanged;
        this.standby = standby;
        this.installed = installed;
        this.wanted = installed;
        this.hostColumn = spec.host();
        this.publicIp = spec.publicIpColumn();
        this.listed = spec.listed();
    }

    /** The position of this node in the cluster, from 0, in the order the nodes were made. */
    public int index() { return index; }
    /** The loopback address the server listens on. */
    public String host() { return host; }
    public int port() { return port; }
    public Placement placement() { return placement; }
    public NodeType nodeType() { return nodeType; }
    /** The {@code uuid} column: 32 hex digits, no dashes. */
    public String uuid() { return uuid; }
    /** {@code host:port}, as a JDBC URL names it. */
    public String address() { return host + ":" + port; }
    public Path directory() { return directory; }
    public Path dataDirectory() { return directory.resolve(ClusterLauncher.DATA); }
    public Path logFile() { return directory.resolve(ClusterLauncher.LOG); }

    /** What the {@code host} column of this node's row says (its address unless changed). */
    public String hostColumn() { return locked(() -> hostColumn); }
    /** What the {@code public_ip} column says; empty when none. */
    public String publicIp() { return locked(() -> publicIp); }
    /** Whether {@code yb_servers()} returns this node's row. */
    public boolean isListed() { return locked(() -> listed); }
    /** Whether the server runs (it may be {@link #pause() paused}). */
    public boolean isRunning() { return locked(() -> running); }

    /** Shows or hides this node's row in {@code yb_servers()} on every node, at once. */
    public void setListed(boolean newListed) {
        lock.lock();
        try {
            listed = newListed;
        } finally {
            lock.unlock();
        }
        topologyChanged.accept(this);
    }

    /**
     * Changes what this node's row says its {@code host} and {@code public_ip} are (the server
     * keeps listening where it does): for the private/public address scenarios, e.g. a host
     * column where nothing listens and the real address as public_ip.
     */
    public void advertise(String newHostColumn, String newPublicIp) {
        lock.lock();
        try {
            hostColumn = Objects.requireNonNull(newHostColumn, "newHostColumn");
            publicIp = Objects.requireNonNull(newPublicIp, "newPublicIp");
        } finally {
            lock.unlock();
        }
        topologyChanged.accept(this);
    }

    /** Stops the server hard ({@code pg_ctl stop -m immediate}); its row stays listed, as a stale list would. */
    public void stop() {
        stop("immediate");
    }

    /** Stops the server cleanly ({@code pg_ctl stop -m fast}), ending its sessions. */
    public void stopFast() {
        stop("fast");
    }

    private void stop(String mode) {
        lock.lock();
        try {
            if (paused) resumeLocked();
            YbNodeProcess.stop(binaries, runner, dataDirectory(), mode);
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Starts a stopped server again (with crash recovery after {@link #stop()}); waits until it accepts. */
    public void start() {
        lock.lock();
        try {
            if (running) return;
            YbNodeProcess.start(binaries, runner, dataDirectory(), logFile());
            running = true;
            if (wanted != installed) installLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Freezes the postmaster ({@code SIGSTOP}): the kernel still completes TCP handshakes, but no
     * session starts, so a connect hangs until a timeout. Sessions already open keep working.
     */
    public void pause() {
        lock.lock();
        try {
            if (!running) throw new IllegalStateException("node " + address() + " is stopped");
            if (paused) return;
            YbNodeProcess.signal(runner, dataDirectory(), "STOP");
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    /** Undoes {@link #pause()}. */
    public void resume() {
        lock.lock();
        try {
            if (paused) resumeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void resumeLocked() {
        YbNodeProcess.signal(runner, dataDirectory(), "CONT");
        paused = false;
    }

    /** Runs SQL as the superuser in database {@code yugabyte} over this node's unix socket; returns stdout. */
    public String psql(String sql) {
        return psql("yugabyte", sql);
    }

    /** Runs SQL as the superuser in {@code database}; unaligned rows, columns separated by {@code |}. */
    public String psql(String database, String sql) {
        return psql.run(database, sql, false);
    }

    /** The client sessions connected over TCP now (psql's administration goes over the socket and is not counted). */
    public int connectionCount() {
        return connectionCount("true");
    }

    /**
     * The TCP client sessions for which {@code predicate} (SQL over {@code pg_stat_activity}'s
     * columns, e.g. {@code application_name <> 'control'}) holds.
     */
    public int connectionCount(String predicate) {
        return Integer.parseInt(psql("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                + " AND client_addr IS NOT NULL AND (" + predicate + ")"));
    }

    /** Ends every TCP client session of this node; returns how many. */
    public int terminateConnections() {
        return Integer.parseInt(psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend' AND client_addr IS NOT NULL"));
    }

    /**
     * Sets {@code default_transaction_read_only} for new sessions ({@code ALTER SYSTEM} and a
     * reload), so {@code target_session_attrs=read-write} rejects the node; returns once a new
     * session sees the value.
     */
    public void setDefaultTransactionReadOnly(boolean readOnly) {
        String value = readOnly ? "on" : "off";
        psql("postgres", "ALTER SYSTEM SET default_transaction_read_only = " + value + ";\nSELECT pg_reload_conf();");
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (!psql("postgres", "SHOW default_transaction_read_only").equals(value)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + address() + " did not reload default_transaction_read_only");
            }
            Thread.onSpinWait();
        }
    }

    /** Whether this node was made by {@link FakeYugabyteCluster#addStandby}: a hot standby of another node. */
    public boolean isStandby() { return standby; }

    /**
     * Replaces {@code yb_servers()} in every database of this node now, or when it next starts; a
     * standby gets it from its primary instead.
     */
    void useServersFunction(ServersFunction function) {
        lock.lock();
        try {
            wanted = function;
            if (running && !standby) installLocked();
        } finally {
            lock.unlock();
        }
    }

    private void installLocked() {
        String script = YbCatalogScript.serversFunction(wanted);
        for (String database : psql("postgres", "SELECT datname FROM pg_database WHERE datallowconn").split("\n")) {
            psql(database.strip(), script);
        }
        installed = wanted;
    }

    /** Whether the server is a hot standby ({@code pg_is_in_recovery()}). */
    public boolean isInRecovery() {
        return psql("postgres", "SELECT pg_is_in_recovery()").equals("t");
    }

    /** The server log, for a failure message. */
    public String logTail() {
        return Files.exists(logFile()) ? ServerLog.tail(logFile()) : "(no log)";
    }

    /** The row this node contributes to the topology document. */
    TopologyDocument.Row row() {
        return locked(() -> new TopologyDocument.Row(hostColumn, port, nodeType, placement, publicIp, uuid, listed));
    }

    void markRunning(boolean value) {
        lock.lock();
        try {
            running = value;
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "YbNode[" + address() + ", " + placement + ", " + nodeType.column()
                + (isRunning() ? "" : ", stopped") + (isListed() ? "" : ", unlisted") + "]";
    }
}
