package io.ysql.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * The summary {@link BenchMain} prints after JMH's own: per benchmark, the median of the measured
 * iterations (over all forks) for each driver and the ratio ysql/pgjdbc, as a Markdown table
 * ready for the README. A ratio below 1 means ysql-driver is faster. The median, not JMH's mean,
 * because one disturbed iteration on a shared machine moves a mean but hardly a median.
 */
final class MedianTable {
    /** One benchmark, one driver: the median and the number of iterations it comes from. */
    record Cell(double median, int iterations, String unit) {}

    /** Benchmark method name → driver label → cell; sorted by benchmark name. */
    private final Map<String, Map<String, Cell>> cells;

    private MedianTable(Map<String, Map<String, Cell>> cells) {
        this.cells = cells;
    }

    static MedianTable of(Collection<RunResult> results) {
        Map<String, Map<String, Cell>> cells = new TreeMap<>();
        for (RunResult run : results) {
            String benchmark = shortName(run.getParams().getBenchmark());
            String driver = run.getParams().getParam("driver");
            List<Double> scores = new ArrayList<>();
            String unit = run.getPrimaryResult().getScoreUnit();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
            if (driver == null || scores.isEmpty()) continue;
            cells.computeIfAbsent(benchmark, b -> new TreeMap<>()).put(driver, new Cell(median(scores), scores.size(), unit));
        }
        return new MedianTable(cells);
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

    /** The table; a driver that did not run shows as a dash, and so does its ratio. */
    String toMarkdown() {
        String ysql = DriverKind.YSQL.label();
        String pgjdbc = DriverKind.PGJDBC.label();
        StringBuilder out = new StringBuilder()
                .append("| benchmark | unit | ").append(ysql).append(" (median) | ").append(pgjdbc)
                .append(" (median) | ratio ").append(ysql).append('/').append(pgjdbc).append(" |\n")
                .append("|---|---|---:|---:|---:|\n");
        cells.forEach((benchmark, byDriver) -> {
            Cell a = byDriver.get(ysql);
            Cell b = byDriver.get(pgjdbc);
            String unit = a != null ? a.unit() : b != null ? b.unit() : "";
            out.append("| ").append(benchmark).append(" | ").append(unit)
                    .append(" | ").append(a == null ? "-" : number(a.median()))
                    .append(" | ").append(b == null ? "-" : number(b.median()))
                    .append(" | ").append(a == null || b == null ? "-" : String.format(Locale.ROOT, "%.2f", a.median() / b.median()))
                    .append(" |\n");
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
