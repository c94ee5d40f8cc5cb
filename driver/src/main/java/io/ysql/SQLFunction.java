package io.ysql;

import java.sql.SQLException;

/**
 * A function that may throw {@link SQLException}: the body of a transaction given to
 * {@link Transactions#retrying}.
 *
 * @param <T> the argument type (a connection)
 * @param <R> the result type
 */
@FunctionalInterface
public interface SQLFunction<T, R> {
    /** Applies the function. */
    R apply(T t) throws SQLException;
}
