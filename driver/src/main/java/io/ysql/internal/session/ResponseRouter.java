package io.ysql.internal.session;

import io.ysql.error.ServerError;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.transport.MessageReader;
import io.ysql.internal.transport.Transport;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.internal.wire.backend.NoticeResponse;
import io.ysql.internal.wire.backend.NotificationResponse;
import io.ysql.internal.wire.backend.ParameterStatus;
import io.ysql.internal.wire.backend.ReadyForQuery;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The read side of a {@link Session}: reads backend messages and routes each to the exchange at the
 * head of the pending queue, whichever thread has the read turn ({@link ReadTurns}), so one thread
 * may complete another's exchange. Server parameters, notices and notifications are kept on the
 * way; a FATAL error, an I/O failure or a protocol violation breaks the session. A read that waits
 * longer than the network timeout for an answer closes the session with 08006.
 */
final class ResponseRouter {
    /** How long a thread waits for the read lock before looking again whether its request is complete. */
    private static final long LOCK_SLICE_NANOS = 20_000_000;

    private final Session session;
    private final Transport transport;
    private final MessageReader reader;
    private final PendingQueue pending;
    private final Map<String, String> parameters;
    private final NotificationQueue notifications;
    private final Notices notices;
    private final ReadTurns readTurns = new ReadTurns();
    /** Threads in {@link #await}: a notification wait steps aside for them instead of blocking in a read. */
    private final AtomicInteger awaiting = new AtomicInteger();

    ResponseRouter(Session session, Transport transport, PendingQueue pending, Map<String, String> parameters,
                   NotificationQueue notifications, Notices notices) {
        this.session = session;
        this.transport = transport;
        this.reader = transport.reader();
        this.pending = pending;
        this.parameters = parameters;
        this.notifications = notifications;
        this.notices = notices;
    }

    /**
     * Reads until {@code e} is complete, serving the exchanges ahead of it, or until {@code until}
     * (if not null) holds. Returns false when the deadline (a {@link System#nanoTime()} value, 0
     * for none) passed first.
     */
    boolean await(Exchange e, long deadline, BooleanSupplier until) throws SQLException {
        if (e.isDone()) return true;
        awaiting.incrementAndGet();
        try {
            return awaitRead(e, deadline, until);
        } finally {
            awaiting.decrementAndGet();
        }
    }

    private static boolean met(BooleanSupplier until) {
        return until != null && until.getAsBoolean();
    }

    private boolean awaitRead(Exchange e, long deadline, BooleanSupplier until) throws SQLException {
        while (!e.isDone() && !met(until)) {
            if (!readTurns.tryTake()) {
                if (!readTurns.await(e, deadline)) return false;
                continue; // e is done, or the turn is free: look again
            }
            try {
                // past its own answer, the reader goes on through the answers that have already arrived (never
                // waiting for one): their senders wake at once, and the socket changes hands less often
                while (!e.isDone() && !met(until)
                        || until == null && deadline == 0 && headIsSealed() && !session.isClosed() && reader.hasArrived()) {
                    Exchange head = pending.peek();
                    if (head == null) {
                        session.fail(Protocol.violation("a response arrived with no request waiting for it"));
                        break;
                    }
                    long left = deadline == 0 ? 0 : deadline - System.nanoTime();
                    if (deadline != 0 && left <= 0) return false;
                    if (!readWithin(head, left)) return false;
                }
            } finally {
                readTurns.release(pending);
            }
        }
        return true;
    }

    /**
     * Reads and routes one message, waiting at most {@code left} nanoseconds (0: no limit of the
     * caller's). False when that time passed first; nothing was consumed then, and the next reader
     * resumes there. While a request is in flight the network timeout bounds the wait too: it
     * passing closes the session with 08006.
     */
    boolean readWithin(Exchange head, long left) throws SQLException {
        Duration networkTimeout = session.networkTimeout();
        long network = head == null ? 0 : networkTimeout.toNanos();
        boolean networkFirst = network > 0 && (left == 0 || network < left);
        transport.readTimeout(Duration.ofNanos(networkFirst ? network : left));
        try {
            readOne(head);
            return true;
        } catch (SocketTimeoutException timeout) {
            if (!networkFirst) return false;
            session.fail(SqlExceptions.of(SqlState.CONNECTION_FAILURE, "the server sent no answer within the network "
                    + "timeout of " + networkTimeout.toMillis() + " ms (socket_timeout, or Connection.setNetworkTimeout); "
                    + "the connection was closed: open a new one, and raise the timeout if the server is just slow",
                    timeout));
            return true;
        }
    }

