package io.ysql.jdbc;

import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.internal.jdbc.JdbcXAConnection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * An {@link XADataSource} for JTA transaction managers (Narayana, Atomikos, application servers):
 * each {@link XAConnection} is one physical connection whose {@link javax.transaction.xa.XAResource}
 * runs the server's two-phase commit ({@code PREPARE TRANSACTION}, {@code COMMIT PREPARED},
 * {@code ROLLBACK PREPARED}, recovery from {@code pg_prepared_xacts}). The server must allow
 * prepared transactions ({@code max_prepared_transactions} above 0). Configured like
 * {@link YsqlDataSource}; usable as a plain {@code DataSource} too.
 */
public class YsqlXADataSource extends YsqlDataSource implements XADataSource {
    private static final long serialVersionUID = 1L;

    /** A data source with no option set. */
    public YsqlXADataSource() {}

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return new JdbcXAConnection(getConnection().unwrap(JdbcConnection.class));
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new JdbcXAConnection(getConnection(user, password).unwrap(JdbcConnection.class));
    }
}
