package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Results read in chunks of the fetch size, in autocommit mode and inside transaction blocks. The
 * server shows the chunks: each row calls {@code nextval} on a sequence, which another connection
 * reads, so the sequence stands at the number of rows the server has produced so far.
 */
class StreamingIT {
    private static final String COUNTED = "SELECT nextval('stream_it.seq') AS n, i FROM generate_series(1, 100) AS i";

    private Connection conn;
    private Connection observer;

    @BeforeEach
    void open() throws SQLException {
        observer = TestServer.connect();
        try (Statement st = observer.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS stream_it CASCADE");
            st.execute("CREATE SCHEMA stream_it");
            st.execute("CREATE SEQUENCE stream_it.seq");
            st.execute("CREATE TABLE stream_it.t (id int PRIMARY KEY, v int)");
            st.execute("INSERT INTO stream_it.t VALUES (1, 0)");
        }
        conn = TestServer.connect();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        observer.close();
    }

    /** Rows the server has produced so far. */
    private long produced() throws SQLException {
        try (Statement st = observer.createStatement();
             ResultSet rs = st.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM stream_it.seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest(name = "autocommit={0}")
    @ValueSource(booleans = {true, false})
    void rowsArriveInChunksOfTheFetchSize(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        try (PreparedStatement ps = conn.prepareStatement(COUNTED)) {
            ps.setFetchSize(10);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(produced()).isEqualTo(10);
                for (int i = 2; i <= 10; i++) assertThat(rs.next()).isTrue();
                assertThat(produced()).isEqualTo(10);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("i")).isEqualTo(11);
                assertThat(rs.getRow()).isEqualTo(11);
                assertThat(produced()).isEqualTo(20);
                rs.setFetchSize(30);
                int last = 11;
                while (rs.next()) {
                    assertThat(rs.getInt(2)).isEqualTo(++last);
                    if (last == 21) assertThat(produced()).isEqualTo(50);
                }
                assertThat(last).isEqualTo(100);
                assertThat(rs.isAfterLast()).isTrue();
            }
        }
        if (!autocommit) conn.commit();
        assertThat(produced()).isEqualTo(100);
    }

