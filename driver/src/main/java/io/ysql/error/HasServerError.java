package io.ysql.error;

/**
 * Implemented by every {@link java.sql.SQLException} the driver raises for an ErrorResponse, so
 * callers can reach all of the server's fields: {@code if (e instanceof HasServerError h)
 * h.serverError().constraint()}.
 */
public interface HasServerError {
    /** The server's error, or one the driver built in the same shape. */
    ServerError serverError();
}
