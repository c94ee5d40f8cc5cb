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
        return exact != null ? exact : category(state, message, diag, e);
    }

    /** The DB-API category of a SQLSTATE, by its two-character class. */
    static Error category(String state, String message, ServerError diag, Throwable cause) {
        return switch (state.substring(0, 2)) {
            case "08", "26", "27", "28", "34", "53", "54", "55", "57", "58", "HV" ->
                state.equals("57014") ? new QueryCanceledError(message, state, diag, cause)
                                      : new OperationalError(message, state, diag, cause);
            case "0A" -> new NotSupportedError(message, state, diag, cause);
            case "20", "21", "3D", "3F", "42", "44" -> new ProgrammingError(message, state, diag, cause);
            case "22" -> new DataError(message, state, diag, cause);
            case "23" -> new IntegrityError(message, state, diag, cause);
            case "24", "25", "2B", "2D", "2F", "38", "39", "3B", "F0", "P0", "XX" ->
                new InternalError(message, state, diag, cause);
            case "40" -> new TransactionRollbackError(message, state, diag, cause);
            default -> new DatabaseError(message, state, diag, cause);
        };
    }
}
