package io.ysql.internal.session;

import java.sql.SQLException;
import java.util.List;

/**
 * How far a batch got: the results of the executions that completed, and when one failed, its
 * index and the server's error (the server skipped everything after it).
 */
public record BatchOutcome(List<QueryResult> results, int failedIndex, SQLException failure) {
    public boolean succeeded() { return failure == null; }
}
