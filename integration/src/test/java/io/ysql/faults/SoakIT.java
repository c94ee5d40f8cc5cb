package io.ysql.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ysql.YsqlConnection;
import io.ysql.testkit.FaultProxy;
import io.ysql.testkit.PgCluster;
import java.io.StringReader;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Soak under chaos: 64 threads through a HikariCP pool of 8 write a ledger with single-row
 * inserts, transactions with a savepoint, batches and COPY, and read it, while a chaos thread
 * terminates random backends and the fault proxy resets connections. Each write's ids are recorded
 * by what the driver reported: committed, failed, or unknown (08007, or a connection lost under an
 * autocommit statement). At the end every committed id is in the ledger exactly once, no failed id
 * is, and no connection, driver thread or file descriptor is left behind. Runs for {@code
 * -Dysql.soak.seconds} (180 by default, about three minutes; longer runs find more).
 */
class SoakIT {
    private static final int THREADS = 64;
    private static final int POOL = 8;
    private final PgCluster cluster = PgCluster.shared();
    private final AtomicLong ids = new AtomicLong();
    private final Set<Long> committed = ConcurrentHashMap.newKeySet();
    private final Set<Long> failed = ConcurrentHashMap.newKeySet();
    private final Set<Long> unknown = ConcurrentHashMap.newKeySet();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentHashMap<String, AtomicLong> states = new ConcurrentHashMap<>();

