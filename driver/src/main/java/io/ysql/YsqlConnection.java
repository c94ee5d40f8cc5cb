package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.types.Codec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

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

    /** Where this connection is connected, its TLS protocol, cipher and server certificate, and how it authenticated. */
    ConnectionInfo connectionInfo();

    /**
     * The YugabyteDB cluster this connection was balanced over ({@code load_balance}), with the
     * connections counted on each server; empty when the connection was not load-balanced.
     */
    Optional<ClusterInfo> clusterInfo();

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
}
