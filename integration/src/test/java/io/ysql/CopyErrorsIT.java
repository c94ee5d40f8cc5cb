package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.jdbc.TestServer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every way a COPY can fail ends it cleanly and leaves the connection usable, in autocommit and
 * inside a transaction (which the failure then aborts, as the server says): a row the server
 * rejects, a constraint violation, an exception from the caller's reader or while the caller
 * writes rows, a CopyIn closed without end(), a statement that is no COPY, and COPY run through
 * plain JDBC statements.
 */
class CopyErrorsIT {
    private YsqlConnection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connectYsql();
        exec("DROP TABLE IF EXISTS copy_errors");
        exec("CREATE TABLE copy_errors (id int PRIMARY KEY, name text)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBadRowFailsTheCopyWithTheServersError(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        SQLException e = TestServer.thrown(SQLException.class,
                () -> conn.copy().copyIn("COPY copy_errors FROM STDIN", new StringReader("1\ta\nnot a number\tb\n")));
        assertThat(e.getSQLState()).isEqualTo("22P02");
        assertThat(e.getMessage()).contains("not a number");
        afterFailure(autocommit);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aConstraintViolationFailsTheCopy(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        SQLException e = TestServer.thrown(SQLException.class, () -> {
            try (CopyIn in = conn.copyIn("COPY copy_errors FROM STDIN")) {
                in.writeRow(1, "a");
                in.writeRow(1, "b");
                in.end();
            }
        });
        assertThat(e.getSQLState()).isEqualTo("23505");
        afterFailure(autocommit);
    }

    @Test
    void aServerErrorStopsABigCopyEarlyWithoutReadingTheWholeInput() throws SQLException {
        long[] supplied = {0};
        Reader endless = new Reader() {
            private long row;

            @Override
            public int read(char[] buf, int off, int len) {
                String line = row == 0 ? "x\tbad\n" : row + "\tname\n";
                row++;
                int n = Math.min(len, line.length());
                line.getChars(0, n, buf, off);
                supplied[0] += n;
                return n;
            }

            @Override
            public void close() { }
        };
        SQLException e = TestServer.thrown(SQLException.class, () -> conn.copy().copyIn("COPY copy_errors FROM STDIN", endless));
        assertThat(e.getSQLState()).isEqualTo("22P02");
        assertThat(supplied[0]).as("characters read from an endless input").isPositive();
        afterFailure(true);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aReaderThatThrowsAbortsTheCopy(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        Reader failing = new Reader() {
            private int calls;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (calls++ > 0) throw new IOException("disk on fire");
                "1\ta\n".getChars(0, 4, buf, off);
                return 4;
            }

            @Override
            public void close() { }
        };
        SQLException e = TestServer.thrown(SQLException.class, () -> conn.copy().copyIn("COPY copy_errors FROM STDIN", failing));
        assertThat(e.getSQLState()).isEqualTo("57014");
        assertThat(e.getMessage()).contains("disk on fire");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        afterFailure(autocommit);
    }

    @Test
    void anExceptionWhileWritingRowsAbortsTheCopyOnClose() throws SQLException {
        IllegalStateException thrown = TestServer.thrown(IllegalStateException.class, () -> {
            try (CopyIn in = conn.copyIn("COPY copy_errors FROM STDIN")) {
                in.writeRow(1, "a");
                throw new IllegalStateException("the caller's own bug");
            }
        });
        assertThat(thrown).hasMessage("the caller's own bug");
        afterFailure(true);
    }

    @Test
    void aValueThatCannotBeEncodedAbortsTheCopy() throws SQLException {
        SQLException e = TestServer.thrown(SQLException.class, () -> {
            try (CopyIn in = conn.copyIn("COPY copy_errors FROM STDIN")) {
                in.writeRow(1, "a");
                in.writeRow(2, new Object());
            }
        });
        assertThat(e.getSQLState()).isEqualTo("57014");
        afterFailure(true);
    }