    @Test
    void theLedgerHoldsExactlyWhatTheDriverReportedCommitted() throws Exception {
        long seconds = Long.getLong("ysql.soak.seconds", 180);
        String app = "soak-it-" + System.nanoTime();
        cluster.psql("DROP TABLE IF EXISTS soak_ledger; CREATE TABLE soak_ledger (id bigint PRIMARY KEY, kind text NOT NULL)");
        long fdsBefore = openFiles();
        long threadsBefore = driverThreads();

        try (FaultProxy proxy = FaultProxy.to(cluster)) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(Faults.jdbcUrl(cluster, proxy) + "?application_name=" + app + "&socketTimeout=20");
            config.setUsername(cluster.superuser());
            config.setPassword(cluster.superuserPassword());
            config.setMaximumPoolSize(POOL);
            config.setConnectionTimeout(30_000);
            config.setPoolName("soak-it");
            try (HikariDataSource pool = new HikariDataSource(config)) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                ExecutorService workers = Executors.newFixedThreadPool(THREADS + 1);
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(workers.submit(() -> {
                        while (System.nanoTime() < end) work(pool);
                        return null;
                    }));
                }
                done.add(workers.submit(() -> {
                    chaos(proxy, app, end);
                    return null;
                }));
                workers.shutdown();
                assertThat(workers.awaitTermination(seconds + 120, TimeUnit.SECONDS)).as("no thread hangs").isTrue();
                for (var f : done) f.get();
            }
        }

        List<Long> present = new ArrayList<>();
        for (String line : cluster.psql("SELECT id FROM soak_ledger ORDER BY id").split("\n")) {
            if (!line.isBlank()) present.add(Long.parseLong(line.trim()));
        }
        Set<Long> ledger = Set.copyOf(present);
        System.out.printf("SoakIT: %d s, %d operations, %d errors %s; %d ids committed, %d failed, %d unknown, %d rows%n",
                seconds, operations.get(), errors.get(), states, committed.size(), failed.size(), unknown.size(), ledger.size());
        // plain set arithmetic: AssertJ's containsAll is quadratic on a quarter of a million ids
        List<Long> lost = committed.stream().filter(id -> !ledger.contains(id)).sorted().limit(20).toList();
        assertThat(lost).as("ids reported committed but missing").isEmpty();
        assertThat(failed.stream().filter(ledger::contains).sorted().limit(20).toList())
                .as("ids reported failed but present").isEmpty();
        assertThat(present.size()).as("each id once").isEqualTo(ledger.size());
        assertThat(committed).as("work was done").hasSizeGreaterThan(100);
        assertThat(errors.get()).as("chaos was felt").isPositive();

        assertThat(cluster.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + app + "'"))
                .as("no session left on the server").isEqualTo("0");
        awaitQuiet(threadsBefore, fdsBefore);
    }

    /** One operation of a random kind; its ids are recorded by outcome. */
    private void work(HikariDataSource pool) {
        int kind = ThreadLocalRandom.current().nextInt(5);
        List<Long> mine = LongStream.range(0, kind == 0 ? 0 : 1 + ThreadLocalRandom.current().nextInt(8))
                .map(i -> ids.incrementAndGet()).boxed().toList();
        boolean autocommitWrite = kind == 1;
        boolean commitSent = false;
        try (Connection c = pool.getConnection()) {
            operations.incrementAndGet();
            switch (kind) {
                case 0 -> {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM soak_ledger")) {
                        rs.next();
                    }
                }
                case 1 -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO soak_ledger VALUES (?, 'single')")) {
                        for (long id : mine.subList(0, 1)) {
                            ps.setLong(1, id);
                            ps.executeUpdate();
                        }
                        mine = mine.subList(0, 1);
                    }
                }
                case 2 -> {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO soak_ledger VALUES (?, 'tx')")) {
                        for (int i = 0; i < mine.size(); i++) {
                            if (i == 1) c.setSavepoint();
                            ps.setLong(1, mine.get(i));
                            ps.executeUpdate();
                        }
                    }
                    commitSent = true;
                    c.commit();
                }
                case 3 -> {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO soak_ledger VALUES (?, 'batch')")) {
                        for (long id : mine) {
                            ps.setLong(1, id);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    commitSent = true;
                    c.commit();
                }
                default -> {
                    c.setAutoCommit(false);
                    String rows = mine.stream().map(id -> id + "\tcopy\n").collect(Collectors.joining());
                    c.unwrap(YsqlConnection.class).copy().copyIn("COPY soak_ledger (id, kind) FROM STDIN", new StringReader(rows));
                    commitSent = true;
                    c.commit();
                }
            }
            committed.addAll(mine);
        } catch (SQLException e) {
            errors.incrementAndGet();
            String state = String.valueOf(e.getSQLState());
            states.computeIfAbsent(state, s -> new AtomicLong()).incrementAndGet();
            boolean lost = state.startsWith("08") || state.equals("57P01");
            if (state.equals("08007") || (lost && (autocommitWrite || commitSent))) {
                unknown.addAll(mine);
            } else if (commitSent && !lost) {
                failed.addAll(mine); // the server answered the COMMIT with an error: rolled back
            } else if (!commitSent && !autocommitWrite) {
                failed.addAll(mine); // never committed: the transaction ends with the connection or a rollback
            } else {
                unknown.addAll(mine);
            }
        }
    }

    /** Until {@code end}: every 0.5–2 s, terminate a random backend of the pool or reset the proxy's links. */
    private void chaos(FaultProxy proxy, String app, long end) throws InterruptedException {
        while (System.nanoTime() < end) {
            Thread.sleep(500 + ThreadLocalRandom.current().nextInt(1500));
            if (ThreadLocalRandom.current().nextBoolean()) {
                cluster.psql("SELECT pg_terminate_backend(pid) FROM (SELECT pid FROM pg_stat_activity WHERE application_name = '"
                        + app + "' ORDER BY random() LIMIT 1) p");
            } else {
                proxy.links().stream().skip(ThreadLocalRandom.current().nextInt(Math.max(1, proxy.links().size())))
                        .findFirst().ifPresent(l -> l.cut());
            }
        }
    }

    private static long driverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ysql-")).count();
    }

    private static long openFiles() throws Exception {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    /** Driver threads and file descriptors settle back (short-lived writer threads may still be ending). */
    private static void awaitQuiet(long threadsBefore, long fdsBefore) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long threads;
        long fds;
        do {
            threads = driverThreads();
            fds = openFiles();
            if (threads <= threadsBefore && fds <= fdsBefore + 8) return;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(threads).as("driver threads left").isLessThanOrEqualTo(threadsBefore);
        assertThat(fds).as("file descriptors left").isLessThanOrEqualTo(fdsBefore + 8);
    }
}
