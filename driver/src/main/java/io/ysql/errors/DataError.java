package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code DataError}: a problem with the processed data (SQLSTATE class 22: division by zero, a value out of range …).
 */
public class DataError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public DataError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
