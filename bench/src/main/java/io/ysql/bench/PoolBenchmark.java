package io.ysql.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The common server-application shape: {@value #THREADS} platform threads share a HikariCP pool of
 * {@value #POOL_SIZE} connections, and each operation borrows a connection, prepares the point
 * select, runs it, reads the row and gives the connection back. Throughput over all threads; run
 * with {@code -prof gc} for the bytes allocated per operation. Besides ysql and pgjdbc, the
 * {@code driver} parameter {@value #NO_DRIVER} runs the pool over {@link CannedConnection}s, which
 * do no I/O and allocate nothing: its bytes per operation are HikariCP's own, the floor under both
 * drivers' figures, and a driver's share is its figure minus that floor.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(PoolBenchmark.THREADS)
public class PoolBenchmark {
    static final int THREADS = 32;
    static final int POOL_SIZE = 4;
    /** The {@code driver} value that runs the pool over canned connections. */
    static final String NO_DRIVER = "none";

    /** The pool all benchmark threads borrow from, over the driver under test. */
    @State(Scope.Benchmark)
    public static class Pool {
        /** {@code ysql}, {@code pgjdbc}, or {@value #NO_DRIVER} for HikariCP over canned connections. */
        @Param({"ysql", "pgjdbc", NO_DRIVER})
        public String driver;

        HikariDataSource pool;

        @Setup(Level.Trial)
        public void open() {
            HikariConfig config = new HikariConfig();
            if (driver.equals(NO_DRIVER)) {
                config.setDataSource(new ConnectingDataSource(CannedConnection::new));
            } else {
                DriverKind.Connector connector = DriverKind.of(driver).connector(ServerAddress.fromSystemProperties());
                config.setDataSource(new ConnectingDataSource(connector::connect));
            }
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(POOL_SIZE);
            config.setPoolName("bench-" + driver);
            pool = new HikariDataSource(config);
        }

        @TearDown(Level.Trial)
        public void close() {
            pool.close();
        }
    }

    /** The id each thread looks up next, rotating over all rows. */
    @State(Scope.Thread)
    public static class NextId {
        int next = 1 + (int) (Thread.currentThread().getId() % EmployeeTable.ROWS);

        int take() {
            int id = next;
            next = id == EmployeeTable.ROWS ? 1 : id + 1;
            return id;
        }
    }

    @Benchmark
    public void pooledPointSelect(Pool pool, NextId ids, Blackhole bh) throws SQLException {
        int id = ids.take();
        try (Connection c = pool.pool.getConnection();
             PreparedStatement ps = c.prepareStatement(EmployeeTable.POINT_SELECT)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no bench_employee row with id " + id);
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getInt(3));
            }
        }
    }

    /** Opens one connection of the driver under test. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    /** Hands the pool new connections of the driver under test, without {@code DriverManager}. */
    static final class ConnectingDataSource implements DataSource {
        private final ConnectionSource source;

        ConnectingDataSource(ConnectionSource source) { this.source = source; }

        @Override public Connection getConnection() throws SQLException { return source.connect(); }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the bench pool connects with the bench login only");
        }

        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
