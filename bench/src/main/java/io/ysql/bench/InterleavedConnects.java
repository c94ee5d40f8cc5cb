package io.ysql.bench;

import io.ysql.jdbc.YsqlDriver;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.YbClusterSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The A/B form of {@link ConnectLoadBalancedBenchmark} for a machine whose load changes under the
 * measurement: plain, load-balanced (three nodes) and load-balanced (one node) connect+close are
 * taken in turn, one of each per round, so that every mode sees the same load; the medians of the
 * per-connect times and their ratios to plain are printed (printing is this command's job).
 */
final class InterleavedConnects {
    private InterleavedConnects() {}

    /** Runs {@code warmup} unrecorded and {@code rounds} recorded rounds; prints the medians in microseconds. */
    static void run(int warmup, int rounds) throws SQLException {
        try (FakeYugabyteCluster three = FakeYugabyteCluster.start();
             FakeYugabyteCluster one = FakeYugabyteCluster.start(YbClusterSettings.builder().primaries(1).build())) {
            YsqlDriver driver = new YsqlDriver();
            Properties props = new Properties();
            props.setProperty("user", three.user());
            props.setProperty("password", three.password());
            props.setProperty("sslmode", "disable");
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put(ConnectLoadBalancedBenchmark.PLAIN, three.jdbcUrl());
            urls.put(ConnectLoadBalancedBenchmark.BALANCED, three.jdbcUrl() + "?load_balance=true");
            urls.put(ConnectLoadBalancedBenchmark.BALANCED_ONE_NODE, one.jdbcUrl() + "?load_balance=true");
            Map<String, List<Double>> times = new LinkedHashMap<>();
            urls.keySet().forEach(mode -> times.put(mode, new ArrayList<>()));
            for (int round = 0; round < warmup + rounds; round++) {
                for (Map.Entry<String, String> mode : urls.entrySet()) {
                    long t0 = System.nanoTime();
                    try (Connection c = driver.connect(mode.getValue(), props)) {
                        c.getAutoCommit();
                    }
                    if (round >= warmup) times.get(mode.getKey()).add((System.nanoTime() - t0) / 1_000.0);
                }
            }
            double plain = MedianTable.median(times.get(ConnectLoadBalancedBenchmark.PLAIN));
            System.out.println("interleaved connect+close, " + rounds + " rounds, median us:");
            times.forEach((mode, list) -> {
                double median = MedianTable.median(list);
                System.out.println(String.format(Locale.ROOT, "  %-20s %10.0f  ratio to plain %.3f", mode, median,
                        median / plain));
            });
        }
    }
}
