package io.ysql.bench;

import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * COPY IN of {@value #ROWS} rows of four columns ({@code int}, {@code text}, {@code numeric},
 * {@code timestamp}) from one text-format file: ysql-driver's {@code Copy.copyIn} and pgjdbc's
 * {@code CopyManager.copyIn}, each from an {@code InputStream} and from a {@code Reader}, and
 * {@code psql \copy} of the same file started through {@link ProcessBuilder}, all in the same run
 * against one testkit server, interleaved per iteration so a disturbance hits them alike. Each
 * timing covers the copy only (the table is emptied before, untimed); psql's includes its start.
 * The copying thread's CPU time is printed beside the drivers' wall times: with the server doing
 * most of the work, it is the client's own cost.
 * A COPY of a million rows takes seconds, long enough that timing each one with
 * {@link System#nanoTime()} is accurate, so this is a plain program rather than a JMH benchmark:
 * {@link BenchMain} leaves it out, and {@link #main} prints the medians (printing is its job).
 * Usage: {@code java -cp bench/target/benchmarks.jar io.ysql.bench.CopyInBenchmark [iterations]}.
 */
public final class CopyInBenchmark {
    static final int ROWS = 1_000_000;
    static final int WARMUP = 2;
    static final String TABLE = "bench_copy";
    static final String COPY = "COPY " + TABLE + " FROM STDIN";
    private static final String CPU = "cpu:";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CopyInBenchmark() {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = Files.createTempDirectory("ysql-copy-bench");
        Path file = dir.resolve("rows.tsv");
        try (PgCluster cluster = PgCluster.start()) {
            writeRows(file);
            cluster.psql("CREATE TABLE " + TABLE + " (id int, name text, price numeric, at timestamp)");
            ServerAddress server = ServerAddress.of(cluster);
            Map<String, List<Long>> times = new LinkedHashMap<>();
            try (Connection ysql = DriverKind.YSQL.connector(server).connect();
                 Connection pgjdbc = DriverKind.PGJDBC.connector(server).connect()) {
                YsqlConnection y = ysql.unwrap(YsqlConnection.class);
                CopyManager pg = new CopyManager(pgjdbc.unwrap(BaseConnection.class));
                for (int i = 0; i < WARMUP + iterations; i++) {
                    boolean measured = i >= WARMUP;
                    time(times, measured, "ysql InputStream", ysql, () -> {
                        try (InputStream in = Files.newInputStream(file)) {
                            return y.copy().copyIn(COPY, in);
                        }
                    });
                    time(times, measured, "pgjdbc InputStream", ysql, () -> {
                        try (InputStream in = Files.newInputStream(file)) {
                            return pg.copyIn(COPY, in);
                        }
                    });
                    time(times, measured, "ysql Reader", ysql, () -> {
                        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                            return y.copy().copyIn(COPY, in);
                        }
                    });
                    time(times, measured, "pgjdbc Reader", ysql, () -> {
                        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                            return pg.copyIn(COPY, in);
                        }
                    });
                    time(times, measured, "psql \\copy", ysql, () -> psqlCopy(cluster, file));
                }
            }
            print(times, cluster, iterations);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private interface Copy {
        long run() throws Exception;
    }

    private static void time(Map<String, List<Long>> times, boolean measured, String name, Connection admin, Copy copy)
            throws Exception {
        try (Statement st = admin.createStatement()) {
            st.execute("TRUNCATE " + TABLE);
        }
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long rows = copy.run();
        long nanos = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        if (rows != ROWS) throw new IllegalStateException(name + " copied " + rows + " rows, expected " + ROWS);
        if (measured) {
            times.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos);
            times.computeIfAbsent(CPU + name, k -> new ArrayList<>()).add(cpu);
        }
    }

    private static long psqlCopy(PgCluster cluster, Path file) throws IOException, InterruptedException {
        Path psql = cluster.binDirectory().resolve("psql");
        ProcessBuilder pb = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", cluster.host(), "-p", Integer.toString(cluster.port()), "-U", cluster.superuser(),
                "-d", cluster.database(), "-c", "\\copy " + TABLE + " FROM '" + file + "'");
        pb.environment().put("PGPASSWORD", cluster.superuserPassword());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("psql \\copy failed: " + output);
        }
        return ROWS;
    }

    /** The rows, in COPY's text format, written once: the same bytes for every contestant. */
    static void writeRows(Path file) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder(80);
            for (int i = 0; i < ROWS; i++) {
                line.setLength(0);
                line.append(i).append("\tname ").append(i).append(" ü\t").append(i % 10_000).append('.')
                        .append(i % 100).append("\t2024-01-").append(1 + i % 28).append(' ').append(i % 24)
                        .append(":00:00\n");
                w.append(line);
            }
        }
    }

    private static void print(Map<String, List<Long>> times, PgCluster cluster, int iterations) {
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((name, list) -> medians.put(name, median(list)));
        System.out.println();
        System.out.println("COPY IN of " + ROWS + " rows, median of " + iterations + " iterations (after " + WARMUP
                + " warm-up), PostgreSQL " + cluster.serverVersion() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        System.out.println();
        System.out.println("| contestant | median s | rows/s | vs psql | client CPU s |");
        System.out.println("|---|---:|---:|---:|---:|");
        double psql = medians.getOrDefault("psql \\copy", Double.NaN);
        medians.forEach((name, s) -> {
            if (name.startsWith(CPU)) return;
            String cpu = name.startsWith("psql") ? "(other process)" : String.format("%.3f", medians.get(CPU + name));
            System.out.printf("| %s | %.3f | %,.0f | %.2f× | %s |%n", name, s, ROWS / s, s / psql, cpu);
        });
        System.out.printf("%nysql/pgjdbc time ratio: InputStream %.2f, Reader %.2f (< 1: ysql-driver is faster)%n",
                medians.get("ysql InputStream") / medians.get("pgjdbc InputStream"),
                medians.get("ysql Reader") / medians.get("pgjdbc Reader"));
    }

    private static double median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        double mid = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return mid / 1e9;
    }

}
