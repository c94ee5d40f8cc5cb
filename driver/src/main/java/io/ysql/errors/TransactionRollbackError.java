package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * The transaction was rolled back by the server (SQLSTATE class 40: serialization failure, deadlock): the whole transaction may be retried.
 */
public class TransactionRollbackError extends OperationalError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public TransactionRollbackError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
