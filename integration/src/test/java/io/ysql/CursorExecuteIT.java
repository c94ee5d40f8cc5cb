package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cursor API's execution side against a real server: connecting with a conninfo string and
 * with a map, positional and named placeholders, {@code %%}, {@code executemany} with every kind of
 * parameter set, and the errors raised for wrong parameters and closed cursors. Runs as the SCRAM
 * role in a schema that role owns.
 */
class CursorExecuteIT {
    private static final String SCHEMA = "cursor_execute_it";
    private static PgCluster cluster;
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + " AUTHORIZATION " + AuthRole.SCRAM.user());
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(AuthRole.SCRAM));
        cur = conn.cursor();
        cur.execute("DROP TABLE IF EXISTS " + SCHEMA + ".item");
        cur.execute("CREATE TABLE " + SCHEMA + ".item (id int PRIMARY KEY, grp int, name text)");
    }

    @AfterEach
    void close() throws SQLException {
        cur.close();
        conn.close();
    }

    // ---- connecting --------------------------------------------------------------------------

    @Test
    void connectsWithAConninfoString() throws SQLException {
        cur.execute("SELECT current_user, current_database()");
        assertThat(cur.fetchone().values()).containsExactly(AuthRole.SCRAM.user(), cluster.database());
    }

    @Test
    void connectsWithAMapOfOptions() throws SQLException {
        Map<String, Object> options = new HashMap<>();
        options.put("host", cluster.host());
        options.put("port", cluster.port());
        options.put("dbname", cluster.database());
        options.put("user", AuthRole.MD5.user());
        options.put("password", AuthRole.MD5.password());
        try (YsqlConnection other = Ysql.connect(options); Cursor c = other.cursor()) {
            c.execute("SELECT current_user, %s::int + 1", 41);
            assertThat(c.fetchone().values()).containsExactly(AuthRole.MD5.user(), 42);
            assertThat(other.backendProcessId()).isNotEqualTo(conn.backendProcessId()).isPositive();
        }
    }

    // ---- placeholders ------------------------------------------------------------------------

    @Test
    void positionalPlaceholdersTakeTheValuesInOrder() throws SQLException {
        cur.execute("SELECT %s::int * 10 + %s, %s, %s", 4, 2, "text", null);
        assertThat(cur.fetchone().values()).containsExactly(42, "text", null);
    }

    @Test
    void aNamedPlaceholderUsedTwiceTakesOneValue() throws SQLException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 21);
        params.put("label", "twice");
        params.put("unused", "extra keys are ignored");
        cur.execute("SELECT %(n)s + %(n)s AS sum, %(label)s || '/' || %(label)s AS label", params);
        Row row = cur.fetchone();
        assertThat(row.get("sum")).isEqualTo(42);
        assertThat(row.get("label")).isEqualTo("twice/twice");
    }

    @Test
    void doublePercentIsALiteralPercentSign() throws SQLException {
        cur.execute("SELECT '100%%' , %s", 7);
        assertThat(cur.fetchone().values()).containsExactly("100%", 7);

        cur.execute("SELECT 'a%%b', 7 %% 3");
        assertThat(cur.fetchone().values()).containsExactly("a%b", 1);

        cur.execute("SELECT %(x)s::text || '%%'", Map.of("x", "50"));
        assertThat(cur.fetchone().get(0)).isEqualTo("50%");
    }

    @Test
    void aLonePercentSignIsASyntaxErrorThatPointsAtIt() {
        assertThatThrownBy(() -> cur.execute("SELECT 7 % 3"))
                .isInstanceOf(io.ysql.errors.SyntaxError.class)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("position 10")
                .hasMessageContaining("'%%'")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
    }

    @Test
    void severalStatementsWithoutParametersReturnTheLastResult() throws SQLException {
        cur.execute("SELECT 1; SELECT 'second' AS s");
        assertThat(cur.fetchall()).singleElement().extracting(r -> get(r, 0)).isEqualTo("second");
        assertThat(cur.description()).extracting(Column::name).containsExactly("s");
    }

    // ---- executemany -------------------------------------------------------------------------

    @Test
    void executemanyWithArraysInsertsEverySetAndSumsTheRowCount() throws SQLException {
        List<Object[]> sets = List.of(new Object[] {1, 1, "a"}, new Object[] {2, 1, "b"}, new Object[] {3, 2, "c"});
        cur.executemany("INSERT INTO " + SCHEMA + ".item VALUES (%s, %s, %s)", sets);
        assertThat(cur.rowcount()).isEqualTo(3);
        assertThat(names()).containsExactly("a", "b", "c");
    }

    @Test
    void executemanyWithListsInsertsEverySet() throws SQLException {
        List<List<Object>> sets = List.of(List.of(10, 1, "x"), Arrays.asList(11, 1, null));
        cur.executemany("INSERT INTO " + SCHEMA + ".item VALUES (%s, %s, %s)", sets);
        assertThat(cur.rowcount()).isEqualTo(2);
        cur.execute("SELECT id, name FROM " + SCHEMA + ".item ORDER BY id");
        assertThat(cur.fetchall()).extracting(Object::toString).containsExactly("(10, x)", "(11, NULL)");
    }

    @Test
    void executemanyWithMapsBindsByName() throws SQLException {
        List<Map<String, Object>> sets = List.of(
                Map.of("id", 20, "grp", 3, "name", "p"),
                Map.of("name", "q", "id", 21, "grp", 3));
        cur.executemany("INSERT INTO " + SCHEMA + ".item (name, id, grp) VALUES (%(name)s, %(id)s, %(grp)s)", sets);
        assertThat(cur.rowcount()).isEqualTo(2);
        assertThat(names()).containsExactly("p", "q");
    }

    @Test
    void executemanyRowCountIsTheTotalOfRowsAffected() throws SQLException {
        cur.executemany("INSERT INTO " + SCHEMA + ".item VALUES (%s, %s, 'n')",
                List.of(new Object[] {1, 1}, new Object[] {2, 1}, new Object[] {3, 2}, new Object[] {4, 2},
                        new Object[] {5, 2}, new Object[] {6, 9}));
        cur.executemany("UPDATE " + SCHEMA + ".item SET name = 'u' WHERE grp = %s",
                List.of(new Object[] {1}, new Object[] {2}, new Object[] {7}));
        assertThat(cur.rowcount()).isEqualTo(2 + 3 + 0);
        assertThat(cur.description()).isNull();
    }

    @Test
    void aFailingSetRollsBackTheWholeExecutemanyInAutocommit() throws SQLException {
        cur.execute("INSERT INTO " + SCHEMA + ".item VALUES (2, 0, 'existing')");
        List<Object[]> sets = List.of(new Object[] {1, 0, "a"}, new Object[] {2, 0, "dup"}, new Object[] {3, 0, "c"});
        assertThatThrownBy(() -> cur.executemany("INSERT INTO " + SCHEMA + ".item VALUES (%s, %s, %s)", sets))
                .isInstanceOf(io.ysql.errors.UniqueViolation.class)
                .isInstanceOf(io.ysql.errors.IntegrityError.class)
                .hasMessageContaining("duplicate key")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
        assertThat(names()).containsExactly("existing");
    }

    @Test
    void executemanyOfAStatementThatReturnsRowsCountsThemAndKeepsNoRows() throws SQLException {
        cur.executemany("INSERT INTO " + SCHEMA + ".item VALUES (%s, 0, %s) RETURNING id",
                List.of(new Object[] {1, "r1"}, new Object[] {2, "r2"}, new Object[] {3, "r3"}));
        assertThat(cur.rowcount()).isEqualTo(3);
        assertThat(cur.description()).isNull();
        assertThatThrownBy(cur::fetchone)
                .isInstanceOf(io.ysql.errors.ProgrammingError.class)
                .hasMessageContaining("no results to fetch")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("24000");
        cur.executemany("SELECT %s::int", List.of(new Object[] {1}, new Object[] {2}));
        assertThat(cur.rowcount()).isEqualTo(2);
        assertThat(names()).containsExactly("r1", "r2", "r3");
        assertThat(conn.isValid(5)).isTrue();
    }

    @Test
    void executemanyRefusesAParameterSetOfAnotherKind() {
        assertThatThrownBy(() -> cur.executemany("SELECT %s", List.of("not a set")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Object[], a List or a Map")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
    }

    // ---- wrong parameters --------------------------------------------------------------------

    @Test
    void tooFewOrTooManyValuesAreRefusedBeforeAnythingIsSent() throws SQLException {
        assertThatThrownBy(() -> cur.execute("SELECT %s, %s", 1))
                .hasMessageContaining("2 placeholders but 1 value was given")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
        assertThatThrownBy(() -> cur.execute("SELECT %s", 1, 2))
                .hasMessageContaining("1 placeholder but 2 values were given")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
        assertThatThrownBy(() -> cur.execute("SELECT 1", 1))
                .hasMessageContaining("0 placeholders but 1 value was given");
        cur.execute("SELECT 'still usable'");
        assertThat(cur.fetchone().get(0)).isEqualTo("still usable");
    }

    @Test
    void aNamedPlaceholderWithoutAValueIsRefused() {
        assertThatThrownBy(() -> cur.execute("SELECT %(a)s, %(b)s", Map.of("a", 1)))
                .hasMessageContaining("no value given for placeholder %(b)s")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
    }

    @Test
    void namedAndPositionalStylesAreNotInterchangeable() {
        assertThatThrownBy(() -> cur.execute("SELECT %(a)s", 1))
                .hasMessageContaining("pass a Map")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        assertThatThrownBy(() -> cur.execute("SELECT %s", Map.of("a", 1)))
                .hasMessageContaining("positional %s placeholders")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        assertThatThrownBy(() -> cur.execute("SELECT %s, %(a)s", Map.of("a", 1)))
                .hasMessageContaining("cannot be mixed")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
    }

    @Test
    void aServerErrorLeavesTheCursorUsable() throws SQLException {
        assertThatThrownBy(() -> cur.execute("SELECT 1 / %s", 0))
                .hasMessageContaining("division by zero")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22012");
        assertThat(cur.description()).isNull();
        cur.execute("SELECT 10 / %s", 5);
        assertThat(cur.fetchone().get(0)).isEqualTo(2);
    }

    // ---- closing -----------------------------------------------------------------------------

    @Test
    void aClosedCursorRefusesEveryOperation() throws SQLException {
        Cursor c = conn.cursor();
        c.execute("SELECT 1");
        c.close();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(() -> c.execute("SELECT 1"))
                .hasMessageContaining("the cursor is closed")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("24000");
        assertThatThrownBy(c::fetchone).hasMessageContaining("the cursor is closed");
        assertThatThrownBy(c::fetchall).hasMessageContaining("the cursor is closed");
        assertThatThrownBy(() -> c.executemany("SELECT %s", List.<Object[]>of(new Object[] {1})))
                .hasMessageContaining("the cursor is closed");
        assertThat(conn.isClosed()).isFalse();
    }

    @Test
    void tryWithResourcesClosesTheCursorButNotTheConnection() throws SQLException {
        Cursor escaped;
        try (Cursor c = conn.cursor()) {
            escaped = c;
            c.execute("SELECT 5");
            assertThat(c.fetchone().get(0)).isEqualTo(5);
        }
        assertThat(escaped.isClosed()).isTrue();
        assertThat(escaped.connection()).isSameAs(conn);
        assertThat(conn.isClosed()).isFalse();
        assertThat(conn.isValid(5)).isTrue();
    }

    @Test
    void aCursorOfAClosedConnectionRaisesAConnectionError() throws SQLException {
        YsqlConnection other = Ysql.connect(cluster.conninfo(AuthRole.SCRAM));
        Cursor c = other.cursor();
        other.close();
        assertThatThrownBy(() -> c.execute("SELECT 1"))
                .isInstanceOf(io.ysql.errors.InterfaceError.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
        assertThatThrownBy(other::cursor).isInstanceOf(SQLNonTransientConnectionException.class);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private List<Object> names() throws SQLException {
        cur.execute("SELECT name FROM " + SCHEMA + ".item ORDER BY id");
        return cur.fetchall().stream().map(r -> get(r, 0)).toList();
    }

    private static Object get(Row row, int index) {
        try {
            return row.get(index);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
