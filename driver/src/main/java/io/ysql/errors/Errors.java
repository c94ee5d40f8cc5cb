package io.ysql.errors;

import io.ysql.error.HasServerError;
import io.ysql.error.ServerError;
import java.sql.SQLException;

/**
 * The SQLSTATE → exception class table of the cursor API, as psycopg's {@code errors.lookup}:
 * every SQLSTATE of PostgreSQL's {@code errcodes.txt} has a class ({@code 23505} → {@link
 * UniqueViolation}), grouped under the class-level code ({@code 23000} → {@link
 * IntegrityConstraintViolation}) and the DB-API category ({@link IntegrityError}). Codes the table
 * does not know (YugabyteDB's own, a newer server's) become their category's class.
 */
public final class Errors {
    private Errors() {}

    /** The class for exactly this SQLSTATE, or null when PostgreSQL defines no such code. */
    public static Class<? extends Error> lookup(String sqlState) {
        return sqlState == null ? null : SqlStateClasses.lookup(sqlState);
    }

    /**
     * The cursor API's exception for {@code e}: {@code e} itself if it is one already, else an
     * instance of the class for its SQLSTATE with the same message and server fields, caused by
     * {@code e}. A null SQLSTATE gives an {@link InterfaceError}.
     */
    public static Error from(SQLException e) {
        if (e instanceof Error error) return error;
        String state = e.getSQLState();
        ServerError diag = e instanceof HasServerError h ? h.serverError() : null;
        String message = e.getMessage();
        if (state == null || state.length() != 5) return new InterfaceError(message, state, diag, e);
        Error exact = SqlStateClasses.create(state, message, diag, e);
        return exact != null ? exact : SqlStateClasses.category(state, message, diag, e);
    }
}
