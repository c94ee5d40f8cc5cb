package io.ysql.bench;

import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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

/**
 * Bulk loading through JDBC batches: {@value #ROWS} rows of ({@code int4}, {@code text},
 * {@code int4}) inserted into {@code bench_batch} with one {@link PreparedStatement}, in
 * {@code executeBatch} calls of {@value #BATCH} rows, in autocommit. {@code rewrite} sets each
 * driver's {@code reWriteBatchedInserts}: false sends one INSERT per row, true multi-row INSERTs
 * (both drivers cut a batch into statements of up to 128 rows). The table is emptied before each
 * invocation, outside the measured time; {@link BenchMain} creates it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchInsertBenchmark {
    static final int ROWS = 100_000;
    static final int BATCH = 1000;
    static final String INSERT = "INSERT INTO bench_batch (id, name, age) VALUES (?, ?, ?)";

    /** Creates the empty table (from {@link BenchMain}, before any fork starts). */
    static void createTable(PgCluster cluster) {
        cluster.psql("DROP TABLE IF EXISTS bench_batch; "
                + "CREATE TABLE bench_batch (id integer NOT NULL, name text NOT NULL, age integer NOT NULL)");
    }

    /** One connection and one prepared statement per benchmark thread. */
    @State(Scope.Thread)
    public static class OpenStatement {
        @Param({"false", "true"})
        public boolean rewrite;

        Connection connection;
        PreparedStatement statement;

        @Setup(Level.Trial)
        public void open(DriverState target) throws SQLException {
            connection = target.connect("reWriteBatchedInserts", Boolean.toString(rewrite));
            statement = connection.prepareStatement(INSERT);
        }

        @Setup(Level.Invocation)
        public void empty() throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("TRUNCATE bench_batch");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                statement.close();
            } finally {
                connection.close();
            }
        }
    }

    @Benchmark
    public int batchInsert(OpenStatement open) throws SQLException {
        PreparedStatement ps = open.statement;
        int counted = 0;
        for (int id = 0; id < ROWS; ) {
            for (int end = id + BATCH; id < end; id++) {
                ps.setInt(1, id);
                ps.setString(2, "employee " + id);
                ps.setInt(3, 20 + id % 45);
                ps.addBatch();
            }
            counted += ps.executeBatch().length;
        }
        if (counted != ROWS) throw new IllegalStateException(counted + " update counts for " + ROWS + " rows");
        return counted;
    }
}
