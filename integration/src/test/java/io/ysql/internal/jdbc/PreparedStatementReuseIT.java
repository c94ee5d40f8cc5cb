package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.YsqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements prepared again and again from one SQL text on one connection, as a pool's borrowers
 * do: they share the connection's scan of the text and its parameter arrays, yet each keeps its
 * own parameters, settings, results and closed state.
 */
class PreparedStatementReuseIT {
    private static final String SQL = "SELECT ?::int + 1, ?::text";

    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connect();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void aStatementPreparedAfterAClosedOneOfTheSameTextHasNoValuesOfIts() throws SQLException {
        try (PreparedStatement first = conn.prepareStatement(SQL)) {
            first.setInt(1, 41);
            first.setString(2, "secret");
            try (ResultSet rs = first.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        try (PreparedStatement second = conn.prepareStatement(SQL)) {
            SQLException none = TestServer.thrown(SQLException.class, second::executeQuery);
            assertThat(none.getSQLState()).isEqualTo("22023");
            assertThat(none.getMessage()).contains("parameter 1");
            second.setInt(1, 1);
            SQLException e = TestServer.thrown(SQLException.class, second::executeQuery);
            assertThat(e.getSQLState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("parameter 2");
            second.setString(2, "own");
            try (ResultSet rs = second.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getString(2)).isEqualTo("own");
            }
        }
    }

    @Test
    void aClosedStatementStaysClosedWhenItsTextIsPreparedAgain() throws SQLException {
        PreparedStatement closed = conn.prepareStatement(SQL);
        closed.setInt(1, 1);
        closed.setString(2, "a");
        ResultSet oldRows = closed.executeQuery();
        closed.close();
        try (PreparedStatement again = conn.prepareStatement(SQL)) {
            again.setInt(1, 2);
            again.setString(2, "b");
            try (ResultSet rs = again.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("b");
            }
        }
        assertThat(closed.isClosed()).isTrue();
        assertThat(oldRows.isClosed()).isTrue();
        assertThat(TestServer.thrown(SQLException.class, closed::executeQuery).getSQLState()).isEqualTo("08003");
        assertThat(TestServer.thrown(SQLException.class, oldRows::next).getSQLState()).isEqualTo("24000");
    }

    @Test
    void oneStatementsPrepareThresholdLeavesTheOthersOfTheSameText() throws SQLException {
        try (PreparedStatement own = conn.prepareStatement(SQL); PreparedStatement other = conn.prepareStatement(SQL)) {
            own.unwrap(YsqlStatement.class).setPrepareThreshold(0);

            assertThat(own.unwrap(YsqlStatement.class).getPrepareThreshold()).isZero();
            assertThat(other.unwrap(YsqlStatement.class).getPrepareThreshold()).isEqualTo(5);
            for (int i = 0; i < 7; i++) {
                for (PreparedStatement ps : List.of(own, other)) {
                    ps.setInt(1, i);
                    ps.setString(2, "r" + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(i + 1);
                        assertThat(rs.getString(2)).isEqualTo("r" + i);
                    }
                }
            }
        }
        try (PreparedStatement st = conn.prepareStatement("SELECT count(*) FROM pg_prepared_statements WHERE statement = $$"
                + SQL.replace("?::int", "$1::int").replace("?::text", "$2::text") + "$$");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).as("the statement that follows the connection's threshold was prepared once").isEqualTo(1);
        }
    }

    @Test
    void threadsPreparingTheSameTextOnOneConnectionEachGetTheirOwnRows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 200; i++) {
                        int value = thread * 1000 + i;
                        try (PreparedStatement ps = conn.prepareStatement(SQL)) {
                            ps.setInt(1, value);
                            ps.setString(2, "t" + value);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                assertThat(rs.getInt(1)).isEqualTo(value + 1);
                                assertThat(rs.getString(2)).isEqualTo("t" + value);
                                checked++;
                            }
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
