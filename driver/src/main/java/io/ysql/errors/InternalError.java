package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code InternalError}: the database met an internal error (an invalid cursor or transaction state, a routine exception; SQLSTATE classes 24, 25, 2B, 2D, 2F, 38, 39, 3B, F0, P0, XX).
 */
public class InternalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public InternalError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
