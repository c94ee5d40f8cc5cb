package io.ysql.internal.jdbc;

import io.ysql.TransactionId;
import io.ysql.errors.ProgrammingError;
import io.ysql.error.SqlState;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.TransactionStatus;
import io.ysql.internal.sql.SqlQuoting;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-phase commit on one connection: the server commands ({@code PREPARE TRANSACTION},
 * {@code COMMIT PREPARED}, {@code ROLLBACK PREPARED}, {@code pg_prepared_xacts}) that the XA
 * resource and the cursor API's {@code tpc*} methods share, and the psycopg2 state of the latter:
 * {@link #begin} names the transaction about to run, {@link #prepare} prepares it, {@link #commit}
 * and {@link #rollback} end it (one-phase when it was not prepared) or, given an id, end a prepared
 * transaction found by {@link #recover}. Misuse raises psycopg2's {@link ProgrammingError}.
 */
public final class TwoPhase {
    private final JdbcConnection connection;
    private volatile TransactionId current;
    private volatile boolean prepared;

    TwoPhase(JdbcConnection connection) { this.connection = connection; }

    /** Whether a cursor-API two-phase transaction is in progress (begun, maybe prepared). */
    public boolean active() { return current != null; }

    /** The id of the two-phase transaction in progress, or null. */
    public TransactionId current() { return current; }

    // ---- the cursor API (psycopg2) -----------------------------------------------------------

    public void begin(TransactionId xid) throws SQLException {
        if (xid == null) throw misuse("tpcBegin needs a transaction id");
        if (current != null) throw misuse("tpcBegin cannot be called while a two-phase transaction is in progress");
        if (connection.session().transactionStatus() != TransactionStatus.IDLE) {
            throw misuse("tpcBegin must be called outside a transaction; commit or roll back first");
        }
        if (connection.getAutoCommit()) throw misuse("tpcBegin cannot be called in autocommit mode");
        current = xid;
        prepared = false;
    }

    public void prepare() throws SQLException {
        TransactionId x = current;
        if (x == null) throw misuse("tpcPrepare called outside a two-phase transaction; call tpcBegin first");
        if (prepared) throw misuse("tpcPrepare called twice for transaction " + x.gid());
        prepareTransaction(x.gid());
        prepared = true;
    }

    /** With {@code xid} null, ends the transaction in progress; else commits a prepared one (recovery). */
    public void commit(TransactionId xid) throws SQLException { finish(xid, true); }

    public void rollback(TransactionId xid) throws SQLException { finish(xid, false); }

    private void finish(TransactionId xid, boolean commit) throws SQLException {
        String verb = commit ? "tpcCommit" : "tpcRollback";
        if (xid != null) {
            if (current != null) throw misuse(verb + " with an id cannot be called during a two-phase transaction");
            if (connection.session().transactionStatus() != TransactionStatus.IDLE) {
                throw misuse(verb + " with an id must be called outside a transaction; commit or roll back first");
            }
            endPrepared(xid.gid(), commit);
            return;
        }
        TransactionId x = current;
        if (x == null) throw misuse(verb + " called outside a two-phase transaction; pass the id of a prepared one");
        current = null;
        if (prepared) {
            endPrepared(x.gid(), commit);
        } else if (commit) {
            connection.commit(); // one phase: nothing was prepared
        } else {
            connection.rollback();
        }
    }

    /** Every prepared transaction of the server (psycopg2 lists all databases'). */
    public List<TransactionId> recover() throws SQLException {
        List<TransactionId> out = new ArrayList<>();
        List<String[]> rows = query("SELECT gid, to_char(prepared AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), owner::text, database::text "
                + "FROM pg_catalog.pg_prepared_xacts ORDER BY gid");
        for (String[] r : rows) {
            out.add(TransactionId.fromGid(r[0]).recovered(OffsetDateTime.parse(r[1]), r[2], r[3]));
        }
        return out;
    }

    // ---- the server commands, shared with XA -------------------------------------------------

    /** Prepares the open transaction as {@code gid} (opening one first when nothing ran yet). */
    void prepareTransaction(String gid) throws SQLException {
        // a statement, not control(): with autocommit off an empty transaction is opened first
        connection.session().simpleQuery("PREPARE TRANSACTION " + SqlQuoting.quoteLiteral(gid), connection::addWarning);
    }

    /** COMMIT PREPARED or ROLLBACK PREPARED, outside any transaction. */
    void endPrepared(String gid, boolean commit) throws SQLException {
        connection.control((commit ? "COMMIT PREPARED " : "ROLLBACK PREPARED ") + SqlQuoting.quoteLiteral(gid));
    }

    /** The gids of the prepared transactions of the current database, as pgjdbc's recover lists them. */
    List<String> preparedInThisDatabase() throws SQLException {
        List<String> out = new ArrayList<>();
        for (String[] r : query("SELECT gid FROM pg_catalog.pg_prepared_xacts WHERE database = current_database() "
                + "ORDER BY gid")) {
            out.add(r[0]);
        }
        return out;
    }

    /** Runs a catalog query outside any transaction (it must not open one) and returns its rows as text. */
    private List<String[]> query(String sql) throws SQLException {
        QueryResult q = connection.control(sql).get(0);
        var fields = q.description().fields();
        List<String[]> out = new ArrayList<>(q.rows().size());
        for (int i = 0; i < q.rows().size(); i++) {
            var row = q.rows().view(i);
            String[] values = new String[fields.length];
            for (int c = 0; c < fields.length; c++) {
                values[c] = row.length(c) < 0 ? null : connection.decoder().getString(fields[c].typeOid(),
                        fields[c].format(), row.buffer(), row.offset(c), row.length(c));
            }
            out.add(values);
        }
        return out;
    }

    /** Refuses a local commit, rollback or autocommit switch while a two-phase transaction is in progress. */
    void checkLocalControl(String what) throws SQLException {
        if (current != null) {
            throw misuse(what + " cannot be used during a two-phase transaction; use tpcCommit or tpcRollback");
        }
    }

    private static ProgrammingError misuse(String message) {
        return new ProgrammingError(message, SqlState.INVALID_TRANSACTION_STATE, null, null);
    }
}
