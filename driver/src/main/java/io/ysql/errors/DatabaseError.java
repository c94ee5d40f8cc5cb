package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code DatabaseError}: the parent of every error the database (or the connection to it) reports.
 */
public class DatabaseError extends Error {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public DatabaseError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
