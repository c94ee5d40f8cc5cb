package io.ysql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads all {@value ReadRowsTable#ROWS} rows of {@code bench_rows} with the typed getters ({@code
 * getLong}, {@code getString}, {@code getDouble}, {@code getTimestamp} or {@code getObject(i,
 * OffsetDateTime.class)}, {@code getBigDecimal}, {@code getBoolean}). One operation is one row
 * ({@link OperationsPerInvocation}), so the score is rows per second and {@code -prof gc}'s {@code
 * gc.alloc.rate.norm} is bytes allocated per row. The {@link CpuTime} counters add the reading
 * thread's CPU time (execute and read loop) and the rows read, from which the summary derives CPU
 * nanoseconds per row, a measure that other processes on a shared machine disturb less than wall
 * time. {@code api=prepared} runs one {@link PreparedStatement} again and again (each driver's
 * statement caching applies); {@code api=statement} sends the SQL text through a plain {@link
 * Statement} each time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ReadRowsTable.ROWS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 8, time = 3)
public class ReadRowsBenchmark {

    /** One connection per benchmark thread, and the statement the {@code api} parameter names. */
    @State(Scope.Thread)
    public static class OpenConnection {
        /** {@code prepared} or {@code statement}. */
        @Param({"prepared", "statement"})
        public String api;

        Connection connection;
        PreparedStatement prepared;
        Statement statement;

        @Setup(Level.Trial)
        public void open(DriverState target) throws SQLException {
            connection = target.connect();
            if (api.equals("prepared")) {
                prepared = connection.prepareStatement(ReadRowsTable.SELECT_ALL);
            } else if (api.equals("statement")) {
                statement = connection.createStatement();
            } else {
                throw new IllegalArgumentException("api must be prepared or statement: " + api);
            }
        }

        ResultSet query() throws SQLException {
            return prepared != null ? prepared.executeQuery() : statement.executeQuery(ReadRowsTable.SELECT_ALL);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                if (prepared != null) prepared.close();
                if (statement != null) statement.close();
            } finally {
                connection.close();
            }
        }
    }

    /** The reading thread's CPU time and rows read, per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        /** CPU nanoseconds of the benchmark thread spent in executing and reading. */
        public long cpuNanos;
        /** Rows read in those nanoseconds. */
        public long rowsRead;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            rowsRead = 0;
        }

        static long now() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }

    @Benchmark
    public void readTimestamp(OpenConnection open, CpuTime cpu, Blackhole bh) throws SQLException {
        long start = CpuTime.now();
        long n = 0;
        try (ResultSet rs = open.query()) {
            while (rs.next()) {
                bh.consume(rs.getLong(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getDouble(3));
                bh.consume(rs.getTimestamp(4));
                bh.consume(rs.getBigDecimal(5));
                bh.consume(rs.getBoolean(6));
                n++;
            }
        }
        finish(cpu, start, n);
    }

    @Benchmark
    public void readOffsetDateTime(OpenConnection open, CpuTime cpu, Blackhole bh) throws SQLException {
        long start = CpuTime.now();
        long n = 0;
        try (ResultSet rs = open.query()) {
            while (rs.next()) {
                bh.consume(rs.getLong(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getDouble(3));
                bh.consume(rs.getObject(4, OffsetDateTime.class));
                bh.consume(rs.getBigDecimal(5));
                bh.consume(rs.getBoolean(6));
                n++;
            }
        }
        finish(cpu, start, n);
    }

    private static void finish(CpuTime cpu, long start, long n) {
        cpu.cpuNanos += CpuTime.now() - start;
        cpu.rowsRead += n;
        if (n != ReadRowsTable.ROWS) throw new IllegalStateException("read " + n + " rows, expected " + ReadRowsTable.ROWS);
    }
}
