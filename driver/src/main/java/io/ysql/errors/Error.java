package io.ysql.errors;

import io.ysql.error.HasServerError;
import io.ysql.error.ServerError;
import java.sql.SQLException;

/**
 * DB-API {@code Error}: the root of the cursor API's exception hierarchy, and a {@link
 * SQLException} so that JDBC code catches it too. Carries the SQLSTATE ({@link #pgcode()}), the
 * server's message as the server formats it ({@link #pgerror()}) and every field of its
 * ErrorResponse ({@link #diag()}). Name clash note: inside this package {@code Error} means this
 * class; elsewhere, import it or write {@code io.ysql.errors.Error}.
 */
public class Error extends SQLException implements HasServerError {
    private static final long serialVersionUID = 1L;

    private final transient ServerError diag;

    /** An exception with the given SQLSTATE; {@code diag} holds the server's fields (null for a client-side error). */
    public Error(String message, String sqlState, ServerError diag, Throwable cause) {
        super(message, sqlState, cause);
        this.diag = diag != null ? diag : ServerError.of("ERROR", sqlState, message);
    }

    /** The SQLSTATE, as psycopg's {@code pgcode}. */
    public String pgcode() { return getSQLState(); }

    /**
     * The error as the server's log and psql spell it: {@code ERROR:  message}, then {@code
     * DETAIL:} and {@code HINT:} lines when present (psycopg's {@code pgerror}).
     */
    public String pgerror() {
        StringBuilder s = new StringBuilder();
        String severity = diag.severity() == null ? "ERROR" : diag.severity();
        s.append(severity).append(":  ").append(diag.message() == null ? getMessage() : diag.message());
        if (diag.detail() != null) s.append("\nDETAIL:  ").append(diag.detail());
        if (diag.hint() != null) s.append("\nHINT:  ").append(diag.hint());
        return s.toString();
    }

    /** Every field of the server's ErrorResponse (psycopg's {@code diag}); the driver's own fields for a client-side error. */
    public ServerError diag() { return diag; }

    @Override public ServerError serverError() { return diag; }
}
