package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.errors.DataError;
import io.ysql.errors.IntegrityError;
import io.ysql.errors.OperationalError;
import io.ysql.errors.ProgrammingError;
import io.ysql.errors.QueryCanceledError;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.PgCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cursor API's COPY, as psycopg2's {@code copy_from}, {@code copy_to} and {@code copy_expert}:
 * separators, null strings and column lists, identifiers quoted (a table name that would be SQL
 * stays a name), every format through {@code copyExpert}, failures raised as DB-API errors with
 * the connection usable afterwards, and a copy inside a transaction block rolled back.
 */
class CursorCopyIT {
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeEach
    void open() throws SQLException {
        PgCluster c = PgCluster.shared();
        conn = Ysql.connect(c.conninfo(c.superuser(), c.superuserPassword()));
        cur = conn.cursor();
        cur.execute("DROP TABLE IF EXISTS cursor_copy, \"Odd Name; DROP TABLE x\"");
        cur.execute("CREATE TABLE cursor_copy (id int PRIMARY KEY, name text, note text)");
    }

    @AfterEach
    void close() throws SQLException {
        cur.close();
        conn.close();
    }

    @Test
    void copyFromAndCopyToWithSeparatorNullStringAndColumns() throws SQLException {
        long n = cur.copyFrom(new StringReader("1|one|NULL\n2|two|x\n"), "cursor_copy", "|", "NULL", "id", "name", "note");
        assertThat(n).isEqualTo(2);
        assertThat(cur.copyFrom(new StringReader("3\tthree\n"), "public.cursor_copy", "\t", "\\N", "id", "name"))
                .isEqualTo(1);
        cur.execute("SELECT count(*) FROM cursor_copy WHERE note IS NULL");
        assertThat(cur.fetchone().get(0)).isEqualTo(2L);
        StringWriter out = new StringWriter();
        assertThat(cur.copyTo(out, "cursor_copy", ",", "-", "name", "note")).isEqualTo(3);
        assertThat(out.toString().lines().sorted()).containsExactly("one,-", "three,-", "two,x");
        StringWriter plain = new StringWriter();
        cur.copyTo(plain, "cursor_copy");
        assertThat(plain.toString()).contains("1\tone\t\\N\n");
    }

    @Test
    void namesAreQuotedAsIdentifiers() throws SQLException {
        cur.execute("CREATE TABLE \"Odd Name; DROP TABLE x\" (\"a b\" int)");
        assertThat(cur.copyFrom(new StringReader("5\n"), "Odd Name; DROP TABLE x", "\t", "\\N", "a b")).isEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(cur.copyTo(out, "Odd Name; DROP TABLE x", "\t", "\\N")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("5\n");
        ProgrammingError e = TestServer.thrown(ProgrammingError.class,
                () -> cur.copyFrom(new StringReader(""), "cursor_copy; DROP TABLE cursor_copy", "\t", "\\N"));
        assertThat(e.getSQLState()).isEqualTo("42P01");
    }

    @Test
    void copyExpertInEveryFormat() throws SQLException {
        assertThat(cur.copyExpert("COPY cursor_copy FROM STDIN (FORMAT csv, HEADER)",
                new StringReader("id,name,note\n1,\"a,b\",\n2,ü😀,\"\"\n"))).isEqualTo(2);
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        assertThat(cur.copyExpert("COPY cursor_copy TO STDOUT (FORMAT binary)", binary)).isEqualTo(2);
        cur.execute("CREATE TEMP TABLE cursor_copy2 (LIKE cursor_copy)");
        assertThat(cur.copyExpert("COPY cursor_copy2 FROM STDIN (FORMAT binary)",
                new ByteArrayInputStream(binary.toByteArray()))).isEqualTo(2);
        StringWriter csv = new StringWriter();
        assertThat(cur.copyExpert("COPY (SELECT * FROM cursor_copy2 ORDER BY id) TO STDOUT (FORMAT csv)", csv)).isEqualTo(2);
        assertThat(csv.toString()).isEqualTo("1,\"a,b\",\n2,ü😀,\"\"\n");
    }

    @Test
    void failuresAreDbApiErrorsAndTheConnectionStaysUsable() throws SQLException {
        assertThat(TestServer.thrown(DataError.class,
                () -> cur.copyFrom(new StringReader("x\ty\n"), "cursor_copy", "\t", "\\N")).getSQLState()).isEqualTo("22P02");
        assertThat(TestServer.thrown(IntegrityError.class,
                () -> cur.copyFrom(new StringReader("1\ta\n1\tb\n"), "cursor_copy", "\t", "\\N", "id", "name"))
                .getSQLState()).isEqualTo("23505");
        Reader failing = new Reader() {
            @Override public int read(char[] b, int o, int l) throws IOException { throw new IOException("unreadable"); }
            @Override public void close() { }
        };
        QueryCanceledError canceled = TestServer.thrown(QueryCanceledError.class,
                () -> cur.copyFrom(failing, "cursor_copy", "\t", "\\N"));
        assertThat(canceled.getMessage()).contains("unreadable");
        assertThat(TestServer.thrown(ProgrammingError.class,
                () -> cur.copyExpert("COPY cursor_copy TO STDOUT", new StringReader(""))).getSQLState()).isEqualTo("42809");
        cur.execute("INSERT INTO cursor_copy VALUES (9, 'nine', NULL)");
        assertThat(TestServer.thrown(OperationalError.class, () -> cur.copyTo(new java.io.OutputStream() {
            @Override public void write(int b) throws IOException { throw new IOException("full"); }
        }, "cursor_copy", "\t", "\\N")).getSQLState()).isEqualTo("58030");
        cur.execute("SELECT count(*) FROM cursor_copy");
        assertThat(cur.fetchone().get(0)).isEqualTo(1L);
    }

    @Test
    void aCopyInATransactionBlockIsRolledBack() throws SQLException {
        try (Transaction tx = conn.transaction()) {
            cur.copyFrom(new StringReader("1\ta\t\\N\n"), "cursor_copy");
            cur.execute("SELECT count(*) FROM cursor_copy");
            assertThat(cur.fetchone().get(0)).isEqualTo(1L);
        }
        cur.execute("SELECT count(*) FROM cursor_copy");
        assertThat(cur.fetchone().get(0)).isEqualTo(0L);
    }
}
