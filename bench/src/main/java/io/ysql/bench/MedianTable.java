package io.ysql.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The summary {@link BenchMain} prints after JMH's own: per benchmark, the median of the measured
 * iterations (over all forks) for each driver and the ratio ysql/pgjdbc, as a Markdown table
 * ready for the README, keyed by method and non-driver parameters; with {@code -prof gc} also the
 * bytes allocated per operation, and for {@link ReadRowsBenchmark} the reading thread's CPU
 * nanoseconds per row and (with {@code -prof gc}) the GC pause nanoseconds per row. A
 * ratio below 1 means ysql-driver is faster (for rows/s, above 1). The median, not JMH's mean,
 * because one disturbed iteration on a shared machine moves a mean but hardly a median.
 */
final class MedianTable {
    /** One benchmark, one driver: the median and the number of iterations it comes from. */
    record Cell(double median, int iterations, String unit) {}

    /** JMH's secondary result with {@code -prof gc}: bytes allocated per operation. */
    static final String ALLOC_NORM = "gc.alloc.rate.norm";
    /** JMH's secondary result with {@code -prof gc}: milliseconds spent in GC pauses per iteration. */
    static final String GC_TIME = "gc.time";
    /** The {@link ReadRowsBenchmark.CpuTime} counters. */
    static final String CPU_NANOS = "cpuNanos";
    static final String ROWS_READ = "rowsRead";

    /** Benchmark label → driver label → cell; sorted by label. */
    private final Map<String, Map<String, Cell>> cells;

    private MedianTable(Map<String, Map<String, Cell>> cells) {
        this.cells = cells;
    }

    static MedianTable of(Collection<RunResult> results) {
        Map<String, Map<String, Cell>> cells = new TreeMap<>();
        for (RunResult run : results) {
            String benchmark = label(run);
            String driver = run.getParams().getParam("driver");
            if (driver == null) continue;
            List<Double> scores = new ArrayList<>();
            List<Double> alloc = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> gc = new ArrayList<>();
            String unit = run.getPrimaryResult().getScoreUnit();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                    Map<String, Result> secondary = iteration.getSecondaryResults();
                    Result norm = secondary.get(ALLOC_NORM);
                    if (norm != null) alloc.add(norm.getScore());
                    Result nanos = secondary.get(CPU_NANOS);
                    Result rows = secondary.get(ROWS_READ);
                    if (nanos != null && rows != null && rows.getScore() > 0) cpu.add(nanos.getScore() / rows.getScore());
                    Result gcMillis = secondary.get(GC_TIME);
                    if (gcMillis != null && rows != null && rows.getScore() > 0) {
                        gc.add(gcMillis.getScore() * 1e6 / rows.getScore());
                    }
                }
            }
            put(cells, benchmark, driver, scores, unit);
            String per = run.getParams().getBenchmark().contains("ReadRows") ? "row" : "op";
            put(cells, benchmark + " alloc", driver, alloc, "B/" + per);
            put(cells, benchmark + " cpu", driver, cpu, "ns/" + per);
            put(cells, benchmark + " gc pause", driver, gc, "ns/" + per);
        }
        return new MedianTable(cells);
    }

    private static void put(Map<String, Map<String, Cell>> cells, String row, String driver, List<Double> values,
                            String unit) {
        if (values.isEmpty()) return;
        cells.computeIfAbsent(row, b -> new TreeMap<>()).put(driver, new Cell(median(values), values.size(), unit));
    }

    /** The method name, followed by the parameters other than {@code driver}: {@code readTimestamp api=prepared}. */
    private static String label(RunResult run) {
        BenchmarkParams params = run.getParams();
        StringBuilder sb = new StringBuilder(shortName(params.getBenchmark()));
        for (String key : params.getParamsKeys()) {
            if (!key.equals("driver")) sb.append(' ').append(key).append('=').append(params.getParam(key));
        }
        return sb.toString();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String shortName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /**
     * The table; a driver that did not run shows as a dash, and so does its ratio. When a benchmark
     * also ran without a driver ({@link PoolBenchmark#NO_DRIVER}: the pool alone), a last column
     * shows that floor.
     */
    String toMarkdown() {
        String ysql = DriverKind.YSQL.label();
        String pgjdbc = DriverKind.PGJDBC.label();
        boolean floor = cells.values().stream().anyMatch(byDriver -> byDriver.containsKey(PoolBenchmark.NO_DRIVER));
        StringBuilder out = new StringBuilder()
                .append("| benchmark | unit | ").append(ysql).append(" (median) | ").append(pgjdbc)
                .append(" (median) | ratio ").append(ysql).append('/').append(pgjdbc)
                .append(floor ? " | no driver (median) |\n|---|---|---:|---:|---:|---:|\n" : " |\n|---|---|---:|---:|---:|\n");
        cells.forEach((benchmark, byDriver) -> {
            Cell a = byDriver.get(ysql);
            Cell b = byDriver.get(pgjdbc);
            Cell none = byDriver.get(PoolBenchmark.NO_DRIVER);
            String unit = a != null ? a.unit() : b != null ? b.unit() : none != null ? none.unit() : "";
            out.append("| ").append(benchmark).append(" | ").append(unit)
                    .append(" | ").append(a == null ? "-" : number(a.median()))
                    .append(" | ").append(b == null ? "-" : number(b.median()))
                    .append(" | ").append(a == null || b == null ? "-" : String.format(Locale.ROOT, "%.2f", a.median() / b.median()));
            if (floor) out.append(" | ").append(none == null ? "-" : number(none.median()));
            out.append(" |\n");
        });
        return out.toString();
    }

    /** How many measured iterations each median comes from, e.g. {@code 5} or {@code 5-10}. */
    String iterationCounts() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Map<String, Cell> byDriver : cells.values()) {
            for (Cell c : byDriver.values()) {
                min = Math.min(min, c.iterations());
                max = Math.max(max, c.iterations());
            }
        }
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
