package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.errors.ProgrammingError;
import io.ysql.errors.UniqueViolation;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * psycopg2's documented "basic module usage" examples, line by line in Java idiom: a service
 * ported from Python keeps its statements, placeholders and expectations.
 */
class Psycopg2BasicUsageIT {
    private static final String SCHEMA = "psycopg2_basic_it";
    private final PgCluster cluster = PgCluster.shared();
    private YsqlConnection conn;

    @BeforeEach
    void connect() throws SQLException {
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + " AUTHORIZATION " + AuthRole.SCRAM.user());
        conn = Ysql.connect(cluster.conninfo(AuthRole.SCRAM) + " options='-c search_path=" + SCHEMA + "'");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void theBasicSession() throws SQLException {
        // conn.autocommit is False in psycopg2: statements run in a transaction until commit()
        ((Connection) conn).setAutoCommit(false);
        try (Cursor cur = conn.cursor()) {
            cur.execute("CREATE TABLE test (id serial PRIMARY KEY, num integer, data varchar);");
            cur.execute("INSERT INTO test (num, data) VALUES (%s, %s)", 100, "abc'def");
            cur.execute("SELECT * FROM test;");
            assertThat(cur.fetchone().values()).containsExactly(1, 100, "abc'def");
            assertThat(cur.fetchone()).as("no more rows: None").isNull();
            ((Connection) conn).commit();
        }
        assertThat(cluster.psql("SELECT num, data FROM " + SCHEMA + ".test")).isEqualTo("100|abc'def");
        assertThat(((Connection) conn).isClosed()).isFalse();
    }

    @Test
    void positionalAndNamedArguments() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("CREATE TABLE some_table (an_int int, a_date date, another_date date, a_string text)");
            cur.execute("INSERT INTO some_table (an_int, a_date, a_string) VALUES (%s, %s, %s);",
                    10, LocalDate.of(2005, 11, 18), "O'Reilly");
            cur.execute("INSERT INTO some_table (an_int, a_date, another_date, a_string) "
                    + "VALUES (%(int)s, %(date)s, %(date)s, %(str)s);",
                    Map.of("int", 10, "str", "O'Reilly", "date", LocalDate.of(2005, 11, 18)));
            cur.execute("SELECT an_int, a_date, another_date, a_string FROM some_table ORDER BY another_date NULLS FIRST");
            List<Row> rows = cur.fetchall();
            assertThat(rows.get(0).values()).containsExactly(10, LocalDate.of(2005, 11, 18), null, "O'Reilly");
            assertThat(rows.get(1).values()).containsExactly(10, LocalDate.of(2005, 11, 18), LocalDate.of(2005, 11, 18), "O'Reilly");
        }
    }

    @Test
    void aSingleArgumentAndALiteralPercent() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("CREATE TABLE numbers (n int)");
            cur.execute("INSERT INTO numbers VALUES (%s)", 42);
            cur.execute("SELECT %s", "abc");
            assertThat(cur.fetchone().get(0)).isEqualTo("abc");
            cur.execute("SELECT (%s %% 2) = 0 AS even", 10);
            assertThat(cur.fetchone().get("even")).isEqualTo(true);
            // "the wrong way": a missing argument is a ProgrammingError, nothing runs
            assertThatThrownBy(() -> cur.execute("INSERT INTO numbers VALUES (%s, %s)", 42))
                    .isInstanceOf(ProgrammingError.class);
            cur.execute("SELECT count(*) FROM numbers");
            assertThat(cur.fetchone().get(0)).isEqualTo(1L);
        }
    }

    @Test
    void mogrifyShowsWhatTheServerWouldSee() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            assertThat(cur.mogrify("SELECT %s, %s", "O'Reilly", null)).isEqualTo("SELECT 'O''Reilly', NULL");
            String array = cur.mogrify("SELECT %s;", List.of(10, 20, 30));
            cur.execute(array);
            assertThat(cur.fetchone().get(0)).isEqualTo(List.of(10, 20, 30));
        }
    }

    @Test
    void listsAdaptToArraysForAny() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("CREATE TABLE test (id int PRIMARY KEY, data text)");
            cur.executemany("INSERT INTO test VALUES (%s, %s)", List.of(List.of(1, "a"), List.of(2, "b"), List.of(3, "c")));
            cur.execute("SELECT data FROM test WHERE id = ANY(%s) ORDER BY id", List.of(1, 3));
            assertThat(cur.fetchall()).extracting(r -> r.get(0)).containsExactly("a", "c");
            cur.execute("SELECT data FROM test WHERE id = ANY(%s)", List.of(42));
            assertThat(cur.fetchall()).as("fetchall with no rows is an empty list").isEmpty();
        }
    }

    @Test
    void withConnectionCommitsOrRollsBack() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("CREATE TABLE test (id int PRIMARY KEY)");
        }
        // "with conn:" commits when the block succeeds ...
        conn.transaction(c -> {
            try (Cursor cur = c.cursor()) {
                cur.execute("INSERT INTO test VALUES (%s)", 1);
            }
            return null;
        });
        // ... and rolls back when it raises; the connection stays usable
        assertThatThrownBy(() -> conn.transaction(c -> {
            try (Cursor cur = c.cursor()) {
                cur.execute("INSERT INTO test VALUES (%s)", 2);
                cur.execute("INSERT INTO test VALUES (%s)", 1);
            }
            return null;
        })).isInstanceOf(UniqueViolation.class);
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT id FROM test ORDER BY id");
            assertThat(cur.fetchall()).extracting(r -> r.get(0)).containsExactly(1);
        }
    }

    @Test
    void fetchingWithoutAResultIsAProgrammingError() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute("CREATE TABLE test (id int)");
            assertThatThrownBy(cur::fetchone).isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("no results");
        }
    }
}
