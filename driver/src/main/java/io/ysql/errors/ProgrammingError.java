package io.ysql.errors;

import io.ysql.error.ServerError;

/**
 * DB-API {@code ProgrammingError}: an error in the program: a syntax error, an undefined table or column, a wrong number of parameters (SQLSTATE classes 20, 21, 3D, 3F, 42, 44).
 */
public class ProgrammingError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public ProgrammingError(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, diag, cause);
    }
}
