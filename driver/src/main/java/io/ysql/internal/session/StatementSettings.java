package io.ysql.internal.session;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;

/**
 * How a session caches, prepares and batches statements: the run from which a statement is
 * prepared on the server ({@code prepare_threshold}; 0 never), the most statements the cache keeps
 * and the bytes they may hold ({@code statement_cache_size}, {@code statement_cache_size_mib}),
 * and whether batches of single-row INSERTs become multi-row INSERTs
 * ({@code rewrite_batched_inserts}).
 */
public record StatementSettings(int prepareThreshold, int cacheSize, long cacheBytes, boolean rewriteBatchedInserts) {
    public static final StatementSettings DEFAULTS = new StatementSettings(StatementCache.PREPARE_THRESHOLD,
            StatementCache.DEFAULT_SIZE, StatementCache.DEFAULT_BYTES, false);

    public StatementSettings {
        if (prepareThreshold < 0) prepareThreshold = 1; // pgjdbc: a negative threshold prepares at once
        if (cacheSize < 0 || cacheBytes < 0) throw new IllegalArgumentException("negative statement cache limit");
    }

    /** The settings a configuration asks for. */
    public static StatementSettings of(ConnectionConfig config) {
        return new StatementSettings(config.get(Options.PREPARE_THRESHOLD), config.get(Options.STATEMENT_CACHE_SIZE),
                config.get(Options.STATEMENT_CACHE_SIZE_MIB) * 1024L * 1024L,
                config.get(Options.REWRITE_BATCHED_INSERTS));
    }
}
