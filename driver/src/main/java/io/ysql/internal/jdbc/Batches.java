package io.ysql.internal.jdbc;

import io.ysql.internal.session.QueryResult;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Arrays;

/** Update counts of a batch, and the {@link BatchUpdateException} that reports how far it got. */
final class Batches {
    private Batches() {}

    /** Collects one update count per executed entry. */
    static final class Collector {
        private final long[] counts;
        private int size;

        Collector(int expected) { counts = new long[expected]; }

        void add(QueryResult r) {
            if (size < counts.length) counts[size++] = Math.max(0, JdbcStatement.largeUpdateCount(r));
        }

        int size() { return size; }

        long[] counts() { return Arrays.copyOf(counts, size); }

        /** The counts of the entries before the failure, with the failure as the cause. */
        BatchUpdateException failure(SQLException cause, String what) {
            return new BatchUpdateException(what + ": " + cause.getMessage(), cause.getSQLState(), 0, counts(), cause);
        }
    }
}
