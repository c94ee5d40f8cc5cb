package io.ysql.bench;

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
 * One round trip on an open connection: a {@link PreparedStatement} looks up one row of
 * {@code bench_employee} by primary key, with the id rotating over all rows, and all three columns
 * are read. The statement is prepared once per trial and executed again and again, the way an
 * application reuses it; each driver applies its own statement caching (pgjdbc switches to a named
 * server-side statement after {@code prepareThreshold} = 5 executions).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PointSelectBenchmark {

    /** One connection and one prepared statement per benchmark thread. */
    @State(Scope.Thread)
    public static class OpenStatement {
        Connection connection;
        PreparedStatement statement;
        int nextId;

        @Setup(Level.Trial)
        public void open(DriverState target) throws SQLException {
            connection = target.connect();
            statement = connection.prepareStatement(EmployeeTable.POINT_SELECT);
            nextId = 1;
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                statement.close();
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
    public void pointSelect(OpenStatement open, Blackhole bh) throws SQLException {
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
