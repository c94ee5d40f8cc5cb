package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.internal.session.TransactionStatus;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A transaction block, as psycopg 3's {@code conn.transaction()}: the outermost block runs a
 * transaction of its own (autocommit is switched off for it and restored after), a block inside
 * another one (or inside a transaction the connection already has open) is a savepoint, so that
 * its failure undoes only its own work. Ended by {@link #commit()} or {@link #rollback()};
 * {@link #close()} rolls back a block that was not committed, so with try-with-resources an
 * exception thrown out of the block undoes it:
 *
 * <pre>{@code
 * try (Transaction tx = conn.transaction()) {
 *     cur.execute("INSERT ...");
 *     tx.commit();
 * }
 * }</pre>
 *
 * {@link YsqlConnection#transaction(SQLFunction)} commits when its body returns and rolls back
 * when it throws. A block belongs to the thread that opened it.
 */
public final class Transaction implements AutoCloseable {
    private final YsqlConnection connection;
    private final Savepoint savepoint;
    private final boolean restoreAutoCommit;
    private boolean ended;

    private Transaction(YsqlConnection connection, Savepoint savepoint, boolean restoreAutoCommit) {
        this.connection = connection;
        this.savepoint = savepoint;
        this.restoreAutoCommit = restoreAutoCommit;
    }

    static Transaction begin(YsqlConnection connection) throws SQLException {
        JdbcConnection own = connection.unwrap(JdbcConnection.class);
        Transaction t;
        if (own.openBlocks().get() == 0 && connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            t = new Transaction(connection, null, true);
        } else if (own.openBlocks().get() == 0 && own.session().transactionStatus() == TransactionStatus.IDLE) {
            t = new Transaction(connection, null, false);
        } else {
            t = new Transaction(connection, connection.setSavepoint(), false);
        }
        own.openBlocks().incrementAndGet();
        return t;
    }

    /** Whether this block is a savepoint inside an enclosing transaction. */
    public boolean isNested() { return savepoint != null; }

    /** Makes the block's work stand: COMMIT for the outermost block, RELEASE SAVEPOINT for a nested one. */
    public void commit() throws SQLException {
        end();
        try {
            if (savepoint != null) connection.releaseSavepoint(savepoint);
            else connection.commit();
        } finally {
            restore();
        }
    }

    /** Undoes the block's work: ROLLBACK for the outermost block, ROLLBACK TO SAVEPOINT for a nested one. */
    public void rollback() throws SQLException {
        end();
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } else {
                connection.rollback();
            }
        } finally {
            restore();
        }
    }

    /** Rolls the block back unless it was committed or rolled back already. */
    @Override
    public void close() throws SQLException {
        if (!ended && !connection.isClosed()) rollback();
    }

    private void end() throws SQLException {
        if (ended) throw SqlExceptions.of(SqlState.INVALID_TRANSACTION_STATE, "this transaction block has already ended");
        ended = true;
        connection.unwrap(JdbcConnection.class).openBlocks().decrementAndGet();
    }

    private void restore() throws SQLException {
        if (restoreAutoCommit && !connection.isClosed()) connection.setAutoCommit(true);
    }
}
