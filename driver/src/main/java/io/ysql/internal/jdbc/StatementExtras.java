package io.ysql.internal.jdbc;

import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.PortalStream;
import io.ysql.internal.session.QueryResult;
import java.sql.SQLWarning;
import java.util.List;

/**
 * The rarely set parts of a statement: limits and timeouts, batches, warnings, generated keys,
 * result sets beyond the first still open, the rows of a streamed result not yet taken (a fetch
 * size is set then), and the JDBC flags. A statement makes this object only
 * when one of them leaves its default, so a statement prepared, run once and closed per pooled
 * borrow carries none of these fields. Confined to the statement's thread, as the statement is.
 */
final class StatementExtras {
    int maxRows;
    int fetchSize;
    int queryTimeout;
    int maxFieldSize;
    int prepareThreshold = -1; // -1: the connection's
    boolean closeOnCompletion;
    boolean poolable;
    List<String> batch; // of a plain statement
    List<Bindings> boundBatch; // of a prepared statement
    SQLWarning warnings;
    QueryResult generatedKeys;
    List<JdbcResultSet> moreOpenResultSets; // the open result sets after the first
    PortalStream stream; // the rows of the first result still to come, until a result set takes them
}
