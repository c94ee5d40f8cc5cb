package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * The statement was canceled (SQLSTATE 57014): by a cancel request or a statement timeout.
 */
public class QueryCanceledError extends OperationalError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public QueryCanceledError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
