package io.ysql.bench;

import io.ysql.Pipeline;
import io.ysql.PipelineResult;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One hundred point selects of {@code bench_employee} as one unit of work, every column read:
 * ysql-driver queues them in a {@link Pipeline} and syncs once (one round trip), pgjdbc runs them
 * one by one on a prepared statement (a round trip each), the way an application without
 * pipelines does. Time per hundred selects.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {
    static final int STATEMENTS = 100;

    /** One connection per benchmark thread, with the pgjdbc side's prepared statement. */
    @State(Scope.Thread)
    public static class OpenConnection {
        Connection connection;
        YsqlConnection ysql;
        PreparedStatement statement;
        String pipelinedSelect;
        int nextId = 1;

        @Setup(Level.Trial)
        public void open(DriverState target) throws SQLException {
            connection = target.connect();
            if ("ysql".equals(target.driver)) {
                ysql = connection.unwrap(YsqlConnection.class);
                pipelinedSelect = EmployeeTable.POINT_SELECT.replace("?", "%s");
            } else {
                statement = connection.prepareStatement(EmployeeTable.POINT_SELECT);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                if (statement != null) statement.close();
            } finally {
                connection.close();
            }
        }

        int nextId() {
            int id = nextId;
            nextId = id == EmployeeTable.ROWS ? 1 : id + 1;
            return id;
        }
    }

    @Benchmark
    public void hundredPointSelects(OpenConnection open, Blackhole bh) throws SQLException {
        if (open.ysql != null) pipelined(open, bh);
        else oneByOne(open, bh);
    }

    private static void pipelined(OpenConnection open, Blackhole bh) throws SQLException {
        PipelineResult[] results = new PipelineResult[STATEMENTS];
        try (Pipeline p = open.ysql.pipeline()) {
            for (int i = 0; i < STATEMENTS; i++) results[i] = p.execute(open.pipelinedSelect, open.nextId());
            p.sync();
        }
        for (PipelineResult r : results) {
            Row row = r.first();
            if (row == null) throw new IllegalStateException("no bench_employee row");
            bh.consume(row.get(0));
            bh.consume(row.get(1));
            bh.consume(row.get(2));
        }
    }

    private static void oneByOne(OpenConnection open, Blackhole bh) throws SQLException {
        for (int i = 0; i < STATEMENTS; i++) {
            int id = open.nextId();
            open.statement.setInt(1, id);
            try (ResultSet rs = open.statement.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no bench_employee row with id " + id);
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getInt(3));
            }
        }
    }
}
