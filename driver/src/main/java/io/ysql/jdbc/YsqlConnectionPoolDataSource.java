package io.ysql.jdbc;

import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.internal.jdbc.JdbcPooledConnection;
import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/**
 * A {@link ConnectionPoolDataSource} for pools and application servers that manage physical
 * connections themselves: each {@link PooledConnection} holds one physical connection and lends it
 * out as logical handles, reporting handle closes and fatal errors to its
 * {@link javax.sql.ConnectionEventListener}s. Configured like {@link YsqlDataSource} (same
 * properties, same JNDI reference), and usable as a plain {@code DataSource} too.
 */
public class YsqlConnectionPoolDataSource extends YsqlDataSource implements ConnectionPoolDataSource {
    private static final long serialVersionUID = 1L;

    /** A data source with no option set. */
    public YsqlConnectionPoolDataSource() {}

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new JdbcPooledConnection(getConnection().unwrap(JdbcConnection.class));
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return new JdbcPooledConnection(getConnection(user, password).unwrap(JdbcConnection.class));
    }
}
