package io.ysql.bench;

import io.ysql.testkit.PgCluster;
import io.ysql.testkit.ServerCertKind;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks: starts a throwaway PostgreSQL with the testkit (and a second one with TLS
 * on, for the TLS connect benchmarks), creates
 * {@code bench_employee}, {@code bench_rows} and {@code bench_batch}, runs JMH with the server's address passed to the forks as system
 * properties, then prints the medians and ysql/pgjdbc ratios as a Markdown table. Takes JMH's own
 * command-line options ({@code -h} lists them), e.g. {@code -f 2 -i 20 -p driver=ysql pointSelect};
 * without them: 1 fork, 3 warm-up and 10 measurement iterations of 2 s each, all benchmarks of
 * this package (about two minutes). Printing to standard output is this command's job.
 */
public final class BenchMain {
    static final String ALL_BENCHMARKS = "io\\.ysql\\.bench\\..*";
    static final int FORKS = 1;
    static final int WARMUP_ITERATIONS = 3;
    static final int MEASUREMENT_ITERATIONS = 10;
    static final TimeValue ITERATION_TIME = TimeValue.seconds(2);

    private BenchMain() {}

    public static void main(String[] args) throws IOException, RunnerException {
        CommandLineOptions cmd;
        try {
            cmd = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bad option: " + e.getMessage() + " (-h lists the options)");
            System.exit(2);
            return;
        }
        if (cmd.shouldHelp()) {
            System.out.println("usage: java -jar bench/target/benchmarks.jar [JMH options] [benchmark regex...]");
            cmd.showHelp();
            return;
        }
        if (cmd.shouldList() || cmd.shouldListWithParams()) {
            new Runner(cmd).list();
            return;
        }
        try (PgCluster cluster = PgCluster.start();
             PgCluster tlsCluster = PgCluster.start(PgCluster.Settings.builder().ssl(ServerCertKind.SERVER).build())) {
            EmployeeTable.create(cluster);
            ReadRowsTable.create(cluster);
            BatchInsertBenchmark.createTable(cluster);
            ServerAddress server = ServerAddress.of(cluster);
            TlsServerAddress tls = TlsServerAddress.of(tlsCluster);
            Options options = withDefaults(cmd, server, tls);
            if (options.getForkCount().orElse(FORKS) == 0) {
                // no fork: the benchmarks run in this JVM and read the address from here
                System.setProperty(ServerAddress.HOST, server.host());
                System.setProperty(ServerAddress.PORT, Integer.toString(server.port()));
                System.setProperty(ServerAddress.DATABASE, server.database());
                System.setProperty(TlsServerAddress.PORT, Integer.toString(tls.server().port()));
                System.setProperty(TlsServerAddress.ROOT_CERT, tls.rootCert());
            }
            Collection<RunResult> results = new Runner(options).run();
            printSummary(MedianTable.of(results), cluster);
        }
    }

    /** The command line's options, with ours wherever it leaves a value unset. */
    static Options withDefaults(CommandLineOptions cmd, ServerAddress server, TlsServerAddress tls) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            // the load-balancing benchmark starts its own fake cluster; ConnectLoadBalancedBenchmark.main runs it
            b.include(ALL_BENCHMARKS).exclude(ConnectLoadBalancedBenchmark.class.getName());
        }
        if (!cmd.getForkCount().hasValue()) b.forks(FORKS);
        if (!cmd.getWarmupIterations().hasValue()) b.warmupIterations(WARMUP_ITERATIONS);
        if (!cmd.getWarmupTime().hasValue()) b.warmupTime(ITERATION_TIME);
        if (!cmd.getMeasurementIterations().hasValue()) b.measurementIterations(MEASUREMENT_ITERATIONS);
        if (!cmd.getMeasurementTime().hasValue()) b.measurementTime(ITERATION_TIME);
        List<String> append = new ArrayList<>(cmd.getJvmArgsAppend().orElse(List.of()));
        append.addAll(server.jvmArgs());
        append.addAll(tls.jvmArgs());
        return b.jvmArgsAppend(append.toArray(String[]::new)).build();
    }

    private static void printSummary(MedianTable table, PgCluster cluster) {
        if (table.isEmpty()) {
            System.out.println("No benchmark produced a result.");
            return;
        }
        System.out.println();
        System.out.println("Medians of " + table.iterationCounts()
                + " measured iterations; ratio < 1: ysql-driver is faster (for ops/s and rows/s, > 1).");
        System.out.println(LocalDate.now() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", PostgreSQL " + cluster.serverVersion() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        System.out.println();
        System.out.print(table.toMarkdown());
    }
}
