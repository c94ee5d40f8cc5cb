package io.ysql.bench;

import io.ysql.jdbc.YsqlDriver;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.YbClusterSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What {@code load_balance=true} adds to opening a connection: connect (SCRAM) and close against a
 * three-node {@link FakeYugabyteCluster}, once plain to the first node and once load-balanced over
 * all three (a cached {@code yb_servers()} list, a least-loaded pick, the count taken and given
 * back), in the same run; the goal is a ratio of at most 1.1. A third mode balances over a
 * one-node cluster, which isolates the driver's cost from the effect of spreading the servers'
 * work over three postmasters. Each trial starts its own cluster
 * inside the fork, so it needs no address from {@link BenchMain}, which leaves it out of its
 * default run; {@link #main} runs it and prints the medians and the ratio (printing is its job).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ConnectLoadBalancedBenchmark {
    static final String PLAIN = "plain";
    static final String BALANCED = "load_balance";
    /** Load-balanced over a one-node cluster: the driver's own cost, without the spread over three servers. */
    static final String BALANCED_ONE_NODE = "load_balance_1_node";

    @Param({PLAIN, BALANCED, BALANCED_ONE_NODE})
    public String mode;

    private FakeYugabyteCluster cluster;
    private YsqlDriver driver;
    private String url;
    private Properties props;

    @Setup(Level.Trial)
    public void start() {
        cluster = BALANCED_ONE_NODE.equals(mode)
                ? FakeYugabyteCluster.start(YbClusterSettings.builder().primaries(1).build())
                : FakeYugabyteCluster.start();
        driver = new YsqlDriver();
        url = cluster.jdbcUrl() + (PLAIN.equals(mode) ? "" : "?load_balance=true");
        props = new Properties();
        props.setProperty("user", cluster.user());
        props.setProperty("password", cluster.password());
        props.setProperty("sslmode", "disable");
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (cluster != null) cluster.close();
    }

    @Benchmark
    public boolean connectClose() throws SQLException {
        try (Connection c = driver.connect(url, props)) {
            return c.getAutoCommit();
        }
    }

    /**
     * Runs the three modes (1 fork, 3 warm-up and 10 measured iterations of 2 s) and prints the
     * ratios; with the argument {@code interleaved [rounds]}, takes them in turn instead
     * ({@link InterleavedConnects}), which suits a machine whose load changes.
     */
    public static void main(String[] args) throws RunnerException, SQLException {
        if (args.length > 0 && args[0].equals("interleaved")) {
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 500;
            InterleavedConnects.run(Math.max(20, rounds / 10), rounds);
            return;
        }
        Options options = new OptionsBuilder().include(ConnectLoadBalancedBenchmark.class.getName())
                .forks(BenchMain.FORKS).warmupIterations(BenchMain.WARMUP_ITERATIONS)
                .warmupTime(BenchMain.ITERATION_TIME).measurementIterations(BenchMain.MEASUREMENT_ITERATIONS)
                .measurementTime(BenchMain.ITERATION_TIME).build();
        Map<String, Double> medians = medians(new Runner(options).run());
        System.out.println();
        System.out.println("connect+close, median of measured iterations (us/op): " + medians);
        for (String balanced : List.of(BALANCED, BALANCED_ONE_NODE)) {
            if (medians.containsKey(PLAIN) && medians.containsKey(balanced)) {
                System.out.println(String.format(Locale.ROOT, "ratio %s/plain: %.3f (goal <= 1.1)", balanced,
                        medians.get(balanced) / medians.get(PLAIN)));
            }
        }
    }

    static Map<String, Double> medians(Collection<RunResult> results) {
        Map<String, Double> medians = new TreeMap<>();
        for (RunResult run : results) {
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            if (!scores.isEmpty()) medians.put(run.getParams().getParam("mode"), MedianTable.median(scores));
        }
        return medians;
    }
}
