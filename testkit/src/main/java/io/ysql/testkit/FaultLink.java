package io.ysql.testkit;

import io.ysql.testkit.FaultProxy.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client connection through a {@link FaultProxy} and its connection to the target, with the
 * faults that can be put on it: {@link #cut()} resets both sockets, {@link #stall()} stops
 * forwarding both ways while the sockets stay open, {@link #slow(long)} limits the rate,
 * {@link #corrupt} flips bytes, {@link #halfClose} ends one direction, and the triggers
 * {@link #cutAt}, {@link #cutAfterBytes} and {@link #loseAnswerTo} cut at a chosen point of the
 * conversation. {@link #resume()} lifts the standing faults. Two daemon threads forward the bytes,
 * one per direction; a pattern is found even when it straddles two reads, if at most
 * {@value #MAX_PATTERN} bytes long.
 */
public final class FaultLink {
    static final int MAX_PATTERN = 64;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

    private final Socket client;
    private final Socket server;
    private final Map<Direction, InputStream> inputs = new EnumMap<>(Direction.class);
    private final Map<Direction, OutputStream> outputs = new EnumMap<>(Direction.class);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Direction, AtomicLong> forwarded = new EnumMap<>(Direction.class);
    private final Map<Direction, byte[]> recent = new EnumMap<>(Direction.class);
    private final Map<Direction, Boolean> halfClosed = new EnumMap<>(Direction.class);
    private final Map<Direction, Long> cutAfter = new EnumMap<>(Direction.class);
    private final Map<Direction, List<byte[]>> cutPatterns = new EnumMap<>(Direction.class);
    private final List<Corruption> corruptions = new ArrayList<>();
    private final List<Thread> pumps = new java.util.concurrent.CopyOnWriteArrayList<>(); // started by the acceptor, joined by close
    private final AtomicInteger pumpsEnded = new AtomicInteger();
    private byte[] lostAnswerPattern;
    private boolean swallowAnswer;
    private boolean stalled;
    private long bytesPerSecond;
    private volatile boolean cut;

    private record Corruption(Direction direction, long offset, byte[] pattern, byte[] replacement) {}

    /** Takes the streams now: once a direction is half-closed, its socket no longer hands out an output stream. */
    FaultLink(Socket client, Socket server) throws IOException {
        this.client = client;
        this.server = server;
        inputs.put(Direction.TO_SERVER, client.getInputStream());
        outputs.put(Direction.TO_SERVER, server.getOutputStream());
        inputs.put(Direction.TO_CLIENT, server.getInputStream());
        outputs.put(Direction.TO_CLIENT, client.getOutputStream());
        for (Direction d : Direction.values()) {
            forwarded.put(d, new AtomicLong());
            recent.put(d, new byte[0]);
            halfClosed.put(d, false);
            cutPatterns.put(d, new ArrayList<>());
        }
    }

    void start(String name) {
        pumps.add(daemon(() -> pump(Direction.TO_SERVER, server), name + "-to-server"));
        pumps.add(daemon(() -> pump(Direction.TO_CLIENT, client), name + "-to-client"));
    }

    /** How many bytes went through in {@code direction} so far. */
    public long forwarded(Direction direction) { return forwarded.get(direction).get(); }

    /** Whether the link was cut, or one side closed and the other was closed after it. */
    public boolean isCut() { return cut; }

    /** Resets both connections now (TCP RST to both peers). */
    public void cut() {
        lock.lock();
        try {
            cut = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        reset(client);
        reset(server);
    }

    /** Stops forwarding both ways; the sockets stay open, so peers see silence, not an error. */
    public void stall() { update(() -> stalled = true); }

    /** Forwards at most {@code bytesPerSecond} bytes a second in each direction (0: no limit). */
    public void slow(long bytesPerSecond) {
        if (bytesPerSecond < 0) throw new IllegalArgumentException("bytesPerSecond must be >= 0: " + bytesPerSecond);
        update(() -> this.bytesPerSecond = bytesPerSecond);
    }

    /** Flips every bit of the byte at {@code offset} (counted from the link's start) in {@code direction}. */
    public void corrupt(Direction direction, long offset) {
        update(() -> corruptions.add(new Corruption(direction, offset, null, null)));
    }

    /** Replaces each later occurrence of {@code pattern} within one read by {@code replacement} (same length). */
    public void corrupt(Direction direction, byte[] pattern, byte[] replacement) {
        if (pattern.length == 0 || pattern.length != replacement.length) {
            throw new IllegalArgumentException("pattern and replacement must be non-empty and of one length");
        }
        update(() -> corruptions.add(new Corruption(direction, -1, pattern.clone(), replacement.clone())));
    }

    /** Ends {@code direction}: its receiver sees end of stream, and later bytes its way are dropped. */
    public void halfClose(Direction direction) {
        update(() -> halfClosed.put(direction, true));
        try {
            (direction == Direction.TO_SERVER ? server : client).shutdownOutput();
        } catch (IOException e) {
            // already closed: nothing more can reach that peer anyway
        }
    }

    /** Cuts the link instead of forwarding the read that holds {@code pattern} in {@code direction}. */
    public void cutAt(Direction direction, byte[] pattern) {
        requirePattern(pattern);
        update(() -> cutPatterns.get(direction).add(pattern.clone()));
    }

    /** Forwards exactly {@code bytes} more bytes in {@code direction}, then cuts the link. */
    public void cutAfterBytes(Direction direction, long bytes) {
        update(() -> cutAfter.put(direction, forwarded(direction) + bytes));
    }

    /**
     * Forwards the client's read that holds {@code pattern} to the server, swallows the server's
     * answer to it, then cuts the link: the request took effect, its answer never arrives.
     */
    public void loseAnswerTo(byte[] pattern) {
        requirePattern(pattern);
        update(() -> lostAnswerPattern = pattern.clone());
    }

    /** Lifts stall, slow, corruptions and armed triggers; a cut or half-close stays. */
    public void resume() {
        update(() -> {
            stalled = false;
            bytesPerSecond = 0;
            corruptions.clear();
            cutAfter.clear();
            cutPatterns.values().forEach(List::clear);
            lostAnswerPattern = null;
        });
    }

    /** Cuts the link and waits (briefly) for its threads to end. */
    void close() {
        cut();
        for (Thread t : pumps) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pump(Direction d, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = inputs.get(d);
            OutputStream out = outputs.get(d);
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!forward(d, Arrays.copyOf(buffer, n), out)) break;
            }
            if (!cut) to.shutdownOutput(); // pass an orderly close on
        } catch (IOException e) {
            if (!cut) cut(); // one side failed: the other sees a reset, as through a broken network
        } finally {
            if (pumpsEnded.incrementAndGet() == 2) {
                closeQuietly(client);
                closeQuietly(server);
            }
        }
    }

    /** Forwards one read; false when the link was cut instead. */
    private boolean forward(Direction d, byte[] chunk, OutputStream out) throws IOException {
        if (!awaitFlowing()) return false;
        Long limit;
        boolean loseAnswer;
        boolean cutNow = false;
        lock.lock();
        try {
            if (d == Direction.TO_CLIENT && swallowAnswer) {
                cutNow = true;
                return false;
            }
            applyCorruptions(d, chunk);
            limit = cutAfter.get(d);
            byte[] window = window(d, chunk);
            for (byte[] p : cutPatterns.get(d)) {
                if (indexOf(window, p) >= 0) {
                    cutNow = true;
                    return false;
                }
            }
            loseAnswer = d == Direction.TO_SERVER && lostAnswerPattern != null && indexOf(window, lostAnswerPattern) >= 0;
            if (loseAnswer) {
                swallowAnswer = true;
                lostAnswerPattern = null;
            }
            if (halfClosed.get(d)) return true;
        } finally {
            lock.unlock();
            if (cutNow) cut(); // before the pump ends, so that no orderly close goes out first
        }
        long done = forwarded(d);
        int length = limit == null ? chunk.length : (int) Math.max(0, Math.min(chunk.length, limit - done));
        write(d, chunk, length, out);
        if (limit != null && done + chunk.length >= limit) {
            cut();
            return false;
        }
        if (loseAnswer) cutLater(ANSWER_WAIT);
        return true;
    }

    private void write(Direction d, byte[] chunk, int length, OutputStream out) throws IOException {
        for (int at = 0; at < length; ) {
            long rate = rate();
            int piece = rate == 0 ? length - at : (int) Math.max(1, Math.min(length - at, rate / 20));
            if (rate != 0) sleepNanos(TimeUnit.SECONDS.toNanos(piece) / rate);
            if (!awaitFlowing()) throw new IOException("cut");
            forwarded.get(d).addAndGet(piece); // counted first: a peer that has the bytes never sees a lower count
            out.write(chunk, at, piece);
            out.flush();
            at += piece;
        }
    }

    private long rate() {
        lock.lock();
        try {
            return bytesPerSecond;
        } finally {
            lock.unlock();
        }
    }

    /** Waits while stalled; false when the link is cut. */
    private boolean awaitFlowing() {
        lock.lock();
        try {
            while (stalled && !cut) changed.awaitUninterruptibly();
            return !cut;
        } finally {
            lock.unlock();
        }
    }

    private void applyCorruptions(Direction d, byte[] chunk) {
        long start = forwarded(d);
        corruptions.removeIf(c -> {
            if (c.direction() != d || c.pattern() != null) return false;
            if (c.offset() < start || c.offset() >= start + chunk.length) return c.offset() < start;
            chunk[(int) (c.offset() - start)] ^= (byte) 0xFF;
            return true;
        });
        for (Corruption c : corruptions) {
            if (c.direction() != d || c.pattern() == null) continue;
            for (int i = indexOf(chunk, c.pattern()); i >= 0; i = indexOf(chunk, c.pattern(), i + 1)) {
                System.arraycopy(c.replacement(), 0, chunk, i, c.replacement().length);
            }
        }
    }

    /** The last bytes seen in {@code d} followed by {@code chunk}; remembers the new tail. */
    private byte[] window(Direction d, byte[] chunk) {
        byte[] before = recent.get(d);
        byte[] all = Arrays.copyOf(before, before.length + chunk.length);
        System.arraycopy(chunk, 0, all, before.length, chunk.length);
        recent.put(d, Arrays.copyOfRange(all, Math.max(0, all.length - (MAX_PATTERN - 1)), all.length));
        return all;
    }

    private void cutLater(Duration delay) {
        daemon(() -> {
            sleepNanos(delay.toNanos());
            cut();
        }, "testkit-fault-cut-later");
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void requirePattern(byte[] pattern) {
        if (pattern.length == 0 || pattern.length > MAX_PATTERN) {
            throw new IllegalArgumentException("a pattern must have 1.." + MAX_PATTERN + " bytes");
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) { return indexOf(haystack, needle, 0); }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public String toString() {
        return "FaultLink[" + client.getPort() + "->" + server.getPort() + ", to server " + forwarded(Direction.TO_SERVER)
                + " B, to client " + forwarded(Direction.TO_CLIENT) + " B" + (cut ? ", cut" : "") + "]";
    }
}
