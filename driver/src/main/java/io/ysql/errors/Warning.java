package io.ysql.errors;

import io.ysql.error.HasServerError;
import io.ysql.error.ServerError;
import java.sql.SQLWarning;

/**
 * DB-API {@code Warning}: an important warning, such as a notice the server sent while running a
 * statement. A {@link SQLWarning}, as JDBC reports warnings, and not an {@link Error}.
 */
public class Warning extends SQLWarning implements HasServerError {
    private static final long serialVersionUID = 1L;

    private final transient ServerError diag;

    /** A warning from a notice's fields. */
    public Warning(ServerError diag) {
        super(diag.message(), diag.sqlState());
        this.diag = diag;
    }

    /** The SQLSTATE, as psycopg's {@code pgcode}. */
    public String pgcode() { return getSQLState(); }

    /** Every field of the server's NoticeResponse. */
    public ServerError diag() { return diag; }

    @Override public ServerError serverError() { return diag; }
}
