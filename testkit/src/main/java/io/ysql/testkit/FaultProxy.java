package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A loopback TCP proxy that puts network faults between a client and a server: it listens on
 * 127.0.0.1 (a free port), connects each accepted client to the target, and forwards bytes both
 * ways through a {@link FaultLink} whose faults a test controls. Faults set on the proxy apply to
 * every open link and to every link accepted later, until {@link #resume()}; {@link #cut()} is an
 * event and resets only the open links. Every thread is a daemon; {@link #close()} stops
 * accepting, resets every link and waits for the threads to end.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(cluster.host(), cluster.port())) {
 *     Connection c = DriverManager.getConnection("jdbc:ysql://127.0.0.1:" + proxy.port() + "/db", ...);
 *     proxy.cut();   // the connection fails with 08006
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
    /** Which way bytes travel through a link. */
    public enum Direction { TO_SERVER, TO_CLIENT }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition accepted = lock.newCondition();
    private final List<FaultLink> links = new ArrayList<>();
    private final List<Consumer<FaultLink>> standing = new ArrayList<>();
    private final Thread acceptor;
    private boolean closed;

    private FaultProxy(String targetHost, int targetPort, ServerSocket listener) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listener;
        this.acceptor = new Thread(this::acceptForever, "testkit-fault-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Listens on 127.0.0.1 (a free port) and forwards every connection to {@code host:port}. */
    public static FaultProxy start(String host, int port) {
        Objects.requireNonNull(host, "host");
        try {
            FaultProxy proxy = new FaultProxy(host, port, new ServerSocket(0, 50, InetAddress.getByName(Loopback.IPV4)));
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a fault proxy on " + Loopback.IPV4, e);
        }
    }

    /** Forwards to a cluster's TCP address. */
    public static FaultProxy to(PgCluster cluster) {
        return start(cluster.host(), cluster.port());
    }

    public String host() { return Loopback.IPV4; }
    public int port() { return listener.getLocalPort(); }

    /** The links accepted so far, oldest first, open or not. */
    public List<FaultLink> links() {
        lock.lock();
        try {
            return List.copyOf(links);
        } finally {
            lock.unlock();
        }
    }

    /** The most recent link. @throws IllegalStateException when none was accepted yet */
    public FaultLink lastLink() {
        List<FaultLink> all = links();
        if (all.isEmpty()) throw new IllegalStateException("no connection went through " + this + " yet");
        return all.get(all.size() - 1);
    }

    /** Waits until {@code count} links were accepted; returns the last of them. */
    public FaultLink awaitLinks(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (links.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(links.size() + " of " + count + " connections reached "
                            + this + " within " + timeout);
                }
                accepted.awaitNanos(left);
            }
            return links.get(count - 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for connections", e);
        } finally {
            lock.unlock();
        }
    }

    /** Resets every open link now; later connections go through. */
    public void cut() { links().forEach(FaultLink::cut); }

    /** {@link FaultLink#stall()} on every link, now and later. */
    public void stall() { always(FaultLink::stall); }

    /** {@link FaultLink#slow(long)} on every link, now and later. */
    public void slow(long bytesPerSecond) { always(link -> link.slow(bytesPerSecond)); }

    /** {@link FaultLink#corrupt(Direction, long)} on every link, now and later. */
    public void corrupt(Direction direction, long offset) { always(link -> link.corrupt(direction, offset)); }

    /** {@link FaultLink#corrupt(Direction, byte[], byte[])} on every link, now and later. */
    public void corrupt(Direction direction, byte[] pattern, byte[] replacement) {
        always(link -> link.corrupt(direction, pattern, replacement));
    }

    /** {@link FaultLink#halfClose(Direction)} on every link, now and later. */
    public void halfClose(Direction direction) { always(link -> link.halfClose(direction)); }

    /** {@link FaultLink#cutAt(Direction, byte[])} on every link, now and later. */
    public void cutAt(Direction direction, byte[] pattern) { always(link -> link.cutAt(direction, pattern)); }

    /** {@link FaultLink#cutAfterBytes(Direction, long)} on every link, now and later. */
    public void cutAfterBytes(Direction direction, long bytes) {
        always(link -> link.cutAfterBytes(direction, bytes));
    }

    /** {@link FaultLink#loseAnswerTo(byte[])} on every link, now and later. */
    public void loseAnswerTo(byte[] pattern) { always(link -> link.loseAnswerTo(pattern)); }

    /** Forgets the proxy-wide faults and {@link FaultLink#resume() resumes} every link. */
    public void resume() {
        List<FaultLink> now;
        lock.lock();
        try {
            standing.clear();
            now = List.copyOf(links);
        } finally {
            lock.unlock();
        }
        now.forEach(FaultLink::resume);
    }

    private void always(Consumer<FaultLink> fault) {
        List<FaultLink> now;
        lock.lock();
        try {
            standing.add(fault);
            now = List.copyOf(links);
        } finally {
            lock.unlock();
        }
        now.forEach(fault);
    }

    private void acceptForever() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket server = new Socket();
            FaultLink link;
            try {
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                server.connect(new InetSocketAddress(targetHost, targetPort), (int) CONNECT_TIMEOUT.toMillis());
                link = new FaultLink(client, server);
            } catch (IOException | RuntimeException e) {
                closeQuietly(server);
                closeQuietly(client); // the target is down: the client sees its connection end
                continue;
            }
            lock.lock();
            try {
                if (closed) {
                    link.cut();
                    return;
                }
                standing.forEach(fault -> fault.accept(link));
                links.add(link);
                accepted.signalAll();
            } finally {
                lock.unlock();
            }
            link.start("testkit-fault-link-" + client.getPort());
        }
    }

    /** Stops accepting, resets every link and waits briefly for the threads to end. Idempotent. */
    @Override
    public void close() {
        List<FaultLink> all;
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            all = List.copyOf(links);
        } finally {
            lock.unlock();
        }
        closeQuietly(listener);
        all.forEach(FaultLink::close);
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing to report for a socket that is going away
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + host() + ":" + port() + " -> " + targetHost + ":" + targetPort + "]";
    }
}
