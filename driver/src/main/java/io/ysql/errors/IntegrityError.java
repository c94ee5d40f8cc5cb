package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code IntegrityError}: the relational integrity of the database is affected (SQLSTATE class 23: unique, foreign key, check, not-null violations).
 */
public class IntegrityError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public IntegrityError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
