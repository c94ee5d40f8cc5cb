package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.CloseComplete;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.CopyInResponse;
import io.ysql.internal.wire.backend.EmptyQueryResponse;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.NoData;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.backend.PortalSuspended;
import io.ysql.internal.wire.backend.RowDescription;
import io.ysql.internal.wire.frontend.CopyFail;
import java.sql.SQLException;
import java.util.List;

/**
 * One request of a {@link PortalStream} (opening the portal, the next chunk, the rest of the rows,
 * or a Sync / Close) and the rows it brings. A step written with Sync ends at its ReadyForQuery; a
 * step written with Flush ends at the portal's PortalSuspended, CommandComplete or ErrorResponse,
 * leaving the server inside the extended-query sequence. Rows are kept even when an error follows
 * them, so the reader sees every row before the error.
 */
final class PortalStep extends Exchange {
    /** How the portal's Execute ended, as far as this step saw. */
    enum Outcome { NONE, SUSPENDED, COMPLETE, FAILED }

    private final PortalStream stream;
    private final List<FrontendMessage> messages; // null for the opening step, which the stream writes
    private final int fetchSize;
    private boolean endsAtReady;
    private boolean described;
    private RowDescription description;
    private ResultRows rows;
    private Outcome outcome = Outcome.NONE;
    private String tag;
    private long rowCount = -1;
    private long blocksEnded;
    private int prefixAnswered; // CommandCompletes of the BEGIN and SAVEPOINT written ahead of the portal

    /** A step that sends {@code messages}; the rows it brings have {@code description}. */
    PortalStep(PortalStream stream, List<FrontendMessage> messages, boolean endsAtReady, RowDescription description) {
        this.stream = stream;
        this.messages = messages;
        this.fetchSize = 0;
        this.endsAtReady = endsAtReady;
        this.described = true;
        this.description = description;
        neverBegin();
    }

    /** The opening step: Parse, Bind and the first Execute of {@code fetchSize} rows, written by the stream. */
    PortalStep(PortalStream stream, int fetchSize) {
        this.stream = stream;
        this.messages = null;
        this.fetchSize = fetchSize;
    }

    @Override
    void write(MessageWriter out) {
        if (messages == null) {
            stream.writeOpening(out, this, fetchSize);
            return;
        }
        writePrefix(out);
        for (FrontendMessage m : messages) out.add(m);
        writeSuffix(out);
    }

    /** Whether this is the opening step, which may open a transaction block and take a savepoint as a statement does. */
    boolean opens() { return messages == null; }

    @Override
    boolean takesAutosave() { return opens(); }

    @Override
    Conversation conversation() { return stream; }

    /** Whether the step ends at ReadyForQuery (written with Sync); set while writing. */
    void endsAtReady(boolean sync) { endsAtReady = sync; }

    /** Sets the description known without a Describe (a cached statement); null for no rows. */
    void expect(RowDescription d) {
        described = true;
        description = d;
    }

    /** Its answers are read by its own flow, step by step, never ahead by another thread's reader. */
    @Override
    boolean sealed() { return false; }

    @Override
    void handle(BackendMessage m) throws SQLException {
        if (m instanceof ParseComplete || m instanceof BindComplete || m instanceof CloseComplete) return;
        if (m instanceof BufferedDataRow row) {
            if (!described || description == null) throw Protocol.unexpected(m, "a DataRow without a RowDescription");
            if (row.columnCount() != description.fieldCount()) {
                throw Protocol.violation("a DataRow has " + row.columnCount() + " columns, the RowDescription "
                        + description.fieldCount());
            }
            if (rows == null) rows = new ResultRows(description.fieldCount());
            rows.add(row.body(), row.bodyOffset(), row.bodyLength());
        } else if (m instanceof RowDescription d) {
            expect(d);
        } else if (m instanceof NoData) {
            expect(null);
        } else if (m instanceof CommandComplete c) {
            if (prefixAnswered < prefixResults()) {
                prefixAnswered++; // the BEGIN or SAVEPOINT written ahead of the portal
                return;
            }
            if (outcome != Outcome.NONE) return; // the RELEASE SAVEPOINT written after it
            end(Outcome.COMPLETE, c.tag(), c.rowCount());
        } else if (m instanceof PortalSuspended) {
            end(Outcome.SUSPENDED, null, -1);
        } else if (m instanceof EmptyQueryResponse) {
            end(Outcome.COMPLETE, null, -1);
        } else if (m instanceof ErrorResponse e) {
            fail(SqlExceptions.fromServer(new ServerError(e.fields())));
            end(Outcome.FAILED, null, -1);
        } else if (m instanceof CopyInResponse) {
            reply(new CopyFail("COPY FROM STDIN is not supported by this API call"));
        } else {
            throw Protocol.unexpected(m, "while reading a portal");
        }
    }

    private void end(Outcome o, String commandTag, long count) {
        outcome = o;
        tag = commandTag;
        rowCount = count;
        blocksEnded = stream.blocksEndedNow();
        if (!endsAtReady) endWithoutReady();
    }

    /** How the Execute ended: {@link Outcome#FAILED} whenever the step failed, the connection included. */
    Outcome outcome() { return failure() != null ? Outcome.FAILED : outcome; }

    RowDescription description() { return description; }

    /** The rows received, possibly none. */
    ResultRows rows() { return rows == null ? ResultRows.empty() : rows; }

    String tag() { return tag; }

    long rowCount() { return rowCount; }

    /** The session's count of ended transaction blocks when the Execute ended. */
    long blocksEnded() { return blocksEnded; }
}
