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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Sixteen threads share one connection, each with its own prepared point select on it. This
 * driver writes the threads' requests back to back and matches the answers in order, so the
 * session stays busy; pgjdbc lets one thread at a time use a connection. Throughput over all
 * threads, ysql and pgjdbc side by side.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
public class SharedConnectionBenchmark {

    /** The one connection all benchmark threads share. */
    @State(Scope.Benchmark)
    public static class SharedConnection {
        Connection connection;

        @Setup(Level.Trial)
        public void open(DriverState target) throws SQLException {
            connection = target.connect();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** One thread's prepared statement on the shared connection. */
    @State(Scope.Thread)
    public static class ThreadStatement {
        PreparedStatement statement;
        int nextId;

        @Setup(Level.Trial)
        public void prepare(SharedConnection shared) throws SQLException {
            statement = shared.connection.prepareStatement(EmployeeTable.POINT_SELECT);
            nextId = 1 + (int) (Thread.currentThread().getId() % EmployeeTable.ROWS);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            statement.close();
        }

        int nextId() {
            int id = nextId;
            nextId = id == EmployeeTable.ROWS ? 1 : id + 1;
            return id;
        }
    }

    @Benchmark
    public void sharedPointSelect(ThreadStatement own, Blackhole bh) throws SQLException {
        int id = own.nextId();
        own.statement.setInt(1, id);
        try (ResultSet rs = own.statement.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("no bench_employee row with id " + id);
            bh.consume(rs.getInt(1));
            bh.consume(rs.getString(2));
            bh.consume(rs.getInt(3));
        }
    }
}
