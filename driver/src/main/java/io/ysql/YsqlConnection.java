package io.ysql;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.errors.Errors;
import io.ysql.errors.ProgrammingError;
import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.types.Codec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A JDBC {@link Connection} that also speaks the psycopg-style cursor API. Obtained from
 * {@link Ysql#connect}, or by unwrapping any connection of this driver:
 * {@code conn.unwrap(YsqlConnection.class)}. Like every JDBC connection it starts in autocommit
 * mode; call {@code setAutoCommit(false)} for explicit transactions ended by {@code commit()} or
 * {@code rollback()}. One connection may be shared by several threads: their requests are
 * pipelined on the one server session.
 */
public interface YsqlConnection extends Connection {

    /** A new cursor on this connection. */
    Cursor cursor() throws SQLException;

    /**
     * A new cursor whose fetches return rows made by {@code rowFactory}: {@link RowFactory#dict()},
     * {@link RowFactory#classRow(Class)} or a function of the {@link Row}.
     */
    default <T> TypedCursor<T> cursor(RowFactory<T> rowFactory) throws SQLException {
        if (rowFactory == null) throw new IllegalArgumentException("rowFactory is null");
        return new TypedCursor<>(cursor(), rowFactory);
    }

    /**
     * A named server-side cursor, as psycopg2's {@code connection.cursor(name)}: its one
     * {@code execute} declares the cursor on the server, fetches and iteration read it in chunks
     * ({@link Cursor#itersize()} rows per iteration round trip), so a result of any length needs
     * little memory. It lives in a transaction: outside one in autocommit mode it is a
     * {@code ProgrammingError}; see {@link #cursor(String, boolean, Boolean)}.
     */
    default Cursor cursor(String name) throws SQLException {
        return cursor(name, false, null);
    }

    /** A named server-side cursor; with {@code withhold} it outlives its transaction ({@code WITH HOLD}). */
    default Cursor cursor(String name, boolean withhold) throws SQLException {
        return cursor(name, withhold, null);
    }

    /**
     * A named server-side cursor: {@code DECLARE name [NO] SCROLL CURSOR [WITH HOLD] FOR query}.
     * {@code scrollable} true declares SCROLL (so {@link Cursor#scroll} may move backwards), false
     * NO SCROLL, null leaves the server's default. {@code close()} closes it on the server.
     */
    default Cursor cursor(String name, boolean withhold, Boolean scrollable) throws SQLException {
        return io.ysql.internal.cursor.NamedCursor.over(cursor(), name, withhold, scrollable);
    }

    /**
     * Opens a {@link Pipeline}: statements queued back to back without waiting for each other,
     * their results read at {@link Pipeline#sync()} (psycopg 3's {@code pipeline()}).
     */
    default Pipeline pipeline() throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " does not offer pipelines");
    }

    /**
     * The parameters the server reported ({@code server_version}, {@code TimeZone},
     * {@code standard_conforming_strings} …), as last reported.
     */
    Map<String, String> serverParameters();

    /** The process id of the server backend serving this connection. */
    int backendProcessId();

    /**
     * Registers a codec for a user-defined type on this connection: from then on {@code getObject}
     * returns the codec's Java type for columns of that type, {@code getObject(i, type)} and the
     * cursor API too, and {@code setObject(i, value)} sends an instance of it typed as that type.
     * The type name is looked up once, when the codec is first needed; a name that names no type
     * raises 42704 then. A later codec for the same type name replaces an earlier one.
     */
    default void registerCodec(Codec<?> codec) throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " does not take user codecs");
    }

    // ---- notifications, notices, cancel: see docs/notifications.md --------------------------

    /**
     * The notifications received and not yet taken, oldest first, without waiting: what has
     * already arrived on the socket is read first (pgjdbc's {@code getNotifications()}).
     */
    default Notification[] getNotifications() throws SQLException {
        return getNotifications(-1);
    }

    /**
     * As pgjdbc's {@code getNotifications(int)}: waits until at least one notification has
     * arrived, at most {@code timeoutMillis} (0 waits as long as it takes; negative does not wait),
     * then takes every one received. An empty array when none came in time. Waits even while no
     * statement runs, and without holding up other threads using the connection.
     */
    default Notification[] getNotifications(int timeoutMillis) throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " does not receive notifications");
    }

    /** psycopg2's {@code connection.notifies}: takes the notifications received so far, without waiting. */
    default List<Notification> notifies() throws SQLException {
        return List.of(getNotifications());
    }

    /**
     * psycopg 3's {@code connection.notifies(timeout=…)}: the notifications as they arrive, for
     * {@code timeout} in all (null: until the iteration stops being consumed); iteration blocks
     * while it waits, and ends when the time is up. A failure while waiting surfaces as an
     * {@code IllegalStateException} whose cause is the {@link SQLException}.
     */
    default Iterable<Notification> notifies(Duration timeout) {
        return () -> NotificationIterator.of(this, timeout);
    }

    /**
     * Calls {@code listener} with every notification, from a daemon thread of this connection that
     * runs only while a listener is registered; while one is, the listeners take every
     * notification and the other methods find none.
     */
    default void addNotificationListener(Consumer<Notification> listener) throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " does not receive notifications");
    }

    /** Unregisters a listener; the delivery thread stops soon after the last one is gone. */
    default void removeNotificationListener(Consumer<Notification> listener) {
    }

    /**
     * Calls {@code handler} with every NOTICE, WARNING, INFO … the server sends, on the thread
     * that read it, as it arrives (a long procedure's {@code RAISE NOTICE} progress shows at once);
     * null removes it. The notices also become the {@code SQLWarning}s of the statement, or of the
     * connection when no statement ran.
     */
    default void setNoticeHandler(Consumer<ServerError> handler) throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " does not take a notice handler");
    }

    /** psycopg2's {@code connection.notices}: the last 50 notices received, oldest first. */
    default List<ServerError> notices() {
        return List.of();
    }

    /**
     * Cancels whatever this connection is running: a CancelRequest on a connection of its own,
     * with the same TLS settings. Does nothing when nothing runs; a statement that completes at
     * that moment is canceled or not, and the next one never is.
     */
    default void cancel() throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " cannot cancel");
    }

    /** Where this connection is connected, its TLS protocol, cipher and server certificate, and how it authenticated. */
    ConnectionInfo connectionInfo();

    /**
     * The YugabyteDB cluster this connection was balanced over ({@code load_balance}), with the
     * connections counted on each server; empty when the connection was not load-balanced.
     */
    Optional<ClusterInfo> clusterInfo();

    /**
     * {@code COPY ... FROM STDIN} and {@code COPY ... TO STDOUT} on this connection: streams in
     * and out as pgjdbc's {@code CopyManager} takes them, or typed rows; see {@link Copy}.
     */
    default Copy copy() throws SQLException {
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED, getClass().getName() + " does not offer COPY");
    }

    /** Starts {@code COPY ... FROM STDIN} for rows written one by one: {@code copy().copyIn(sql)}. */
    default CopyIn copyIn(String sql) throws SQLException {
        return copy().copyIn(sql);
    }

    /** Starts {@code COPY ... TO STDOUT} for rows read one by one: {@code copy().copyOut(sql)}. */
    default CopyOut copyOut(String sql) throws SQLException {
        return copy().copyOut(sql);
    }

    /**
     * Opens a transaction block (psycopg 3's {@code transaction()}): a transaction of its own when
     * none is open, a savepoint inside one that is. End it with {@link Transaction#commit()};
     * closing it without that rolls it back.
     */
    default Transaction transaction() throws SQLException {
        return Transaction.begin(this);
    }

    /**
     * Runs {@code body} in a transaction block: committed when it returns, rolled back when it
     * throws; a savepoint when a transaction is already open, so nested blocks undo only their own
     * work.
     */
    default <T> T transaction(SQLFunction<? super YsqlConnection, T> body) throws SQLException {
        try (Transaction tx = transaction()) {
            T result = body.apply(this);
            tx.commit();
            return result;
        }
    }

    /**
     * Runs {@code work} as a transaction on this connection, retrying it on transient failures
     * with {@link RetryPolicy#DEFAULT}; see {@link Transactions#retrying(Connection, RetryPolicy, SQLFunction)}.
     */
    default <T> T retrying(SQLFunction<? super YsqlConnection, T> work) throws SQLException {
        return Transactions.retrying(this, RetryPolicy.DEFAULT, work);
    }

    // ---- the cursor API's connection surface (psycopg2's names) -------------------------------

    /** This driver's connection under this one (itself, or the connection behind a pooled handle). */
    private JdbcConnection own() throws SQLException {
        try {
            return unwrap(JdbcConnection.class);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    /** Runs {@code call}, raising its failure as the cursor API's exception for its SQLSTATE. */
    private static <T> T psycopg(SQLFunction<Void, T> call) throws SQLException {
        try {
            return call.apply(null);
        } catch (SQLException e) {
            throw Errors.from(e);
        }
    }

    /** The isolation level of the session's next transactions (psycopg2's {@code isolation_level}). */
    default IsolationLevel isolationLevel() throws SQLException {
        return psycopg(v -> own().cursorApiSettings().isolationLevel());
    }

    /**
     * Sets the isolation level of the session's transactions, {@link IsolationLevel#DEFAULT} for the
     * server's default. {@code ProgrammingError} inside a transaction.
     */
    default void isolationLevel(IsolationLevel level) throws SQLException {
        psycopg(v -> { own().cursorApiSettings().isolationLevel(level); return null; });
    }

    /** Whether the session's transactions are read-only, or null for the server's default. */
    default Boolean readonly() throws SQLException { return own().cursorApiSettings().readonly(); }

    /** Makes the session's transactions read-only (true), read-write (false) or the server's default (null). */
    default void readonly(Boolean on) throws SQLException {
        psycopg(v -> { own().cursorApiSettings().readonly(on); return null; });
    }

    /** Whether the session's serializable read-only transactions are deferrable, or null for the default. */
    default Boolean deferrable() throws SQLException { return own().cursorApiSettings().deferrable(); }

    /** Makes the session's transactions deferrable (true), not (false) or the server's default (null). */
    default void deferrable(Boolean on) throws SQLException {
        psycopg(v -> { own().cursorApiSettings().deferrable(on); return null; });
    }

    /**
     * psycopg2's {@code set_session}: sets any of the isolation level, read-only, deferrable and
     * autocommit at once; a null argument leaves that one unchanged. {@code ProgrammingError}
     * inside a transaction.
     */
    default void setSession(IsolationLevel level, Boolean readonly, Boolean deferrable, Boolean autocommit)
            throws SQLException {
        psycopg(v -> { own().cursorApiSettings().setSession(level, readonly, deferrable, autocommit); return null; });
    }

    /** The server version, backend, parameters, transaction status and where the session is connected. */
    default SessionInfo info() throws SQLException { return psycopg(v -> own().cursorApiSettings().info()); }

    /** The client encoding, as the server reports it ({@code UTF8}). */
    default String encoding() throws SQLException { return serverParameters().get("client_encoding"); }

    /** The connection parameters in effect, as option name → value, without the password. */
    default Map<String, String> getDsnParameters() throws SQLException {
        return own().cursorApiSettings().dsnParameters();
    }

    /** Whether the connection is closed (psycopg2's {@code closed}). */
    default boolean closed() throws SQLException { return isClosed(); }

    /** An XA transaction id for {@link #tpcBegin(TransactionId)} (psycopg2's {@code xid}). */
    default TransactionId xid(int formatId, String gtrid, String bqual) throws SQLException {
        try {
            return TransactionId.of(formatId, gtrid, bqual);
        } catch (IllegalArgumentException e) {
            throw new ProgrammingError(e.getMessage(), SqlState.INVALID_PARAMETER_VALUE, null, e);
        }
    }

    /**
     * Starts a two-phase transaction with this id: statements run from now on belong to it until
     * {@link #tpcPrepare()} and {@link #tpcCommit()} or {@link #tpcRollback()}. Needs autocommit off
     * and no transaction in progress ({@code ProgrammingError} otherwise).
     */
    default void tpcBegin(TransactionId xid) throws SQLException { psycopg(v -> { own().twoPhase().begin(xid); return null; }); }

    /** {@link #tpcBegin(TransactionId)} with a plain gid, used on the server as it is. */
    default void tpcBegin(String gid) throws SQLException {
        tpcBegin(gid == null ? null : new TransactionId(null, gid, null, null, null, null));
    }

    /** Prepares the two-phase transaction ({@code PREPARE TRANSACTION}); it survives this connection. */
    default void tpcPrepare() throws SQLException { psycopg(v -> { own().twoPhase().prepare(); return null; }); }

    /** Commits the two-phase transaction: {@code COMMIT PREPARED}, or one-phase when it was not prepared. */
    default void tpcCommit() throws SQLException { tpcCommit(null); }

    /** Commits the prepared transaction {@code xid} (recovery), outside any transaction; null as {@link #tpcCommit()}. */
    default void tpcCommit(TransactionId xid) throws SQLException {
        psycopg(v -> { own().twoPhase().commit(xid); return null; });
    }

    /** Rolls the two-phase transaction back: {@code ROLLBACK PREPARED}, or a plain rollback when not prepared. */
    default void tpcRollback() throws SQLException { tpcRollback(null); }

    /** Rolls the prepared transaction {@code xid} back (recovery); null as {@link #tpcRollback()}. */
    default void tpcRollback(TransactionId xid) throws SQLException {
        psycopg(v -> { own().twoPhase().rollback(xid); return null; });
    }

    /** The prepared transactions of the server, with when, by whom and in which database each was prepared. */
    default List<TransactionId> tpcRecover() throws SQLException { return psycopg(v -> own().twoPhase().recover()); }
}
