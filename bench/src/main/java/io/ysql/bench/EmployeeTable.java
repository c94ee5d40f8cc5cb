package io.ysql.bench;

import io.ysql.testkit.PgCluster;

/**
 * The {@code bench_employee} table that {@link PointSelectBenchmark} reads: {@value #ROWS} rows
 * with ids 1..{@value #ROWS}, made afresh by {@link BenchMain} as the superuser before any fork
 * starts, so that both drivers read the same data and no benchmark JVM runs DDL.
 */
final class EmployeeTable {
    static final int ROWS = 1000;

    static final String POINT_SELECT = "SELECT id, name, age FROM bench_employee WHERE id = ?";

    private static final String CREATE = """
            DROP TABLE IF EXISTS bench_employee;
            CREATE TABLE bench_employee (
                id   integer PRIMARY KEY,
                name text    NOT NULL,
                age  integer NOT NULL
            );
            INSERT INTO bench_employee (id, name, age)
                SELECT i, 'employee ' || i, 20 + i %% 45 FROM generate_series(1, %d) AS i;
            ANALYZE bench_employee;
            """.formatted(ROWS);

    private EmployeeTable() {}

    static void create(PgCluster cluster) {
        cluster.psql(CREATE);
    }
}
