package io.ysql.internal.session;

/**
 * A COPY in progress on a session: {@link CopyInFlow} for {@code COPY ... FROM STDIN},
 * {@link CopyOutFlow} for {@code COPY ... TO STDOUT}. From the COPY query until the copy ends
 * (CopyDone or CopyFail sent and the server's ReadyForQuery read) the flow holds the session's
 * write permit, since the server would take any other request as copy data: other threads wait
 * for the permit, and the thread that started the copy gets 55000 if it tries to run anything
 * else meanwhile. Every way out of a flow (end, failure, a broken connection) gives the permit back.
 */
public sealed interface CopyFlow permits CopyInFlow, CopyOutFlow {

    /** True when the copy data is in PostgreSQL's binary COPY format (else text or CSV). */
    boolean binary();

    /** The number of columns the server announced. */
    int columnCount();

    /** True until the copy has ended, one way or another. */
    boolean isActive();
}
