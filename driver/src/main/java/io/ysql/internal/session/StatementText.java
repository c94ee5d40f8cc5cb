package io.ysql.internal.session;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One SQL text as a statement object runs it again and again: its own prepare threshold (-1 for
 * the connection's {@code prepare_threshold}) and the statement cache's key for its last parameter
 * types, kept so that a repeated run finds its cache entry without hashing the text or making a
 * key. A statement object may be used from several threads in turn; the key is only a shortcut,
 * so a race costs a new key, never a wrong one.
 */
public final class StatementText {
    private final String sql;
    private volatile int prepareThreshold = -1;
    private volatile StatementCache.Key last;
    private final AtomicReference<CachedQuery> spare = new AtomicReference<>();

    public StatementText(String sql) { this.sql = sql; }

    public String sql() { return sql; }

    /** The statement's own prepare threshold, or -1 when it follows the connection's. */
    public int prepareThreshold() { return prepareThreshold; }

    /**
     * Runs from which this statement is prepared on the server: 0 never, -1 the connection's
     * {@code prepare_threshold}.
     */
    public void prepareThreshold(int threshold) {
        if (threshold < -1) throw new IllegalArgumentException("prepare threshold " + threshold + " is below -1");
        prepareThreshold = threshold;
    }

    /** The cache key for running this text with parameters of {@code types}. */
    StatementCache.Key key(int[] types) {
        StatementCache.Key k = last;
        if (k != null && Arrays.equals(k.types, types)) return k;
        k = new StatementCache.Key(sql, types.clone());
        last = k;
        return k;
    }

    /**
     * The exchange of this text's last completed run, made ready to run again, or a new one: a
     * statement run again and again makes no exchange per run. A run in progress on another
     * thread keeps its own.
     */
    CachedQuery take(Bindings bindings, int maxRows, StatementCache cache) {
        CachedQuery q = spare.getAndSet(null);
        if (q != null && q.belongsTo(cache)) return q.again(bindings, maxRows);
        return new CachedQuery(this, bindings, maxRows, cache);
    }

    /** Gives back a completed run whose result was taken. */
    void giveBack(CachedQuery q) { spare.set(q); }

    /** Leaves the SQL text out: it may carry a secret in a literal. */
    @Override
    public String toString() { return "StatementText[length=" + sql.length() + "]"; }
}