    @Test
    void abortReturnsTheServersAnswer() throws SQLException {
        CopyIn in = conn.copyIn("COPY copy_errors FROM STDIN");
        in.writeRow(1, "a");
        SQLException answer = in.abort("changed my mind");
        assertThat(answer.getSQLState()).isEqualTo("57014");
        assertThat(answer.getMessage()).contains("changed my mind");
        assertThat(in.isActive()).isFalse();
        assertThat((Object) in.abort("again")).isNull();
        assertThat(TestServer.thrown(SQLException.class, () -> in.writeRow(2, "b")).getSQLState()).isEqualTo("55000");
        afterFailure(true);
    }

    @Test
    void aStatementThatIsNoCopyIsRefused() throws SQLException {
        SQLException e = TestServer.thrown(SQLException.class, () -> conn.copyIn("SELECT 1"));
        assertThat(e.getSQLState()).isEqualTo("42809");
        SQLException wrongWay = TestServer.thrown(SQLException.class, () -> conn.copyIn("COPY copy_errors TO STDOUT"));
        assertThat(wrongWay.getSQLState()).isEqualTo("42809");
        SQLException otherWay = TestServer.thrown(SQLException.class, () -> conn.copyOut("COPY copy_errors FROM STDIN"));
        assertThat(otherWay.getSQLState()).isEqualTo("42809");
        SQLException missing = TestServer.thrown(SQLException.class, () -> conn.copyIn("COPY no_such_table FROM STDIN"));
        assertThat(missing.getSQLState()).isEqualTo("42P01");
        afterFailure(true);
    }

    @Test
    void copyThroughPlainStatementsPointsToTheCopyApi() throws SQLException {
        try (Statement st = conn.createStatement()) {
            SQLException in = TestServer.thrown(SQLException.class, () -> st.execute("COPY copy_errors FROM STDIN"));
            assertThat(in.getMessage()).contains("YsqlConnection.copy()");
            SQLException out = TestServer.thrown(SQLException.class, () -> st.execute("COPY copy_errors TO STDOUT"));
            assertThat(out.getMessage()).contains("YsqlConnection.copy()");
        }
        try (PreparedStatement ps = conn.prepareStatement("COPY copy_errors FROM STDIN")) {
            SQLException in = TestServer.thrown(SQLException.class, ps::execute);
            assertThat(in.getSQLState()).isEqualTo("0A000");
            assertThat(in.getMessage()).contains("YsqlConnection.copy()");
        }
        exec("INSERT INTO copy_errors VALUES (7, 'seven')");
        try (PreparedStatement ps = conn.prepareStatement("COPY copy_errors TO STDOUT")) {
            SQLException out = TestServer.thrown(SQLException.class, ps::execute);
            assertThat(out.getSQLState()).isEqualTo("0A000");
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aCopyOutThatFailsMidwayRaisesTheServersError() throws SQLException {
        try (CopyOut out = conn.copyOut("COPY (SELECT 10 / (3 - g) FROM generate_series(1, 5) g) TO STDOUT")) {
            assertThat(out.readRow()).containsExactly("5");
            assertThat(out.readRow()).containsExactly("10");
            SQLException e = TestServer.thrown(SQLException.class, out::readRow);
            assertThat(e.getSQLState()).isEqualTo("22012");
            assertThat(out.isActive()).isFalse();
        }
        afterFailure(true);
    }

    /** The copy left nothing behind; in a transaction, the transaction is failed until rolled back. */
    private void afterFailure(boolean autocommit) throws SQLException {
        if (!autocommit) {
            SQLException e = TestServer.thrown(SQLException.class, this::count);
            assertThat(e.getSQLState()).isEqualTo("25P02");
            conn.rollback();
            conn.setAutoCommit(true);
        }
        assertThat(count()).isZero();
        assertThat(conn.copy().copyIn("COPY copy_errors FROM STDIN", new StringReader("1\tok\n"))).isEqualTo(1);
        exec("DELETE FROM copy_errors");
    }

    private int count() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM copy_errors")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}
