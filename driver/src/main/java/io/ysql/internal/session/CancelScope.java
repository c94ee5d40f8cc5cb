package io.ysql.internal.session;

/**
 * Something that runs executions one after another and may have the one in progress canceled,
 * such as a JDBC statement: the requests an execution submits belong to the scope (see
 * {@link Session#beginScope}), and each execution has a number, new and higher each time, set
 * before it writes anything. A cancel decided for execution {@code n} is sent only while the
 * scope still runs {@code n} (see {@link Session#cancel(CancelScope, long)}), so it never reaches
 * a later execution of the same scope, and one object serves all executions: none is allocated
 * per run.
 */
public interface CancelScope {
    /** The number of the execution in progress, or 0 when none is. */
    long runningExecution();
}
