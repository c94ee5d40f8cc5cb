package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.PgCluster;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cursor API's fetching side against a real server: {@code fetchone}, {@code fetchmany},
 * {@code fetchall}, the DB-API attributes ({@code description}, {@code rowcount},
 * {@code statusmessage}, {@code rownumber}, {@code arraysize}) and reading {@link Row}s.
 */
class CursorFetchIT {
    private static final String SCHEMA = "cursor_fetch_it";
    private static PgCluster cluster;
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA);
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        cur = conn.cursor();
    }

    @AfterEach
    void close() throws SQLException {
        cur.close();
        conn.close();
    }

    // ---- fetch* ------------------------------------------------------------------------------

    @Test
    void fetchoneReturnsEachRowThenNull() throws SQLException {
        cur.execute("SELECT g FROM generate_series(1, 3) g");
        assertThat(cur.fetchone().get(0)).isEqualTo(1);
        assertThat(cur.fetchone().get(0)).isEqualTo(2);
        assertThat(cur.fetchone().get(0)).isEqualTo(3);
        assertThat(cur.fetchone()).isNull();
        assertThat(cur.fetchone()).isNull();
    }

    @Test
    void fetchmanyReturnsAtMostSizeRows() throws SQLException {
        cur.execute("SELECT g FROM generate_series(1, 5) g");
        assertThat(ints(cur.fetchmany(2))).containsExactly(1, 2);
        assertThat(ints(cur.fetchmany(2))).containsExactly(3, 4);
        assertThat(ints(cur.fetchmany(2))).containsExactly(5);
        assertThat(cur.fetchmany(2)).isEmpty();
        assertThat(cur.fetchmany(0)).isEmpty();
    }

    @Test
    void fetchmanyWithoutASizeUsesArraysize() throws SQLException {
        assertThat(cur.arraysize()).isEqualTo(1);
        cur.execute("SELECT g FROM generate_series(1, 8) g");
        assertThat(ints(cur.fetchmany())).containsExactly(1);
        cur.arraysize(3);
        assertThat(cur.arraysize()).isEqualTo(3);
        assertThat(ints(cur.fetchmany())).containsExactly(2, 3, 4);
        assertThat(ints(cur.fetchmany())).containsExactly(5, 6, 7);
        assertThat(ints(cur.fetchmany())).containsExactly(8);
        assertThat(cur.fetchmany()).isEmpty();
    }

    @Test
    void badSizesAreRefused() throws SQLException {
        assertThatThrownBy(() -> cur.arraysize(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        cur.execute("SELECT 1");
        assertThatThrownBy(() -> cur.fetchmany(-1))
                .hasMessageContaining(">= 0")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
    }

    @Test
    void fetchallReturnsTheRemainingRows() throws SQLException {
        cur.execute("SELECT g FROM generate_series(1, 4) g");
        cur.fetchone();
        assertThat(ints(cur.fetchall())).containsExactly(2, 3, 4);
        assertThat(cur.fetchall()).isEmpty();
    }

    @Test
    void fetchallOfAnEmptyResultIsAnEmptyList() throws SQLException {
        cur.execute("SELECT 1 AS one WHERE false");
        assertThat(cur.fetchall()).isNotNull().isEmpty();
        assertThat(cur.fetchone()).isNull();
        assertThat(cur.rowcount()).isZero();
        assertThat(cur.description()).extracting(Column::name).containsExactly("one");
    }

    @Test
    void fetchingAfterAStatementWithoutRowsRaises24000() throws SQLException {
        assertThatThrownBy(cur::fetchone)
                .hasMessageContaining("no results to fetch")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("24000");
        cur.execute("CREATE TEMP TABLE no_rows (a int)");
        assertThatThrownBy(cur::fetchall)
                .hasMessageContaining("no results to fetch")
                .hasMessageContaining("CREATE")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("24000");
        cur.execute("INSERT INTO no_rows VALUES (%s)", 1);
        assertThatThrownBy(() -> cur.fetchmany(1))
                .hasMessageContaining("no results to fetch")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("24000");
    }

    @Test
    void dmlWithReturningHasRows() throws SQLException {
        cur.execute("CREATE TEMP TABLE ret (id serial, name text)");
        cur.execute("INSERT INTO ret (name) VALUES (%s), (%s) RETURNING id, name", "a", "b");
        assertThat(cur.fetchall()).extracting(Object::toString).containsExactly("(1, a)", "(2, b)");
        assertThat(cur.rowcount()).isEqualTo(2);
        assertThat(cur.statusmessage()).isEqualTo("INSERT 0 2");
    }

    // ---- description -------------------------------------------------------------------------

    @Test
    void descriptionDescribesEachColumn() throws SQLException {
        cur.execute("SELECT 1.5::numeric(10,2) AS amount, 7::int4 AS n, 'x'::varchar(20) AS v, 't'::text AS t, "
                + "8::int8 AS big, true AS flag");
        List<Column> d = cur.description();
        assertThat(d).extracting(Column::name).containsExactly("amount", "n", "v", "t", "big", "flag");
        assertThat(d).extracting(Column::typeCode).containsExactly(1700, 23, 1043, 25, 20, 16);
        assertThat(d).extracting(Column::typeName).containsExactly("numeric", "int4", "varchar", "text", "int8", "bool");

        Column amount = d.get(0);
        assertThat(amount.precision()).isEqualTo(10);
        assertThat(amount.scale()).isEqualTo(2);
        assertThat(amount.internalSize()).isEqualTo(-1);

        Column n = d.get(1);
        assertThat(n.internalSize()).isEqualTo(4);
        assertThat(d.get(4).internalSize()).isEqualTo(8);
        assertThat(d.get(5).internalSize()).isEqualTo(1);

        assertThat(d.get(2).displaySize()).isEqualTo(20);
        assertThat(d.get(3).precision()).isNull();
        assertThat(d.get(3).scale()).isNull();
        assertThat(d).extracting(Column::nullOk).containsOnlyNulls();
    }

    @Test
    void descriptionIsNullBeforeAnyStatementAndForANonQuery() throws SQLException {
        assertThat(cur.description()).isNull();
        cur.execute("SELECT 1 AS a");
        assertThat(cur.description()).hasSize(1);
        cur.execute("SET application_name = 'cursor-fetch'");
        assertThat(cur.description()).isNull();
    }

    // ---- rowcount, statusmessage, rownumber --------------------------------------------------

    @Test
    void rowcountFollowsEachStatement() throws SQLException {
        assertThat(cur.rowcount()).isEqualTo(-1);
        cur.execute("CREATE TABLE " + SCHEMA + ".counted (id int, v text)");
        assertThat(cur.rowcount()).isEqualTo(-1);
        assertThat(cur.statusmessage()).isEqualTo("CREATE TABLE");

        cur.execute("INSERT INTO " + SCHEMA + ".counted SELECT g, 'v' FROM generate_series(1, 5) g");
        assertThat(cur.rowcount()).isEqualTo(5);
        assertThat(cur.statusmessage()).isEqualTo("INSERT 0 5");

        cur.execute("SELECT * FROM " + SCHEMA + ".counted WHERE id <= %s", 3);
        assertThat(cur.rowcount()).isEqualTo(3);
        assertThat(cur.statusmessage()).isEqualTo("SELECT 3");

        cur.execute("UPDATE " + SCHEMA + ".counted SET v = %s WHERE id > %s", "w", 3);
        assertThat(cur.rowcount()).isEqualTo(2);
        assertThat(cur.statusmessage()).isEqualTo("UPDATE 2");

        cur.execute("DELETE FROM " + SCHEMA + ".counted WHERE id > %s", 100);
        assertThat(cur.rowcount()).isZero();
        assertThat(cur.statusmessage()).isEqualTo("DELETE 0");

        cur.execute("DROP TABLE " + SCHEMA + ".counted");
        assertThat(cur.rowcount()).isEqualTo(-1);
        assertThat(cur.statusmessage()).isEqualTo("DROP TABLE");
    }

    @Test
    void statusmessageIsNullBeforeAnyStatement() {
        assertThat(cur.statusmessage()).isNull();
    }

    @Test
    void rownumberCountsTheRowsFetched() throws SQLException {
        assertThat(cur.rownumber()).isEqualTo(-1);
        cur.execute("SELECT g FROM generate_series(1, 5) g");
        assertThat(cur.rownumber()).isZero();
        cur.fetchone();
        assertThat(cur.rownumber()).isEqualTo(1);
        cur.fetchmany(3);
        assertThat(cur.rownumber()).isEqualTo(4);
        cur.fetchall();
        assertThat(cur.rownumber()).isEqualTo(5);
        cur.fetchone();
        assertThat(cur.rownumber()).isEqualTo(5);
        cur.execute("SET application_name = 'x'");
        assertThat(cur.rownumber()).isEqualTo(-1);
    }

    // ---- rows --------------------------------------------------------------------------------

    @Test
    void aRowIsReadByIndexByNameAndAsAType() throws SQLException {
        cur.execute("SELECT 1 AS id, 'John'::varchar AS Name, 35::int AS age, NULL::text AS note, 12.50::numeric(6,2) AS pay, "
                + "false AS active");
        Row row = cur.fetchone();
        assertThat(row.size()).isEqualTo(6);
        assertThat(row.get(0)).isEqualTo(1);
        assertThat(row.get(1)).isEqualTo("John");
        assertThat(row.get("name")).isEqualTo("John");
        assertThat(row.get("NAME")).isEqualTo("John");
        assertThat(row.get("age")).isEqualTo(35);
        assertThat(row.get(3)).isNull();
        assertThat(row.get(4)).isEqualTo(new BigDecimal("12.50"));
        assertThat(row.get(5)).isEqualTo(false);
        assertThat(row.get(2, Long.class)).isEqualTo(35L);
        assertThat(row.get(2, String.class)).isEqualTo("35");
        assertThat(row.get("pay", Double.class)).isEqualTo(12.5);
        assertThat(row.get(3, String.class)).isNull();
        assertThat(row.getString(5)).isEqualTo("f");
        assertThat(row.values()).containsExactly(1, "John", 35, null, new BigDecimal("12.50"), false);
        assertThat(row.columns()).extracting(Column::name).containsExactly("id", "name", "age", "note", "pay", "active");
        assertThat(row).hasToString("(1, John, 35, NULL, 12.50, f)");
    }

    @Test
    void aWrongIndexOrNameIsReported() throws SQLException {
        cur.execute("SELECT 1 AS a, 2 AS b");
        Row row = cur.fetchone();
        assertThatThrownBy(() -> row.get(2)).isInstanceOf(io.ysql.errors.ProgrammingError.class)
                .hasMessageContaining("column index 2 is out of range")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
        assertThatThrownBy(() -> row.get(-1)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> row.get("c")).isInstanceOf(io.ysql.errors.UndefinedColumn.class)
                .hasMessageContaining("no column named \"c\"; its columns are [a, b]")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42703");
        assertThatThrownBy(() -> row.get(0, java.util.UUID.class)).isInstanceOf(io.ysql.errors.Error.class);
        cur.execute("SELECT 'abc'::text AS t, 99999999999::int8 AS big");
        Row text = cur.fetchone();
        assertThatThrownBy(() -> text.get(0, Integer.class)).as("a value the type cannot hold is a DataError")
                .isInstanceOf(io.ysql.errors.DataError.class);
        assertThatThrownBy(() -> text.get("big", Integer.class)).isInstanceOf(io.ysql.errors.DataError.class);
    }

    @Test
    void aDuplicateColumnNameFindsTheFirstColumn() throws SQLException {
        cur.execute("SELECT 1 AS x, 2 AS x");
        assertThat(cur.fetchone().get("x")).isEqualTo(1);
    }

    @Test
    void rowsStayReadableAfterTheCursorMovesOn() throws SQLException {
        cur.execute("SELECT %s::text AS word", "kept");
        Row kept = cur.fetchone();
        cur.execute("SELECT 'other'");
        cur.fetchall();
        cur.close();
        assertThat(kept.get("word")).isEqualTo("kept");
        assertThat(kept).hasToString("(kept)");
    }

    private static List<Integer> ints(List<Row> rows) throws SQLException {
        Integer[] out = new Integer[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = (Integer) rows.get(i).get(0);
        return List.of(out);
    }
}