    /**
     * Takes the read turn without a request of one's own (a notification wait, a COPY's poll):
     * at once, or within a slice of at most {@code deadline} (-1: only if free). Give it back with
     * {@link #releaseReading()}.
     */
    boolean lockForReading(long deadline) throws SQLException {
        if (readTurns.tryTake()) return true;
        if (deadline == -1) return false;
        long wait = deadline == 0 ? LOCK_SLICE_NANOS : Math.min(LOCK_SLICE_NANOS, deadline - System.nanoTime());
        return readTurns.tryTake(Math.max(0, wait));
    }

    /** Gives back the read turn taken with {@link #lockForReading} and wakes the next waiting sender. */
    void releaseReading() { readTurns.release(pending); }

    /**
     * Reads what the server has already sent for {@code e}, without waiting for more, if the read
     * turn is free (else its holder serves {@code e} too).
     */
    void poll(Exchange e) throws SQLException {
        if (!lockForReading(-1)) return;
        try {
            while (!e.isDone() && reader.available() > 0) {
                Exchange head = pending.peek();
                if (head == null) break;
                readOne(head);
            }
        } catch (IOException io) {
            session.fail(transport.ioFailure(io));
        } finally {
            releaseReading();
        }
    }

    /** The request whose answers come next, or null when none is in flight. */
    Exchange head() { return pending.peek(); }

    /** True while another thread waits to read, or waits for a request another reader may have completed. */
    boolean othersWaitToRead() { return readTurns.hasQueuedThreads() || awaiting.get() > 0; }

    private boolean headIsSealed() {
        Exchange head = pending.peek();
        return head != null && head.sealed();
    }

    private void readOne(Exchange head) throws SocketTimeoutException {
        BackendMessage m;
        try {
            m = reader.read();
        } catch (SocketTimeoutException timeout) {
            throw timeout;
        } catch (IOException io) {
            session.fail(transport.ioFailure(io));
            return;
        } catch (ProtocolViolation pv) {
            session.fail(Protocol.violation(pv.getMessage()));
            return;
        }
        try {
            // a thread that started reading while idle learns only now whose answer this is
            dispatch(head != null ? head : pending.peek(), m);
        } catch (SQLException violation) {
            session.fail(violation);
        }
    }

    private void dispatch(Exchange head, BackendMessage m) throws SQLException {
        if (m instanceof ParameterStatus p) {
            parameters.put(p.name(), p.value());
        } else if (m instanceof NoticeResponse n) {
            ServerError notice = new ServerError(n.fields());
            if (head != null) head.notice(notice);
            notices.received(notice, head == null);
        } else if (m instanceof NotificationResponse n) {
            notifications.add(new Notification(n.processId(), n.channel(), n.payload()));
        } else if (head == null) {
            if (!(m instanceof ErrorResponse err)) throw Protocol.unexpected(m, "no request is waiting for an answer");
            session.fail(SqlExceptions.fromServer(new ServerError(err.fields()))); // e.g. the backend was terminated
        } else if (m instanceof ReadyForQuery rfq) {
            session.ready(head, rfq);
            if (head.ready(rfq)) pending.poll();
        } else if (m instanceof ErrorResponse err && isFatal(err)) {
            SQLException ex = SqlExceptions.fromServer(new ServerError(err.fields()));
            head.fail(ex);
            session.fail(ex); // the server closes the session after a FATAL error
        } else {
            head.handle(m);
            if (head.isDone()) pending.poll(); // ended without ReadyForQuery (a portal read with Flush)
            FrontendMessage reply = head.takeReply();
            if (reply != null) session.sendReply(reply);
        }
    }

    private static boolean isFatal(ErrorResponse err) {
        String s = err.fields().getOrDefault('V', err.fields().get('S'));
        return "FATAL".equals(s) || "PANIC".equals(s);
    }
}
