package io.ysql.internal.jdbc;

import io.ysql.TransactionId;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.session.TransactionStatus;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An {@link XAConnection} and its {@link XAResource}, on PostgreSQL's two-phase commit, with
 * pgjdbc's semantics. A branch runs on this connection between {@code start} and {@code end};
 * {@code prepare} runs {@code PREPARE TRANSACTION} with the gid {@code formatId_base64(gtrid)_base64(bqual)}
 * (pgjdbc's and psycopg2's encoding), {@code commit}/{@code rollback} run {@code COMMIT PREPARED} /
 * {@code ROLLBACK PREPARED} on any idle connection, or a plain COMMIT/ROLLBACK for a one-phase
 * commit or a branch not prepared; {@code recover} lists {@code pg_prepared_xacts} of the current
 * database. Limits, as pgjdbc: one branch at a time per connection; {@code TMJOIN} and {@code TMRESUME}
 * only for the branch this connection last ended (no interleaving); {@code isSameRM} only for this
 * very resource; no transaction timeout; a branch that ran no statement prepares as {@code XA_RDONLY}.
 * While a branch is active, the handle refuses commit, rollback, savepoints and autocommit on (55000).
 */
public final class JdbcXAConnection extends JdbcPooledConnection implements XAConnection, XAResource {
    private enum State { IDLE, ACTIVE, ENDED }

    private final ReentrantLock lock = new ReentrantLock();
    private State state = State.IDLE;
    private Xid currentXid;
    private boolean restoreAutoCommit;

    public JdbcXAConnection(JdbcConnection physical) throws SQLException {
        super(physical);
    }

    @Override public XAResource getXAResource() { return this; }

