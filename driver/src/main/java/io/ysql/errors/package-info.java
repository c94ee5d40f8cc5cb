/**
 * The cursor API's exceptions, as psycopg's {@code errors} module: the DB-API hierarchy ({@link
 * io.ysql.errors.Error}, {@link io.ysql.errors.InterfaceError}, {@link
 * io.ysql.errors.DatabaseError} and its categories {@code DataError}, {@code OperationalError},
 * {@code IntegrityError}, {@code InternalError}, {@code ProgrammingError}, {@code
 * NotSupportedError}; {@link io.ysql.errors.Warning}) and one class per SQLSTATE, generated from
 * PostgreSQL's {@code errcodes.txt} by {@code tools/gen-errors.py}. Every class is a {@link
 * java.sql.SQLException}, so JDBC code catches them too. May import {@code io.ysql.error} only.
 */
package io.ysql.errors;
