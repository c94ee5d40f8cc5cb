package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Row factories of the cursor API against a real server. */
class RowFactoryIT {
    private YsqlConnection conn;

    record Employee(int id, String firstName, BigDecimal salary, LocalDate hired) {}

    record Pair(long a, String b) {}

    public static final class Point {
        final int x;
        final int y;

        public Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(PgCluster.shared().conninfo(AuthRole.SCRAM));
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static final String EMPLOYEES = "SELECT * FROM (VALUES (1, 'John', 35000.50, DATE '2020-01-31'),"
            + " (2, 'Ann', NULL, DATE '2021-06-01')) AS t(id, first_name, salary, hired) ORDER BY id";

    @Test
    void dictRowsMapColumnNamesToValuesInOrder() throws SQLException {
        TypedCursor<Map<String, Object>> cur = conn.cursor(RowFactory.dict());
        List<Map<String, Object>> rows = cur.execute(EMPLOYEES).fetchall();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(Map.entry("id", 1), Map.entry("first_name", "John"),
                Map.entry("salary", new BigDecimal("35000.50")), Map.entry("hired", LocalDate.of(2020, 1, 31)));
        assertThat(rows.get(1)).containsEntry("salary", null);
        assertThat(cur.execute("SELECT 1 WHERE false").fetchall()).isEmpty();
    }

    @Test
    void classRowsBuildRecordsByComponentName() throws SQLException {
        TypedCursor<Employee> cur = conn.cursor(RowFactory.classRow(Employee.class));
        cur.execute(EMPLOYEES);
        assertThat(cur.fetchone()).isEqualTo(new Employee(1, "John", new BigDecimal("35000.50"), LocalDate.of(2020, 1, 31)));
        assertThat(cur.fetchone().salary()).isNull();
        assertThat(cur.fetchone()).isNull();
    }

    @Test
    void classRowsConvertToComponentTypesAndRefuseMismatches() throws SQLException {
        TypedCursor<Pair> cur = conn.cursor(RowFactory.classRow(Pair.class));
        assertThat(cur.execute("SELECT 7::int2 AS a, 'x' AS b").fetchone()).isEqualTo(new Pair(7L, "x"));
        assertThatThrownBy(() -> cur.execute("SELECT 1 AS a").fetchone())
                .isInstanceOf(io.ysql.errors.UndefinedColumn.class).hasMessageContaining("component b");
        assertThatThrownBy(() -> cur.execute("SELECT 1 AS a, 'x' AS b, 2 AS c").fetchone())
                .isInstanceOf(io.ysql.errors.ProgrammingError.class).hasMessageContaining("[c]");
        assertThatThrownBy(() -> cur.execute("SELECT NULL::int AS a, 'x' AS b").fetchone())
                .isInstanceOf(io.ysql.errors.DataError.class).hasMessageContaining("primitive");
    }

    @Test
    void classRowsOfAPlainClassUseAConstructorInColumnOrder() throws SQLException {
        TypedCursor<Point> cur = conn.cursor(RowFactory.classRow(Point.class));
        Point p = cur.execute("SELECT 3, 4").fetchone();
        assertThat(p.x).isEqualTo(3);
        assertThat(p.y).isEqualTo(4);
    }

    @Test
    void aFunctionAndIteration() throws SQLException {
        TypedCursor<String> cur = conn.cursor(row -> row.get(1) + "#" + row.get(0));
        List<String> seen = new ArrayList<>();
        for (String s : cur.execute(EMPLOYEES)) seen.add(s);
        assertThat(seen).containsExactly("John#1", "Ann#2");
        assertThat(cur.rowcount()).isEqualTo(2);
        assertThat(conn.cursor(RowFactory.tuple()).execute("SELECT 1 AS one").fetchone().get("one")).isEqualTo(1);
    }
}
