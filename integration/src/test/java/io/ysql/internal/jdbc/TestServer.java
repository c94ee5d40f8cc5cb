package io.ysql.internal.jdbc;

import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The shared server of the integration tests and the usual ways to reach it: a superuser
 * connection through {@link DriverManager} with a {@code jdbc:ysql:} URL, and ways to inspect the
 * exceptions it raises. Every test class of the JDBC, connect and config suites starts here.
 */
public final class TestServer {
    private TestServer() {}

    /** The one PostgreSQL server of this JVM. */
    public static PgCluster cluster() {
        return PgCluster.shared();
    }

    /** A new connection as the superuser, through {@link DriverManager}. */
    public static Connection connect() throws SQLException {
        PgCluster c = cluster();
        Properties p = new Properties();
        p.setProperty("user", c.superuser());
        p.setProperty("password", c.superuserPassword());
        return DriverManager.getConnection(c.jdbcUrl(), p);
    }

    /** {@link #connect()} unwrapped to the driver's own connection type. */
    public static YsqlConnection connectYsql() throws SQLException {
        return connect().unwrap(YsqlConnection.class);
    }

    /** Runs one statement as the superuser on a fresh connection. */
    public static void run(String sql) throws SQLException {
        try (Connection conn = connect(); Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** What {@code call} throws, failing the test unless it throws an instance of {@code type}. */
    public static <E extends Throwable> E thrown(Class<E> type, ThrowingCallable call) {
        Throwable t = Assertions.catchThrowable(call);
        Assertions.assertThat(t).as("expected %s to be thrown", type.getSimpleName()).isInstanceOf(type);
        return type.cast(t);
    }

    /** {@code t}, its causes and their suppressed exceptions, each once. */
    public static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        collect(t, out);
        return out;
    }

    private static void collect(Throwable t, List<Throwable> out) {
        if (t == null || out.contains(t)) return;
        out.add(t);
        for (Throwable s : t.getSuppressed()) collect(s, out);
        if (t instanceof SQLException e) collect(e.getNextException(), out);
        collect(t.getCause(), out);
    }
}
