package io.ysql.integration.vthreads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Child-process program of {@link VirtualThreadPinningIT}, meant for a JVM with virtual threads:
 * starts {@value #TASKS} virtual threads that each run one point select through a HikariCP pool of
 * eight connections, while a JFR recording captures every {@code jdk.VirtualThreadPinned} event
 * (threshold 0). Prints {@code succeeded=N}, {@code pinned=N} and the stack of each pinning, and
 * exits 0 when it could run. Compiled for Java 17, so virtual threads are reached by reflection.
 *
 * <p>Arguments: JDBC URL, user, password, directory for the recording.
 */
public final class VirtualThreadPinningMain {
    static final int TASKS = 10_000;
    static final String PINNED = "jdk.VirtualThreadPinned";

    private VirtualThreadPinningMain() {}

    public static void main(String[] args) throws Exception {
        Path recordingFile = Path.of(args[3]).resolve("pinning.jfr");
        int succeeded;
        try (HikariDataSource pool = pool(args[0], args[1], args[2]); Recording recording = new Recording()) {
            // One run of every path on a platform thread first (a statement's first, binary and
            // prepared runs), so that the recording sees steady-state I/O only: the JVM pins a
            // virtual thread while it initialises a class (a lambda's on first call, say), once
            // per class, whoever calls it.
            for (int i = 0; i < 20; i++) {
                if (!pointSelect(pool, i)) throw new IllegalStateException("the warm-up query returned a wrong row");
            }
            // and on one virtual thread whose read must wait (pg_sleep), which initialises the JDK's
            // socket poller: its class initialisation pins whoever waits for it, once per JVM
            ExecutorService one = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            try {
                one.submit(() -> {
                    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                        st.execute("SELECT pg_sleep(0.2)");
                    }
                    return onVirtualThread(pool, -1);
                }).get();
            } finally {
                one.shutdown();
            }
            recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            succeeded = runTasks(pool);
            recording.stop();
            recording.dump(recordingFile);
        }
        List<RecordedEvent> pinned = pinnedEvents(recordingFile);
        List<RecordedEvent> inDriver = pinned.stream().filter(VirtualThreadPinningMain::inDriver).toList();
        System.out.println("succeeded=" + succeeded);
        // pins with a frame of the driver on the stack are the driver's; others (a pool's or the
        // JDK's own queues) are reported but are not this driver's to fix
        System.out.println("pinned=" + inDriver.size());
        System.out.println("pinnedElsewhere=" + (pinned.size() - inDriver.size()));
        for (RecordedEvent e : pinned) System.out.println((inDriver.contains(e) ? "pinned" : "pinned elsewhere") + " stack:\n" + stack(e));
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setDriverClassName("io.ysql.jdbc.YsqlDriver");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(8);
        config.setConnectionTimeout(120_000);
        return new HikariDataSource(config);
    }

    private static int runTasks(HikariDataSource pool) throws Exception {
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try {
            List<Future<Boolean>> tasks = new ArrayList<>(TASKS);
            for (int i = 0; i < TASKS; i++) {
                int n = i;
                tasks.add(virtual.submit(() -> onVirtualThread(pool, n)));
            }
            int ok = 0;
            for (Future<Boolean> f : tasks) {
                try {
                    if (f.get()) ok++;
                } catch (ExecutionException e) {
                    firstFailure.compareAndSet(null, e.getCause());
                }
            }
            if (firstFailure.get() != null) {
                System.out.println("first failure: " + firstFailure.get());
                firstFailure.get().printStackTrace(System.out);
            }
            return ok;
        } finally {
            virtual.shutdownNow();
        }
    }

    private static boolean onVirtualThread(HikariDataSource pool, int n) throws SQLException {
        if (!Thread.currentThread().getClass().getName().contains("Virtual")) {
            throw new IllegalStateException("not a virtual thread: " + Thread.currentThread());
        }
        return pointSelect(pool, n);
    }

    private static boolean pointSelect(HikariDataSource pool, int n) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ?::int + 1, ?::text")) {
            ps.setInt(1, n);
            ps.setString(2, "task-" + n);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == n + 1 && ("task-" + n).equals(rs.getString(2)) && !rs.next();
            }
        }
    }

    private static List<RecordedEvent> pinnedEvents(Path file) throws IOException {
        List<RecordedEvent> pinned = new ArrayList<>();
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                if (e.getEventType().getName().equals(PINNED)) pinned.add(e);
            }
        }
        Files.deleteIfExists(file);
        return pinned;
    }

    /** Whether a frame of the driver itself (not of this test) is on the event's stack. */
    private static boolean inDriver(RecordedEvent e) {
        if (e.getStackTrace() == null) return true; // cannot tell: count it
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("io.ysql.") && !type.startsWith("io.ysql.integration.")) return true;
        }
        return false;
    }

    private static String stack(RecordedEvent e) {
        StringBuilder out = new StringBuilder();
        for (String field : new String[] {"pinnedReason", "blockingOperation", "carrierThread"}) {
            if (e.hasField(field)) out.append("  ").append(field).append(": ").append((Object) e.getValue(field)).append('\n');
        }
        if (e.getStackTrace() == null) return out.append("  (no stack)").toString();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            out.append("  at ").append(f.getMethod().getType().getName()).append('.')
                    .append(f.getMethod().getName()).append(" line ").append(f.getLineNumber()).append('\n');
        }
        return out.toString();
    }
}
