package io.ysql.bench;

import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The driver under test over TLS, one JMH state per sslmode so that each mode is its own
 * benchmark method and its own row of the summary: {@code require} (encrypted, server not
 * verified: no root file in the fork's home) and {@code verify-full} (chain and host name checked
 * against the test root). Both drivers get the same sslmode and root file.
 */
public final class TlsDriverStates {
    private TlsDriverStates() {}

    /** {@code sslmode=require}. */
    @State(Scope.Benchmark)
    public static class Require {
        /** {@code ysql} or {@code pgjdbc}. */
        @Param({"ysql", "pgjdbc"})
        public String driver;

        private DriverKind.Connector connector;

        @Setup(Level.Trial)
        public void resolve() {
            connector = DriverKind.of(driver).tlsConnector(TlsServerAddress.fromSystemProperties(), "require");
        }

        public Connection connect() throws SQLException {
            return connector.connect();
        }
    }

    /** {@code sslmode=verify-full} with {@code sslrootcert} the test root. */
    @State(Scope.Benchmark)
    public static class VerifyFull {
        /** {@code ysql} or {@code pgjdbc}. */
        @Param({"ysql", "pgjdbc"})
        public String driver;

        private DriverKind.Connector connector;

        @Setup(Level.Trial)
        public void resolve() {
            connector = DriverKind.of(driver).tlsConnector(TlsServerAddress.fromSystemProperties(), "verify-full");
        }

        public Connection connect() throws SQLException {
            return connector.connect();
        }
    }
}
