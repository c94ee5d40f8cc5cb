package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.transport.Transport;
import io.ysql.internal.wire.FrontendMessage;
import java.io.IOException;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A session's way in and out for COPY: a {@link CopyFlow} keeps the session's write permit from
 * its COPY query to its end, since the server would take any other request as copy data. The
 * lane writes the query (after a {@code BEGIN} when autocommit is off and no block is open), sends
 * the flow's CopyData, CopyDone and CopyFail directly, and reads through the session's
 * {@link ResponseRouter}, so other threads' answers read meanwhile still reach them.
 */
final class CopyLane extends Lane {
    CopyLane(Session session, WritePermit permit, ResponseRouter reads, PendingQueue pending, Transport transport) {
        super(session, permit, reads, pending, transport);
    }

    /**
     * Sends the COPY query and waits for the server to start the copy. A statement that fails
     * raises the server's error; one that is no COPY to or from the client raises 42809.
     */
    CopyFlow start(CopyExchange e, Consumer<ServerError> notices) throws SQLException {
        begin(e);
        try {
            await(e, e::started);
        } catch (SQLException | RuntimeException x) {
            end();
            throw x;
        }
        if (e.copyIn() != null) return new CopyInFlow(this, e, notices);
        if (e.copyOut() != null) return new CopyOutFlow(this, e, notices);
        end();
        if (notices != null) e.notices().forEach(notices);
        e.throwIfFailed();
        throw SqlExceptions.of(SqlState.WRONG_OBJECT_TYPE,
                "the statement is not a COPY ... FROM STDIN or COPY ... TO STDOUT; run it with execute() instead");
    }

    /** Writes {@code e}'s COPY query and keeps the write permit (unless it throws). */
    private void begin(CopyExchange e) throws SQLException {
        permit.acquireFor(null, 0); // a suspended stream reads its rest first
        try {
            session.checkOpen();
            session.beginBlockIfIdle(e);
            e.write(writer);
            pending.add(e);
            permit.keepForCopy();
            writer.flush();
        } catch (IOException io) {
            broken(io);
        } catch (SQLException | RuntimeException x) {
            if (!permit.heldByCopy()) permit.release();
            throw x;
        }
    }

    /** Sends a message of the COPY in progress (the permit is the copy's). */
    void send(FrontendMessage m) throws SQLException {
        try {
            writer.add(m);
            writer.flush();
        } catch (IOException io) {
            throw broken(io);
        }
    }

    /** Reads for the COPY in progress until {@code until} holds or {@code e} is done. */
    void await(CopyExchange e, BooleanSupplier until) throws SQLException {
        reads.await(e, 0, until);
    }

    /**
     * Reads what the server has already sent, without waiting for more, so an error during a
     * COPY FROM STDIN is seen while data is still being written (the copy can then stop early)
     * and notices never fill the socket buffers.
     */
    void poll(CopyExchange e) throws SQLException {
        reads.poll(e); // when another thread is reading, it serves the copy too
    }

    /** Ends the COPY in progress: the write permit goes back to the other requests. Idempotent. */
    void end() { permit.endCopy(); }
}
