package io.ysql.internal.catalog;

import java.sql.SQLException;
import java.util.List;

/**
 * How the catalog runs its read-only queries: rows as text (null for SQL NULL), and whether a
 * query may run at all right now. The session implementation is {@link SessionQueries}; tests
 * play the server with a fake.
 */
interface CatalogSession {

    /** The rows of the first row-returning statement of {@code sql}. */
    List<List<String>> query(String sql) throws SQLException;

    /** False while a query must not run: the transaction block has failed, or the session is closed. */
    boolean canQuery();
}
