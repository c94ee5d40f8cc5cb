package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code OperationalError}: a problem with the database's operation, not necessarily under the programmer's control (connection lost, out of resources, shutdown; SQLSTATE classes 08, 26–28, 34, 53–58, HV).
 */
public class OperationalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public OperationalError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
