package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code NotSupportedError}: a feature the database does not support (SQLSTATE class 0A).
 */
public class NotSupportedError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public NotSupportedError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
