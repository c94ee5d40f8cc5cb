package io.ysql.bench;

import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The driver under test, chosen by the {@code driver} parameter, which JMH varies over both
 * values so that every benchmark reports ysql and pgjdbc side by side. Shared by all benchmark
 * threads; it only holds the connector and opens connections on request.
 */
@State(Scope.Benchmark)
public class DriverState {
    /** {@code ysql} or {@code pgjdbc}. */
    @Param({"ysql", "pgjdbc"})
    public String driver;

    private DriverKind.Connector connector;

    @Setup(Level.Trial)
    public void resolve() {
        connector = DriverKind.of(driver).connector(ServerAddress.fromSystemProperties());
    }

    /** A new connection from the driver under test. */
    public Connection connect() throws SQLException {
        return connector.connect();
    }

    /** A new connection from the driver under test with one more connection property. */
    public Connection connect(String property, String value) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.putAll(connector.props());
        props.setProperty(property, value);
        return new DriverKind.Connector(connector.driver(), connector.url(), props).connect();
    }
}