    @Test
    void withoutAFetchSizeEveryRowArrivesAtOnce() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(COUNTED)) {
            assertThat(rs.next()).isTrue();
            assertThat(produced()).isEqualTo(100);
        }
    }

    @Test
    void aPlainStatementStreamsToo() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(25);
            try (ResultSet rs = st.executeQuery(COUNTED)) {
                assertThat(rs.next()).isTrue();
                assertThat(produced()).isEqualTo(25);
                int n = 1;
                while (rs.next()) n++;
                assertThat(n).isEqualTo(100);
            }
        }
    }

    @Test
    void theDefaultFetchSizeOptionAppliesToEveryStatement() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", TestServer.cluster().superuser());
        p.setProperty("password", TestServer.cluster().superuserPassword());
        p.setProperty("defaultRowFetchSize", "20");
        try (Connection c = java.sql.DriverManager.getConnection(TestServer.cluster().jdbcUrl(), p);
             Statement st = c.createStatement()) {
            assertThat(st.getFetchSize()).isEqualTo(20);
            try (ResultSet rs = st.executeQuery(COUNTED)) {
                assertThat(rs.next()).isTrue();
                assertThat(produced()).isEqualTo(20);
            }
        }
    }

    @ParameterizedTest(name = "autocommit={0}")
    @ValueSource(booleans = {true, false})
    void theSameThreadMayRunOtherStatementsWhileReading(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        try (PreparedStatement ps = conn.prepareStatement(COUNTED);
             PreparedStatement update = conn.prepareStatement("UPDATE stream_it.t SET v = v + ? WHERE id = 1");
             Statement other = conn.createStatement()) {
            ps.setFetchSize(10);
            long sum = 0;
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    sum += rs.getInt("i");
                    update.setInt(1, rs.getInt("i"));
                    assertThat(update.executeUpdate()).isEqualTo(1);
                    if (rows == 15) {
                        try (ResultSet o = other.executeQuery("SELECT count(*) FROM generate_series(1, 7)")) {
                            assertThat(o.next()).isTrue();
                            assertThat(o.getInt(1)).isEqualTo(7);
                        }
                        // outside a block the other statement made the stream read its rest; inside one it did not
                        assertThat(produced()).isEqualTo(autocommit ? 100 : 20);
                    }
                }
            }
            assertThat(rows).isEqualTo(100);
            assertThat(sum).isEqualTo(5050);
            if (!autocommit) conn.commit();
        }
        try (Statement st = observer.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM stream_it.t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(5050);
        }
    }

    @Test
    void insideABlockThePortalIsAServerCursorUntilTheResultCloses() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement(COUNTED); Statement st = conn.createStatement()) {
            ps.setFetchSize(10);
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(portals(st)).hasSize(1);
            rs.close();
            assertThat(portals(st)).isEmpty();
            assertThat(produced()).isEqualTo(10);
        }
        conn.rollback();
    }

    private static List<String> portals(Statement st) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT name FROM pg_cursors WHERE name LIKE 'ysql_portal_%'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    @ParameterizedTest(name = "autocommit={0}")
    @ValueSource(booleans = {true, false})
    void otherThreadsQueryWhileAResultStreams(boolean autocommit) throws Exception {
        conn.setAutoCommit(autocommit);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (PreparedStatement ps = conn.prepareStatement("SELECT i, md5(i::text) FROM generate_series(1, 50000) AS i")) {
            ps.setFetchSize(100);
            List<Future<Long>> others = new ArrayList<>();
            long sum = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    sum += rs.getLong(1);
                    assertThat(rs.getString(2)).hasSize(32);
                    if (rows % 5000 == 0) {
                        int k = rows;
                        others.add(pool.submit(() -> {
                            try (Statement st = conn.createStatement();
                                 ResultSet o = st.executeQuery("SELECT sum(i) FROM generate_series(1, " + k + ") AS i")) {
                                o.next();
                                return o.getLong(1);
                            }
                        }));
                    }
                }
                assertThat(rows).isEqualTo(50000);
            }
            assertThat(sum).isEqualTo(50000L * 50001 / 2);
            for (int i = 0; i < others.size(); i++) {
                long k = (i + 1) * 5000L;
                assertThat(others.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(k * (k + 1) / 2);
            }
        } finally {
            pool.shutdownNow();
        }
        if (!autocommit) conn.commit();
    }

    @ParameterizedTest(name = "autocommit={0}")
    @ValueSource(booleans = {true, false})
    void anErrorMidStreamSurfacesOnTheNextThatReachesIt(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        try (PreparedStatement ps = conn.prepareStatement("SELECT i, 1 / (5000 - i) FROM generate_series(1, 10000) AS i")) {
            ps.setFetchSize(1000);
            ResultSet rs = ps.executeQuery();
            int rows = 0;
            int last = 0;
            SQLException error = null;
            try {
                while (rs.next()) {
                    rows++;
                    last = rs.getInt(1);
                }
            } catch (SQLException e) {
                error = e;
            }
            assertThat((Object) error).isNotNull();
            assertThat(error.getSQLState()).isEqualTo("22012");
            assertThat(rows).isEqualTo(4999);
            assertThat(last).isEqualTo(4999);
            rs.close();
        }
        if (!autocommit) conn.rollback();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 42")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @ParameterizedTest(name = "autocommit={0}")
    @ValueSource(booleans = {true, false})
    void closingEarlyLeavesTheConnectionReady(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        try (PreparedStatement ps = conn.prepareStatement(COUNTED)) {
            ps.setFetchSize(10);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < 5; i++) assertThat(rs.next()).isTrue();
            }
            try (ResultSet rs = ps.executeQuery()) { // the statement again, then closed with the statement
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
        assertThat(produced()).isEqualTo(20);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 'after'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("after");
        }
        if (!autocommit) conn.commit();
    }

    @Test
    void commitEndsTheStreamOfItsBlock() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement(COUNTED)) {
            ps.setFetchSize(10);
            ResultSet rs = ps.executeQuery();
            for (int i = 0; i < 10; i++) assertThat(rs.next()).isTrue();
            conn.commit();
            try (Statement st = conn.createStatement()) {
                st.executeUpdate("UPDATE stream_it.t SET v = 7"); // a new block begins
            }
            assertThatThrownBy(rs::next).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("24000")).hasMessageContaining("transaction");
            rs.close();
            conn.commit(); // the new block was not harmed
        }
        try (Statement st = observer.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM stream_it.t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void maxRowsStopsAStreamedResult() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(COUNTED)) {
            ps.setFetchSize(10);
            ps.setMaxRows(25);
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertThat(rs.isLast()).isEqualTo(n == 25);
                }
                assertThat(n).isEqualTo(25);
            }
        }
        assertThat(produced()).isEqualTo(30);
    }

    @Test
    void isLastLooksAheadAcrossChunks() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT i FROM generate_series(1, 20) AS i")) {
            ps.setFetchSize(10);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.isBeforeFirst()).isTrue();
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertThat(rs.isFirst()).isEqualTo(n == 1);
                    assertThat(rs.isLast()).isEqualTo(n == 20);
                    assertThat(rs.getInt(1)).isEqualTo(n);
                }
                assertThat(n).isEqualTo(20);
            }
        }
    }

    @Test
    void statementsWithoutRowsAndEmptyResultsWorkWithAFetchSize() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE stream_it.t SET v = v + 1")) {
            ps.setFetchSize(10);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(10);
            assertThat(st.execute("BEGIN")).isFalse();
            assertThat(conn.unwrap(JdbcConnection.class).session().transactionStatus().name()).isEqualTo("IN_TRANSACTION");
            st.execute("ROLLBACK");
            try (ResultSet rs = st.executeQuery("SELECT 1 WHERE false")) {
                assertThat(rs.isBeforeFirst()).isFalse();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void rowsDecodeAsWithoutStreaming() throws SQLException {
        String sql = "SELECT i, i * 1.5::numeric, now()::date, 'x' || i, i % 2 = 0 FROM generate_series(1, 50) AS i";
        List<String> plain = read(sql, 0);
        for (int run = 0; run < 7; run++) assertThat(read(sql, 7)).isEqualTo(plain); // through the statement cache too
    }

    private List<String> read(String sql, int fetchSize) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1) + "|" + rs.getBigDecimal(2) + "|" + rs.getDate(3) + "|" + rs.getString(4) + "|"
                            + rs.getBoolean(5) + "|" + rs.getObject(2));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "autocommit={0}")
    @ValueSource(booleans = {true, false})
    void twoStreamsOnOneConnectionReadInTurns(boolean autocommit) throws SQLException {
        conn.setAutoCommit(autocommit);
        try (PreparedStatement a = conn.prepareStatement("SELECT i FROM generate_series(1, 1000) AS i");
             PreparedStatement b = conn.prepareStatement("SELECT -i FROM generate_series(1, 1000) AS i")) {
            a.setFetchSize(10);
            b.setFetchSize(10);
            try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
                long sum = 0;
                int n = 0;
                while (ra.next()) {
                    assertThat(rb.next()).isTrue();
                    sum += ra.getInt(1) + rb.getInt(1);
                    n++;
                }
                assertThat(rb.next()).isFalse();
                assertThat(n).isEqualTo(1000);
                assertThat(sum).isZero();
            }
        }
        if (!autocommit) conn.commit();
    }

    @Test
    void closingTheStatementOrTheConnectionEndsOpenStreams() throws SQLException {
        PreparedStatement ps = conn.prepareStatement(COUNTED);
        ps.setFetchSize(10);
        ResultSet rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        ps.close();
        assertThat(rs.isClosed()).isTrue();
        try (Statement st = conn.createStatement(); ResultSet r = st.executeQuery("SELECT 1")) {
            assertThat(r.next()).isTrue();
        }
        assertThat(produced()).isEqualTo(10);
        PreparedStatement again = conn.prepareStatement(COUNTED);
        again.setFetchSize(10);
        ResultSet open = again.executeQuery();
        assertThat(open.next()).isTrue();
        conn.close();
        assertThat(open.isClosed()).isTrue();
        assertThat(produced()).isEqualTo(20);
    }

    @Test
    void aTypeLookupAfterTheFirstChunkKeepsEveryRow() throws SQLException {
        try (Statement st = observer.createStatement()) {
            st.execute("CREATE TYPE stream_it.mood AS ENUM ('sad', 'happy')");
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT CASE WHEN i % 2 = 0 THEN 'happy' ELSE 'sad' END"
                + "::stream_it.mood, i FROM generate_series(1, 100) AS i")) {
            ps.setFetchSize(10);
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    assertThat(rs.getString(1)).isEqualTo(n % 2 == 0 ? "happy" : "sad");
                    assertThat(rs.getInt(2)).isEqualTo(n);
                }
                assertThat(n).isEqualTo(100);
            }
        }
    }
}
