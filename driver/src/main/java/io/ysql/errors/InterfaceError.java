package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code InterfaceError}: a misuse of the driver's interface rather than of the database, such as using a closed cursor.
 */
public class InterfaceError extends Error {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public InterfaceError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
