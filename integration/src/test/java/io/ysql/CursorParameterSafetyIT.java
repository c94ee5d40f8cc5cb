package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cursor parameters travel apart from the SQL text and are never interpolated into it: values
 * that would change a statement's meaning if pasted into it come back unchanged, and a
 * placeholder written inside a string literal is still a placeholder (psycopg's rule), which the
 * server then sees as the literal text {@code $1}.
 */
class CursorParameterSafetyIT {
    private static final String SCHEMA = "cursor_safety_it";
    private static PgCluster cluster;
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + "; CREATE TABLE " + SCHEMA + ".x (id int, v text)");
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
        cur = conn.cursor();
        cur.execute("TRUNCATE " + SCHEMA + ".x");
    }

    @AfterEach
    void close() throws SQLException {
        cur.close();
        conn.close();
    }

    @Test
    void aNegativeNumberAfterAMinusAndACommentInAStringStayValues() throws SQLException {
        cur.execute("SELECT -%s, %s", -1, "\nOR 1=1 --");
        List<Row> rows = cur.fetchall();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).containsExactly(1, "\nOR 1=1 --");
    }

    @Test
    void aValueThatLooksLikeAStatementRoundTripsAndRunsNothing() throws SQLException {
        String evil = "'; DROP TABLE " + SCHEMA + ".x; --";
        cur.execute("INSERT INTO " + SCHEMA + ".x VALUES (%s, %s)", 1, evil);
        cur.execute("SELECT v FROM " + SCHEMA + ".x WHERE v = %s", evil);
        assertThat(cur.fetchall()).singleElement().satisfies(r -> assertThat(r.get(0)).isEqualTo(evil));
        cur.execute("SELECT count(*) FROM " + SCHEMA + ".x");
        assertThat(cur.fetchone().get(0)).isEqualTo(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"O'Reilly", "back\\slash", "$1", "%s", "%%", "%(name)s", "\"quoted\"", "E'\\x41'",
            "1; SELECT pg_sleep(10)", "$$dollar$$", "/* comment */", "-- line", "\t\r\n", "ünïcödé ✓"})
    void awkwardStringsComeBackUnchanged(String value) throws SQLException {
        cur.execute("SELECT %s::text, length(%s::text)", value, value);
        Row row = cur.fetchone();
        assertThat(row.get(0)).isEqualTo(value);
        assertThat(row.get(1)).isEqualTo(value.codePointCount(0, value.length()));
    }

    @Test
    void namedValuesAreNotInterpolatedEither() throws SQLException {
        cur.execute("SELECT %(v)s::text = %(v)s::text, %(v)s::text", Map.of("v", "' OR '1'='1"));
        assertThat(cur.fetchone().values()).containsExactly(true, "' OR '1'='1");
    }

    @Test
    void executemanyValuesAreNotInterpolated() throws SQLException {
        cur.executemany("INSERT INTO " + SCHEMA + ".x VALUES (%s, %s)",
                List.of(new Object[] {1, "'); DELETE FROM " + SCHEMA + ".x; --"}, new Object[] {2, "%s"}));
        cur.execute("SELECT v FROM " + SCHEMA + ".x ORDER BY id");
        assertThat(cur.fetchall()).extracting(r -> r.getString(0))
                .containsExactly("'); DELETE FROM " + SCHEMA + ".x; --", "%s");
    }

    /**
     * A {@code %s} inside quotes is a placeholder too: the text sent is {@code SELECT '$1'}, so
     * the server returns the characters {@code $1} and the value is never pasted in. The value is
     * still bound; a typed one is accepted unused, a string (sent with an unspecified type) leaves
     * the server unable to infer the parameter's type (42P18).
     */
    @Test
    void aPlaceholderInsideAStringLiteralIsStillAPlaceholder() throws SQLException {
        cur.execute("SELECT '%s'", 5);
        assertThat(cur.fetchone().get(0)).isEqualTo("$1");

        assertThatThrownBy(() -> cur.execute("SELECT '%s'", "x"))
                .isInstanceOf(io.ysql.errors.IndeterminateDatatype.class)
                .isInstanceOf(io.ysql.errors.ProgrammingError.class)
                .hasMessageContaining("could not determine data type of parameter $1")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P18");

        assertThatThrownBy(() -> cur.execute("SELECT '%s'"))
                .hasMessageContaining("1 placeholder but 0 values were given");

        cur.execute("SELECT '%%s'");
        assertThat(cur.fetchone().get(0)).isEqualTo("%s");
    }

    @Test
    void aPlaceholderInsideACommentIsStillCounted() {
        assertThatThrownBy(() -> cur.execute("SELECT 1 -- 100%"))
                .hasMessageContaining("incomplete placeholder")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
    }
}
