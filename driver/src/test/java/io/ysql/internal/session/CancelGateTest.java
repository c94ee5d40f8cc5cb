package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.transport.MessageWriter;
import io.ysql.internal.wire.BackendMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cancel gate's decision: a cancel reaches only the request it was decided for. */
class CancelGateTest {
    private final CancelGate gate = new CancelGate();
    private final AtomicInteger sent = new AtomicInteger();
    private final CancelGate.Send send = sent::incrementAndGet;

    /** A statement-like scope whose executions are numbered by the test. */
    private static final class Scope implements CancelScope {
        long running;
        long last;

        long begin() {
            running = ++last;
            return running;
        }

        void end() { running = 0; }

        @Override
        public long runningExecution() { return running; }
    }

    /** An exchange that is written by nobody and completes when the test says so. */
    private static final class Request extends Exchange {
        @Override void write(MessageWriter out) { }
        @Override void handle(BackendMessage message) { }
    }

    private Request submit(Object owner) {
        gate.enterWrite();
        try {
            Request r = new Request();
            r.owner(owner);
            return r;
        } finally {
            gate.exitWrite();
        }
    }

    @Test
    void cancelOfTheRunningExecutionIsSent() throws Exception {
        Scope statement = new Scope();
        long execution = statement.begin();
        Request r = submit(statement);

        assertThat(gate.cancel(statement, execution, List.of(r), send)).isTrue();
        assertThat(sent).hasValue(1);
    }

    @Test
    void cancelDecidedAfterTheExecutionFinishedAndTheSameStatementRanAgainIsNotSent() throws Exception {
        Scope statement = new Scope();
        long first = statement.begin();
        Request r1 = submit(statement);
        long decided = statement.runningExecution(); // Statement.cancel() reads the execution ...
        assertThat(decided).isEqualTo(first);
        r1.endWithoutReady(); // ... which then completes
        statement.end();
        statement.begin(); // and the same statement runs again, with the same scope object
        Request r2 = submit(statement);

        assertThat(gate.cancel(statement, decided, List.of(r1, r2), send)).isFalse();
        assertThat(sent).hasValue(0);
    }

    @Test
    void cancelDecidedWhileTheNextExecutionIsNumberedButNotYetWrittenIsNotSent() throws Exception {
        Scope statement = new Scope();
        long first = statement.begin();
        Request stale = submit(statement);
        stale.endWithoutReady();
        statement.end();
        statement.begin(); // numbered; its request is not written yet

        assertThat(gate.cancel(statement, first, List.of(stale), send)).isFalse();
        assertThat(sent).hasValue(0);
    }

    @Test
    void cancelAfterTheExecutionEndedIsNotSent() throws Exception {
        Scope statement = new Scope();
        long execution = statement.begin();
        Request r = submit(statement);
        statement.end(); // e.g. a streamed result whose request stays open after the execution returned

        assertThat(gate.cancel(statement, execution, List.of(r), send)).isFalse();
        assertThat(gate.cancel(statement, 0, List.of(r), send)).isFalse();
        assertThat(sent).hasValue(0);
    }

    @Test
    void cancelDoesNotReachAnotherStatementsRequest() throws Exception {
        Scope mine = new Scope();
        Scope other = new Scope();
        long execution = mine.begin();
        other.begin();
        Request theirs = submit(other);

        assertThat(gate.cancel(mine, execution, List.of(theirs), send)).isFalse();
        assertThat(sent).hasValue(0);
    }

    @Test
    void cancelOfAnyRequestNeedsOneInFlight() throws Exception {
        Request r = submit(Thread.currentThread());
        assertThat(gate.cancel((Object) null, List.of(r), send)).isTrue();
        r.endWithoutReady();
        assertThat(gate.cancel((Object) null, List.of(r), send)).isFalse();
        assertThat(sent).hasValue(1);
    }

    @Test
    void writesWaitWhileACancelIsOnItsWay() throws Exception {
        Scope statement = new Scope();
        long execution = statement.begin();
        Request r = submit(statement);
        AtomicInteger writesDuringSend = new AtomicInteger(-1);
        CancelGate.Send slow = () -> {
            Thread writer = new Thread(() -> submit(statement));
            writer.start();
            try {
                writer.join(200); // generous: the writer must still be waiting for the gate
                writesDuringSend.set(writer.isAlive() ? 0 : 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        assertThat(gate.cancel(statement, execution, List.of(r), slow)).isTrue();
        assertThat(writesDuringSend).hasValue(0);
    }
}
