package io.ysql.types;

import java.sql.SQLException;

/**
 * Converts the values of one server type, named as in {@code pg_type} (optionally
 * schema-qualified: {@code complex} or {@code public.complex}), to and from a Java class, in the
 * server's text format. Registered with a connection, a data source or the driver, a codec is
 * looked up by name once per connection; from then on {@code getObject} returns {@code T} for
 * columns of that type and {@code setObject(i, T)} sends it typed. Implementations must be
 * thread-safe.
 *
 * @param <T> the Java class values of the type are read as
 */
public interface Codec<T> {

    /** The server type's name, as {@code pg_type.typname}, optionally with its schema. */
    String typeName();

    /** The class values are read as, and whose instances {@code setObject} sends as this type. */
    Class<T> javaType();

    /** The value from its text format (never called for SQL NULL). */
    T decode(String text) throws SQLException;

    /** The value in its text format (never called for null). */
    String encode(T value) throws SQLException;
}
