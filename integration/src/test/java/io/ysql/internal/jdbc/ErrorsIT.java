package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.error.HasServerError;
import io.ysql.error.ServerError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server errors reach the caller whole: the SQLSTATE picks the SQLException subclass, every
 * ErrorResponse field (position, constraint, table, detail, hint) is available through
 * {@link HasServerError}, the connection stays usable after an error in autocommit mode, and
 * notices arrive as statement warnings.
 */
class ErrorsIT {
    private Connection conn;
    private Statement st;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connect();
        st = conn.createStatement();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static ServerError serverError(SQLException e) {
        assertThat((Throwable) e).isInstanceOf(HasServerError.class);
        return ((HasServerError) e).serverError();
    }

    private void assertUsable() throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 41 + 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void syntaxErrorHasItsPosition() throws SQLException {
        SQLSyntaxErrorException e = TestServer.thrown(SQLSyntaxErrorException.class,
                () -> st.executeQuery("SELECT * FRM nowhere"));
        assertThat(e.getSQLState()).isEqualTo("42601");
        assertThat(e.getMessage()).contains("syntax error at or near \"FRM\"");
        ServerError error = serverError(e);
        assertThat(error.position()).isEqualTo(10);
        assertThat(error.severityNonLocalized()).isEqualTo("ERROR");
        assertThat(error.routine()).isNotBlank();
        assertUsable();
    }

