package io.ysql.internal.jdbc;

import io.ysql.YsqlConnection;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;

/**
 * A {@link PooledConnection}: one physical connection lent out as logical handles, one at a time.
 * Closing a handle rolls back what it left uncommitted, restores autocommit and tells the
 * listeners ({@code connectionClosed}); an exception that means the physical connection is lost
 * (SQLSTATE class 08, or the session closed under it) tells them {@code connectionErrorOccurred}.
 * Asking for a new handle closes the previous one. Statements made through a handle answer
 * {@code getConnection()} with the handle, and closing or failing prepared statements is reported
 * to the statement event listeners. A handle is a dynamic proxy implementing {@link YsqlConnection},
 * so the cursor API works through it; {@code unwrap} reaches the physical connection.
 */
public class JdbcPooledConnection implements PooledConnection {
    private final JdbcConnection physical;
    private final boolean autoCommitDefault;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private Handle current;
    private volatile boolean closed;

    public JdbcPooledConnection(JdbcConnection physical) throws SQLException {
        this.physical = physical;
        this.autoCommitDefault = physical.getAutoCommit();
    }

    protected final JdbcConnection physical() { return physical; }

    @Override
    public Connection getConnection() throws SQLException {
        lock.lock();
        try {
            if (closed) throw SqlExceptions.closed("the pooled connection");
            if (physical.isClosed()) {
                SQLException e = SqlExceptions.of(SqlState.CONNECTION_DOES_NOT_EXIST,
                        "the physical connection was lost; close this pooled connection and open another");
                fireError(e);
                throw e;
            }
            if (current != null) current.close(false);
            resetForNewHandle();
            current = new Handle();
            return current.proxy;
        } finally {
            lock.unlock();
        }
    }

    /** Brings the physical connection back to its initial transaction state for a new handle. */
    protected void resetForNewHandle() throws SQLException {
        if (!physical.getAutoCommit()) physical.rollback();
        if (physical.getAutoCommit() != autoCommitDefault) physical.setAutoCommit(autoCommitDefault);
        physical.clearWarnings();
    }

    /**
     * Refuses a call on the handle that the current state does not allow (for XA: local transaction
     * control while a global transaction is active); returns normally otherwise.
     */
    protected void checkHandleCall(Method m, Object[] args) throws SQLException { }

    /** Whether a handle being closed should roll back what it left open (not inside an XA transaction). */
    protected boolean rollbackOnHandleClose() { return true; }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            if (current != null) current.closed = true;
            current = null;
        } finally {
            lock.unlock();
        }
        physical.close();
    }

    @Override public void addConnectionEventListener(ConnectionEventListener l) { if (l != null) listeners.add(l); }
    @Override public void removeConnectionEventListener(ConnectionEventListener l) { listeners.remove(l); }
    @Override public void addStatementEventListener(StatementEventListener l) { if (l != null) statementListeners.add(l); }
    @Override public void removeStatementEventListener(StatementEventListener l) { statementListeners.remove(l); }

    private void fireClosed() {
        ConnectionEvent e = new ConnectionEvent(this);
        for (ConnectionEventListener l : listeners) l.connectionClosed(e);
    }

    private void fireError(SQLException cause) {
        ConnectionEvent e = new ConnectionEvent(this, cause);
        for (ConnectionEventListener l : listeners) l.connectionErrorOccurred(e);
    }

    /** A failure that means the physical connection is gone: class 08 or 57P0x, or a closed session. */
    private boolean isFatal(SQLException e) {
        String s = e.getSQLState();
        return (s != null && (s.startsWith("08") || s.startsWith("57P0"))) || physical.isClosed();
    }

    private Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException ite) {
            Throwable t = ite.getCause();
            if (t instanceof SQLException e && isFatal(e)) fireError(e);
            throw t;
        }
    }

    /** One logical connection: the proxy lent out, until it is closed. */
    private final class Handle implements InvocationHandler {
        final YsqlConnection proxy = (YsqlConnection) Proxy.newProxyInstance(JdbcPooledConnection.class.getClassLoader(),
                new Class<?>[] {YsqlConnection.class}, this);
        volatile boolean closed;

        @Override
        public Object invoke(Object self, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            switch (name) {
                case "close" -> { if (noArgs(args)) { close(true); return null; } }
                case "isClosed" -> { if (noArgs(args)) return closed || physical.isClosed(); }
                case "closed" -> { if (noArgs(args)) return closed || physical.isClosed(); }
                case "equals" -> { return args != null && args.length == 1 && self == args[0]; }
                case "hashCode" -> { return System.identityHashCode(self); }
                case "toString" -> { return "Pooled" + physical + (closed ? " (closed handle)" : ""); }
                case "unwrap" -> { if (((Class<?>) args[0]).isInstance(self)) return self; }
                case "isWrapperFor" -> { if (((Class<?>) args[0]).isInstance(self)) return true; }
                default -> { }
            }
            if (closed) throw SqlExceptions.closed("the connection");
            checkHandleCall(m, args);
            Object r = call(physical, m, args);
            if (r instanceof Statement s && (name.startsWith("create") || name.startsWith("prepare"))) {
                return statement(s, m.getReturnType());
            }
            return r;
        }

        void close(boolean notify) throws SQLException {
            if (closed) return;
            closed = true;
            try {
                if (rollbackOnHandleClose() && !physical.isClosed() && !physical.getAutoCommit()) physical.rollback();
            } finally {
                lock.lock();
                try {
                    if (current == this) current = null;
                } finally {
                    lock.unlock();
                }
                if (notify) fireClosed();
            }
        }

        private Object statement(Statement s, Class<?> type) {
            Class<?> iface = CallableStatement.class.isAssignableFrom(type) ? CallableStatement.class
                    : PreparedStatement.class.isAssignableFrom(type) ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(JdbcPooledConnection.class.getClassLoader(), new Class<?>[] {iface},
                    (self, m, args) -> {
                        switch (m.getName()) {
                            case "getConnection" -> { if (noArgs(args)) return proxy; }
                            case "equals" -> { return args != null && args.length == 1 && self == args[0]; }
                            case "hashCode" -> { return System.identityHashCode(self); }
                            default -> { }
                        }
                        try {
                            Object r = call(s, m, args);
                            if (m.getName().equals("close") && self instanceof PreparedStatement ps) {
                                StatementEvent e = new StatementEvent(JdbcPooledConnection.this, ps);
                                for (StatementEventListener l : statementListeners) l.statementClosed(e);
                            }
                            return r;
                        } catch (SQLException e) {
                            if (self instanceof PreparedStatement ps) {
                                StatementEvent ev = new StatementEvent(JdbcPooledConnection.this, ps, e);
                                for (StatementEventListener l : statementListeners) l.statementErrorOccurred(ev);
                            }
                            throw e;
                        }
                    });
        }
    }

    private static boolean noArgs(Object[] args) { return args == null || args.length == 0; }
}
