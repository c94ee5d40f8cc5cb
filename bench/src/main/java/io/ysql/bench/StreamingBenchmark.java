package io.ysql.bench;

import io.ysql.testkit.PgCluster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Streams one big result in autocommit mode with a fetch size of 1000, ysql and pgjdbc side by
 * side: {@code SELECT i, i::text, i % 7 = 0, i * 0.5::float8 FROM generate_series(1, rows)},
 * every value read with a typed getter. Each run is a child JVM of its own with a fixed heap, so
 * its peak heap use (the heap pools' peaks) is its own; pgjdbc reads every row of an autocommit
 * query at once whatever the fetch size, so it is run with the small heap (where it is expected to
 * fail with OutOfMemoryError, which the table reports) and with a large one. A single long
 * operation rather than a JMH benchmark: the measure is one pass over the rows.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.ysql.bench.StreamingBenchmark [rows]} (10,000,000
 * by default) prints a Markdown table; printing is its job.
 */
public final class StreamingBenchmark {
    static final int FETCH_SIZE = 1000;
    private static final String SMALL_HEAP = "64m";
    private static final String LARGE_HEAP = "4g";

    private StreamingBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Long.parseLong(args[2]));
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        try (PgCluster cluster = PgCluster.start()) {
            ServerAddress server = ServerAddress.of(cluster);
            List<String> lines = new ArrayList<>();
            lines.add("| driver | heap (-Xmx) | rows | seconds | rows/s | peak heap MiB | outcome |");
            lines.add("|---|---|---|---|---|---|---|");
            lines.add(run(server, "ysql", SMALL_HEAP, rows));
            lines.add(run(server, "pgjdbc", SMALL_HEAP, rows));
            lines.add(run(server, "pgjdbc", LARGE_HEAP, rows));
            lines.add(run(server, "ysql", LARGE_HEAP, rows));
            System.out.println("Streaming " + rows + " rows in autocommit mode, fetch size " + FETCH_SIZE + ":");
            lines.forEach(System.out::println);
        }
    }

    /** One child JVM; a table row from its {@code key=value} output. */
    private static String run(ServerAddress server, String driver, String heap, long rows)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(server.jvmArgs());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StreamingBenchmark.class.getName(), "child",
                driver, Long.toString(rows)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) p.destroyForcibly();
        String outcome = out.contains("OutOfMemoryError") ? "OutOfMemoryError"
                : p.exitValue() == 0 && value(out, "rows").equals(Long.toString(rows)) ? "ok" : "failed: " + out.strip();
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |", driver, heap, value(out, "rows"),
                value(out, "seconds"), value(out, "rowsPerSecond"), value(out, "peakHeapMiB"), outcome);
    }

    private static String value(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key + "=")) return line.substring(key.length() + 1).strip();
        }
        return "-";
    }

    /** The measured pass, in the child JVM. */
    private static void child(String driver, long rows) throws SQLException {
        DriverKind.Connector connector = DriverKind.of(driver).connector(ServerAddress.fromSystemProperties());
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        try (Connection conn = connector.connect();
             PreparedStatement ps = conn.prepareStatement("SELECT i, i::text, i % 7 = 0, i * 0.5::float8 "
                     + "FROM generate_series(1, " + rows + ") AS i")) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    checksum += rs.getLong(1) + rs.getString(2).length() + (rs.getBoolean(3) ? 1 : 0)
                            + (long) rs.getDouble(4);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.println("rows=" + count);
        System.out.println("checksum=" + checksum);
        System.out.println(String.format(Locale.ROOT, "seconds=%.1f", seconds));
        System.out.println("rowsPerSecond=" + (long) (count / seconds));
        System.out.println("peakHeapMiB=" + peak / (1024 * 1024));
    }
}
