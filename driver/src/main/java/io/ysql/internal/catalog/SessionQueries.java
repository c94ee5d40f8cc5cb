package io.ysql.internal.catalog;

import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.RowView;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.TransactionStatus;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the catalog's queries on a {@link Session} with the simple query protocol as session
 * statements that never open a transaction block themselves (so with autocommit off no {@code
 * BEGIN} is sent for them). Inside the user's transaction block a query is wrapped in a savepoint,
 * so that a failing lookup (e.g. a permission error) rolls back to it and leaves the user's
 * transaction usable.
 */
final class SessionQueries implements CatalogSession {
    private static final String SAVEPOINT = "ysql_type_lookup";

    private final Session session;

    SessionQueries(Session session) {
        this.session = session;
    }

    @Override
    public boolean canQuery() {
        return !session.isClosed() && session.transactionStatus() != TransactionStatus.FAILED;
    }

    @Override
    public List<List<String>> query(String sql) throws SQLException {
        if (session.transactionStatus() != TransactionStatus.IN_TRANSACTION) return rows(session.control(sql, null));
        try {
            return rows(session.control("SAVEPOINT " + SAVEPOINT + ";\n" + sql + ";\nRELEASE SAVEPOINT " + SAVEPOINT, null));
        } catch (SQLException e) {
            if (!session.isClosed() && session.transactionStatus() == TransactionStatus.FAILED) {
                try {
                    session.control("ROLLBACK TO SAVEPOINT " + SAVEPOINT + ";\nRELEASE SAVEPOINT " + SAVEPOINT, null);
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        }
    }

    private static List<List<String>> rows(List<QueryResult> results) {
        for (QueryResult r : results) {
            if (!r.hasRows()) continue;
            List<List<String>> out = new ArrayList<>(r.rows().size());
            for (int k = 0; k < r.rows().size(); k++) {
                RowView row = r.rows().view(k);
                String[] values = new String[row.columnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.isNull(i) ? null
                            : new String(row.buffer(), row.offset(i), row.length(i), StandardCharsets.UTF_8);
                }
                out.add(Arrays.asList(values));
            }
            return out;
        }
        return List.of();
    }
}
