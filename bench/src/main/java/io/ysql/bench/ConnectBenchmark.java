package io.ysql.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The cost of a short-lived connection: TCP connect, startup, SCRAM-SHA-256 authentication,
 * one {@code SELECT 1} and Terminate. Dominated by the server's backend start and by the client's
 * PBKDF2 over the SCRAM iteration count, so it shows the fixed cost of a connection without a pool.
 * The TLS variants connect to a second server with TLS on, as {@code sslmode=require} and
 * {@code verify-full}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectBenchmark {

    @Benchmark
    public int connectSelectClose(DriverState target) throws SQLException {
        try (Connection c = target.connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            if (!rs.next()) throw new IllegalStateException("SELECT 1 returned no row");
            return rs.getInt(1);
        }
    }

    /** The same over TLS with {@code sslmode=require}: adds the handshake and SCRAM-SHA-256-PLUS. */
    @Benchmark
    public int connectSelectCloseTlsRequire(TlsDriverStates.Require target) throws SQLException {
        return selectOne(target.connect());
    }

    /** The same with {@code sslmode=verify-full}: adds the chain and host-name checks. */
    @Benchmark
    public int connectSelectCloseTlsVerifyFull(TlsDriverStates.VerifyFull target) throws SQLException {
        return selectOne(target.connect());
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (Connection c = connection;
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            if (!rs.next()) throw new IllegalStateException("SELECT 1 returned no row");
            return rs.getInt(1);
        }
    }
}
