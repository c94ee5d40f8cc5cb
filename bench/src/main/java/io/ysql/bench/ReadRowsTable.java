package io.ysql.bench;

import io.ysql.testkit.PgCluster;

/**
 * The {@code bench_rows} table that {@link ReadRowsBenchmark} reads: {@value #ROWS} rows of
 * ({@code int8}, {@code text}, {@code float8}, {@code timestamptz}, {@code numeric(12,2)}, {@code
 * bool}), made once by {@link BenchMain} before any fork starts, so that both drivers read the
 * same stored rows and the server only scans a table (no per-query generation). Deterministic
 * values: every run of the benchmark reads the same bytes.
 */
final class ReadRowsTable {
    static final int ROWS = 1_000_000;

    static final String SELECT_ALL = "SELECT id, label, ratio, created, amount, active FROM bench_rows";

    private static final String CREATE = """
            DROP TABLE IF EXISTS bench_rows;
            CREATE TABLE bench_rows (
                id      int8          NOT NULL,
                label   text          NOT NULL,
                ratio   float8        NOT NULL,
                created timestamptz   NOT NULL,
                amount  numeric(12,2) NOT NULL,
                active  bool          NOT NULL
            );
            INSERT INTO bench_rows (id, label, ratio, created, amount, active)
                SELECT i, 'row label ' || i, i / 7.0, timestamptz '2024-01-01 00:00:00+00' + i * interval '1.5 second',
                       (i %% 1000000) / 100.0 + 1000, i %% 3 = 0
                FROM generate_series(1, %d) AS i;
            VACUUM ANALYZE bench_rows;
            """.formatted(ROWS);

    private ReadRowsTable() {}

    static void create(PgCluster cluster) {
        cluster.psql(CREATE);
    }
}