    @Override
    protected void checkHandleCall(Method m, Object[] args) throws SQLException {
        if (state == State.IDLE) return;
        boolean control = switch (m.getName()) {
            case "commit", "setSavepoint" -> true;
            case "rollback" -> true;
            case "setAutoCommit" -> Boolean.TRUE.equals(args[0]);
            default -> false;
        };
        if (control) {
            throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, m.getName() + " is not allowed while an XA "
                    + "transaction is active; the transaction manager ends the transaction");
        }
    }

    @Override protected boolean rollbackOnHandleClose() { return state == State.IDLE; }

    /** A handle taken inside a branch joins the branch: nothing is reset then. */
    @Override
    protected void resetForNewHandle() throws SQLException {
        if (state == State.IDLE) super.resetForNewHandle();
    }

    // ---- XAResource ----------------------------------------------------------------------------

    @Override
    public void start(Xid xid, int flags) throws XAException {
        lock.lock();
        try {
            if (xid == null) throw xa(XAException.XAER_INVAL, "the xid is null");
            switch (flags) {
                case TMNOFLAGS -> {
                    if (state != State.IDLE) throw xa(XAException.XAER_PROTO, "the connection is busy with another XA transaction");
                    JdbcConnection c = physical();
                    if (c.session().transactionStatus() != TransactionStatus.IDLE) {
                        throw xa(XAException.XAER_OUTSIDE, "the connection is in a local transaction; end it first");
                    }
                    restoreAutoCommit = c.getAutoCommit();
                    c.setAutoCommit(false);
                    currentXid = xid;
                    state = State.ACTIVE;
                }
                case TMJOIN, TMRESUME -> {
                    if (state != State.ENDED || !TransactionId.same(xid, currentXid)) {
                        throw xa(XAException.XAER_RMERR, "joining or resuming works only for the transaction this "
                                + "connection last ended; transaction interleaving is not supported");
                    }
                    state = State.ACTIVE;
                }
                default -> throw xa(XAException.XAER_INVAL, "start takes TMNOFLAGS, TMJOIN or TMRESUME, not " + flags);
            }
        } catch (SQLException e) {
            throw xa(XAException.XAER_RMERR, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        lock.lock();
        try {
            if (flags != TMSUCCESS && flags != TMFAIL && flags != TMSUSPEND) {
                throw xa(XAException.XAER_INVAL, "end takes TMSUCCESS, TMFAIL or TMSUSPEND, not " + flags);
            }
            if (xid == null || !TransactionId.same(xid, currentXid)) throw xa(XAException.XAER_NOTA, "not the transaction started here");
            if (state != State.ACTIVE) throw xa(XAException.XAER_PROTO, "the transaction is not active");
            state = State.ENDED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        lock.lock();
        try {
            requireEnded(xid, "prepare");
            JdbcConnection c = physical();
            boolean empty = c.session().transactionStatus() == TransactionStatus.IDLE;
            try {
                if (!empty) c.twoPhase().prepareTransaction(TransactionId.gid(xid));
                else c.rollback(); // nothing ran: nothing to prepare
            } catch (SQLException e) {
                throw xa(XAException.XAER_RMERR, e);
            } finally {
                finishBranch();
            }
            return empty ? XA_RDONLY : XA_OK;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        lock.lock();
        try {
            if (xid == null) throw xa(XAException.XAER_INVAL, "the xid is null");
            if (onePhase) {
                requireEnded(xid, "a one-phase commit");
                try {
                    physical().commit();
                } catch (SQLException e) {
                    String s = e.getSQLState();
                    throw xa(s != null && s.startsWith("40") ? XAException.XA_RBROLLBACK : XAException.XAER_RMERR, e);
                } finally {
                    finishBranch();
                }
            } else {
                endPrepared(xid, true);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        lock.lock();
        try {
            if (xid == null) throw xa(XAException.XAER_INVAL, "the xid is null");
            if (state != State.IDLE && TransactionId.same(xid, currentXid)) {
                try {
                    physical().rollback();
                } catch (SQLException e) {
                    throw xa(XAException.XAER_RMERR, e);
                } finally {
                    finishBranch();
                }
            } else {
                endPrepared(xid, false);
            }
        } finally {
            lock.unlock();
        }
    }

    private void endPrepared(Xid xid, boolean commit) throws XAException {
        if (state != State.IDLE || physical().session().transactionStatus() != TransactionStatus.IDLE) {
            throw xa(XAException.XAER_PROTO, "the second phase needs a connection with no transaction in progress");
        }
        try {
            physical().twoPhase().endPrepared(TransactionId.gid(xid), commit);
        } catch (SQLException e) {
            String s = e.getSQLState();
            int code = SqlState.UNDEFINED_OBJECT.equals(s) ? XAException.XAER_NOTA
                    : s != null && s.startsWith("08") ? XAException.XAER_RMFAIL : XAException.XAER_RMERR;
            throw xa(code, e);
        }
    }

    private void requireEnded(Xid xid, String what) throws XAException {
        if (xid == null) throw xa(XAException.XAER_INVAL, "the xid is null");
        if (!TransactionId.same(xid, currentXid)) {
            throw xa(XAException.XAER_NOTA, what + " must run on the connection that ran the transaction");
        }
        if (state != State.ENDED) throw xa(XAException.XAER_PROTO, what + " needs the transaction ended first (end)");
    }

    /** The branch is over: autocommit back as it was before start. */
    private void finishBranch() throws XAException {
        state = State.IDLE;
        currentXid = null;
        try {
            if (restoreAutoCommit) physical().setAutoCommit(true);
        } catch (SQLException e) {
            throw xa(XAException.XAER_RMFAIL, e);
        }
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        if ((flag & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
            throw xa(XAException.XAER_INVAL, "recover takes TMSTARTRSCAN, TMENDRSCAN or TMNOFLAGS, not " + flag);
        }
        if ((flag & TMSTARTRSCAN) == 0) return new Xid[0]; // the whole list came with the start of the scan
        try {
            List<Xid> out = new ArrayList<>();
            for (String gid : physical().twoPhase().preparedInThisDatabase()) {
                Xid x = TransactionId.decode(gid);
                if (x != null) out.add(x); // gids not in the XA encoding belong to someone else
            }
            return out.toArray(Xid[]::new);
        } catch (SQLException e) {
            throw xa(XAException.XAER_RMERR, e);
        }
    }

    @Override
    public void forget(Xid xid) throws XAException {
        throw xa(XAException.XAER_NOTA, "the server never completes a prepared transaction heuristically, so there is "
                + "nothing to forget");
    }

    @Override public boolean isSameRM(XAResource other) { return other == this; }
    @Override public int getTransactionTimeout() { return 0; }
    @Override public boolean setTransactionTimeout(int seconds) { return false; }

    private static XAException xa(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }

    private static XAException xa(int code, SQLException cause) {
        XAException e = xa(code, cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")");
        e.initCause(cause);
        return e;
    }
}
