package io.ysql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.naming.Reference;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;
import org.junit.jupiter.api.Test;

/**
 * The connection-pool data source: logical handles over one physical connection, the events a pool
 * listens to (handle closed, connection lost, prepared statement closed or failed), what a handle
 * leaves behind when it closes, and a JNDI round trip of the data source.
 */
class PooledDataSourceIT {

    private static YsqlConnectionPoolDataSource dataSource() {
        PgCluster c = TestServer.cluster();
        YsqlConnectionPoolDataSource ds = new YsqlConnectionPoolDataSource();
        ds.setUrl(c.jdbcUrl());
        ds.setUser(c.superuser());
        ds.setPassword(c.superuserPassword());
        return ds;
    }

    private static final class Events implements ConnectionEventListener, StatementEventListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override public void connectionClosed(ConnectionEvent e) { seen.add("closed"); }
        @Override public void connectionErrorOccurred(ConnectionEvent e) { seen.add("error " + e.getSQLException().getSQLState()); }
        @Override public void statementClosed(StatementEvent e) { seen.add("statement closed"); }
        @Override public void statementErrorOccurred(StatementEvent e) { seen.add("statement error " + e.getSQLException().getSQLState()); }
    }

    @Test
    void handlesShareOnePhysicalConnectionAndReportTheirClose() throws SQLException {
        PooledConnection pc = dataSource().getPooledConnection();
        Events events = new Events();
        pc.addConnectionEventListener(events);
        pc.addStatementEventListener(events);
        try {
            Connection first = pc.getConnection();
            int pid = first.unwrap(YsqlConnection.class).backendProcessId();
            first.setAutoCommit(false);
            try (Statement st = first.createStatement()) {
                assertThat(st.getConnection()).isSameAs(first);
                st.execute("CREATE TEMP TABLE pooled_t (a int)");
            }
            first.close();
            assertThat(first.isClosed()).isTrue();
            assertThat(catchThrowable(first::createStatement)).isInstanceOf(SQLException.class);
            assertThat(events.seen).containsExactly("closed");

            Connection second = pc.getConnection();
            assertThat(second.getAutoCommit()).as("autocommit restored for the next handle").isTrue();
            assertThat(second.unwrap(YsqlConnection.class).backendProcessId()).isEqualTo(pid);
            try (Statement st = second.createStatement()) {
                SQLException gone = (SQLException) catchThrowable(() -> st.execute("SELECT * FROM pooled_t"));
                assertThat(gone.getSQLState()).as("the uncommitted work of the closed handle was rolled back")
                        .isEqualTo("42P01");
            }
            try (PreparedStatement ps = second.prepareStatement("SELECT 1/?")) {
                ps.setInt(1, 0);
                assertThat(catchThrowable(ps::executeQuery)).isInstanceOf(SQLException.class);
            }
            assertThat(events.seen).containsExactly("closed", "statement error 22012", "statement closed");

            Connection third = pc.getConnection();
            assertThat(second.isClosed()).as("a new handle closes the previous one").isTrue();
            assertThat(third.unwrap(YsqlConnection.class).cursor().execute("SELECT 2").fetchone().get(0)).isEqualTo(2);
        } finally {
            pc.close();
        }
    }

    @Test
    void aLostConnectionIsReportedAsAnError() throws SQLException {
        PooledConnection pc = dataSource().getPooledConnection();
        Events events = new Events();
        pc.addConnectionEventListener(events);
        try {
            Connection c = pc.getConnection();
            int pid = c.unwrap(YsqlConnection.class).backendProcessId();
            TestServer.run("SELECT pg_terminate_backend(" + pid + ")");
            Throwable t = catchThrowable(() -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                    rs.next();
                }
            });
            assertThat(t).isInstanceOf(SQLException.class);
            assertThat(events.seen).anyMatch(s -> s.startsWith("error "));
        } finally {
            pc.close();
        }
    }

    @Test
    void jndiReferenceRoundTripsEveryOption() throws Exception {
        YsqlConnectionPoolDataSource ds = dataSource();
        ds.setApplicationName("jndi-test");
        Reference ref = ds.getReference();
        assertThat(ref.getFactoryClassName()).isEqualTo(YsqlDataSourceFactory.class.getName());
        Object back = new YsqlDataSourceFactory().getObjectInstance(ref, null, null, null);
        assertThat(back).isInstanceOf(YsqlConnectionPoolDataSource.class);
        YsqlConnectionPoolDataSource copy = (YsqlConnectionPoolDataSource) back;
        assertThat(copy.getUrl()).isEqualTo(ds.getUrl());
        assertThat(copy.getApplicationName()).isEqualTo("jndi-test");
        assertThat(copy.getPassword()).as("the password is part of the reference, as in pgjdbc").isEqualTo(ds.getPassword());
        PooledConnection pc = copy.getPooledConnection();
        try (Connection c = pc.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('application_name')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("jndi-test");
        } finally {
            pc.close();
        }
        assertThat(new YsqlDataSourceFactory().getObjectInstance(new Reference("java.lang.String"), null, null, null))
                .isNull();
    }
}