    @Test
    void syntaxErrorInAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ? FROM WHERE")) {
            ps.setInt(1, 1);
            SQLSyntaxErrorException e = TestServer.thrown(SQLSyntaxErrorException.class, ps::executeQuery);
            assertThat(e.getSQLState()).isEqualTo("42601");
            assertThat(serverError(e).position()).isPositive();
        }
        assertUsable();
    }

    @Test
    void undefinedTableIsASyntaxErrorClass() throws SQLException {
        SQLSyntaxErrorException e = TestServer.thrown(SQLSyntaxErrorException.class,
                () -> st.executeQuery("SELECT * FROM no_such_table"));
        assertThat(e.getSQLState()).isEqualTo("42P01");
        assertThat(e.getMessage()).contains("relation \"no_such_table\" does not exist");
        assertThat(serverError(e).position()).isEqualTo(15);
    }

    @Test
    void uniqueViolationNamesTheConstraint() throws SQLException {
        st.execute("CREATE TEMP TABLE uq (id int CONSTRAINT uq_id_key PRIMARY KEY)");
        st.execute("INSERT INTO uq VALUES (1)");
        SQLIntegrityConstraintViolationException e = TestServer.thrown(SQLIntegrityConstraintViolationException.class,
                () -> st.executeUpdate("INSERT INTO uq VALUES (1)"));
        assertThat(e.getSQLState()).isEqualTo("23505");
        ServerError error = serverError(e);
        assertThat(error.constraint()).isEqualTo("uq_id_key");
        assertThat(error.table()).isEqualTo("uq");
        assertThat(error.detail()).isEqualTo("Key (id)=(1) already exists.");
        assertThat(e.getMessage()).contains("uq_id_key").contains("Key (id)=(1) already exists.");
        assertUsable();
    }

    @Test
    void uniqueViolationThroughAPreparedStatement() throws SQLException {
        st.execute("CREATE TEMP TABLE uq2 (id int PRIMARY KEY)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO uq2 VALUES (?)")) {
            ps.setInt(1, 5);
            ps.executeUpdate();
            SQLIntegrityConstraintViolationException e = TestServer.thrown(
                    SQLIntegrityConstraintViolationException.class, ps::executeUpdate);
            assertThat(serverError(e).constraint()).isEqualTo("uq2_pkey");
        }
    }

    @Test
    void otherIntegrityViolations() throws SQLException {
        st.execute("CREATE TEMP TABLE checked (id int NOT NULL, v int CHECK (v > 0))");
        SQLException notNull = TestServer.thrown(SQLIntegrityConstraintViolationException.class,
                () -> st.execute("INSERT INTO checked VALUES (NULL, 1)"));
        assertThat(notNull.getSQLState()).isEqualTo("23502");
        assertThat(serverError(notNull).column()).isEqualTo("id");
        SQLException check = TestServer.thrown(SQLIntegrityConstraintViolationException.class,
                () -> st.execute("INSERT INTO checked VALUES (1, -1)"));
        assertThat(check.getSQLState()).isEqualTo("23514");
        assertThat(serverError(check).constraint()).isEqualTo("checked_v_check");
    }

    @Test
    void divisionByZeroIsADataException() throws SQLException {
        SQLDataException e = TestServer.thrown(SQLDataException.class, () -> st.executeQuery("SELECT 1/0"));
        assertThat(e.getSQLState()).isEqualTo("22012");
        assertThat(e.getMessage()).contains("division by zero");
        try (PreparedStatement ps = conn.prepareStatement("SELECT 10 / ?")) {
            ps.setInt(1, 0);
            assertThat(TestServer.thrown(SQLDataException.class, ps::executeQuery).getSQLState()).isEqualTo("22012");
            ps.setInt(1, 5);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void invalidTextIsADataException() throws SQLException {
        SQLDataException e = TestServer.thrown(SQLDataException.class, () -> st.executeQuery("SELECT 'abc'::int"));
        assertThat(e.getSQLState()).isEqualTo("22P02");
    }

    @Test
    void raisedExceptionCarriesDetailHintAndCode() throws SQLException {
        SQLException e = TestServer.thrown(SQLException.class, () -> st.execute(
                "DO $$ BEGIN RAISE EXCEPTION 'custom failure %', 7 USING ERRCODE = 'P0001', "
                        + "DETAIL = 'some detail', HINT = 'some hint'; END $$"));
        assertThat(e.getSQLState()).isEqualTo("P0001");
        assertThat(e.getMessage()).contains("custom failure 7").contains("some detail").contains("some hint");
        ServerError error = serverError(e);
        assertThat(error.message()).isEqualTo("custom failure 7");
        assertThat(error.detail()).isEqualTo("some detail");
        assertThat(error.hint()).isEqualTo("some hint");
        assertThat(error.where()).contains("PL/pgSQL");
        assertUsable();
    }

    @Test
    void statementTimeoutIsASqlTimeoutException() throws SQLException {
        st.execute("SET statement_timeout = 50");
        SQLTimeoutException e = TestServer.thrown(SQLTimeoutException.class, () -> st.execute("SELECT pg_sleep(30)"));
        assertThat(e.getSQLState()).isEqualTo("57014");
        st.execute("RESET statement_timeout");
        assertUsable();
    }

    @Test
    void noticesBecomeStatementWarnings() throws SQLException {
        st.execute("DO $$ BEGIN RAISE NOTICE 'hi'; RAISE WARNING 'careful'; END $$");
        List<SQLWarning> warnings = new ArrayList<>();
        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) warnings.add(w);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0).getMessage()).contains("hi");
        assertThat(warnings.get(0).getSQLState()).isEqualTo("00000");
        assertThat(warnings.get(1).getMessage()).contains("careful");
        assertThat(warnings.get(1).getSQLState()).isEqualTo("01000");

        st.clearWarnings();
        assertThat((Throwable) st.getWarnings()).isNull();
        st.execute("DO $$ BEGIN RAISE NOTICE 'again'; END $$");
        assertThat(st.getWarnings().getMessage()).contains("again");
        st.execute("SELECT 1");
        assertThat((Throwable) st.getWarnings()).as("a new execution clears the warnings").isNull();
    }

    @Test
    void noticesOnAPreparedStatement() throws SQLException {
        st.execute("CREATE FUNCTION pg_temp.noisy(n int) RETURNS int LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE NOTICE 'noisy %', n; RETURN n; END $$");
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_temp.noisy(?)")) {
            ps.setInt(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
            assertThat((Throwable) ps.getWarnings()).isNotNull();
            assertThat(ps.getWarnings().getMessage()).contains("noisy 3");
        }
    }

    @Test
    void errorsInAMultiStatementStringStopIt() throws SQLException {
        st.execute("CREATE TEMP TABLE stops (a int)");
        SQLException e = TestServer.thrown(SQLException.class,
                () -> st.execute("INSERT INTO stops VALUES (1); SELECT 1/0; INSERT INTO stops VALUES (2)"));
        assertThat(e.getSQLState()).isEqualTo("22012");
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM stops")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("one simple query is one implicit transaction").isZero();
        }
    }
}
