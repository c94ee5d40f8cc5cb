package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.session.TransactionStatus;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PreparedStatement} with {@code ?} placeholders against the server: each setter's value
 * comes back unchanged through a SELECT and through a table; a missing parameter is refused
 * before anything is sent; batches of many rows, and a batch that fails midway; {@code ?} inside
 * literals, quoted identifiers, comments and dollar quotes is left alone.
 */
class PreparedStatementIT {
    private static final String TEXT = "héllo 'quoted' \"double\" \\ ✓ 😀";
    private static final byte[] BYTES = {0, 1, 2, (byte) 0x7f, (byte) 0x80, (byte) 0xff, '\\', '\''};
    private static final BigDecimal NUMERIC = new BigDecimal("-12345678901234567890.000000000123");

    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connect();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private int count(String table) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void settersRoundTripThroughSelect() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT ?::int4, ?::int8, ?::float8, ?::text, ?::bool, ?::bytea, ?::numeric, ?::int4, ?::text, ?::int2, ?::float4")) {
            ps.setInt(1, Integer.MIN_VALUE);
            ps.setLong(2, Long.MAX_VALUE);
            ps.setDouble(3, -1.0e-300);
            ps.setString(4, TEXT);
            ps.setBoolean(5, true);
            ps.setBytes(6, BYTES);
            ps.setBigDecimal(7, NUMERIC);
            ps.setNull(8, Types.INTEGER);
            ps.setObject(9, "via setObject");
            ps.setShort(10, Short.MIN_VALUE);
            ps.setFloat(11, 1.5f);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(Integer.MIN_VALUE);
                assertThat(rs.getLong(2)).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getDouble(3)).isEqualTo(-1.0e-300);
                assertThat(rs.getString(4)).isEqualTo(TEXT);
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getBytes(6)).containsExactly(BYTES);
                assertThat(rs.getBigDecimal(7)).isEqualTo(NUMERIC);
                assertThat(rs.getInt(8)).isZero();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.getObject(8)).isNull();
                assertThat(rs.getString(9)).isEqualTo("via setObject");
                assertThat(rs.wasNull()).isFalse();
                assertThat(rs.getShort(10)).isEqualTo(Short.MIN_VALUE);
                assertThat(rs.getFloat(11)).isEqualTo(1.5f);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void setObjectInfersTheTypeFromTheClass() throws SQLException {
        UUID uuid = UUID.fromString("0e37df36-f698-11e6-8dd4-cb9ced3df976");
        LocalDate day = LocalDate.of(2024, 2, 29);
        LocalDateTime stamp = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, pg_typeof(?)::text, pg_typeof(?)::text, pg_typeof(?)::text")) {
            ps.setObject(1, 7);
            ps.setObject(2, 8L);
            ps.setObject(3, 2.5d);
            ps.setObject(4, NUMERIC);
            ps.setObject(5, Boolean.FALSE);
            ps.setObject(6, BYTES);
            ps.setObject(7, uuid);
            ps.setObject(8, day);
            ps.setObject(9, stamp);
            ps.setObject(10, 7);
            ps.setObject(11, 8L);
            ps.setObject(12, NUMERIC);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isEqualTo(7);
                assertThat(rs.getObject(2)).isEqualTo(8L);
                assertThat(rs.getObject(3)).isEqualTo(2.5d);
                assertThat(rs.getObject(4)).isEqualTo(NUMERIC);
                assertThat(rs.getObject(5)).isEqualTo(Boolean.FALSE);
                assertThat((byte[]) rs.getObject(6)).containsExactly(BYTES);
                assertThat(rs.getObject(7)).isEqualTo(uuid);
                assertThat(rs.getObject(8)).isEqualTo(Date.valueOf(day));
                assertThat(rs.getObject(9)).isEqualTo(Timestamp.valueOf(stamp));
                assertThat(rs.getString(10)).isEqualTo("integer");
                assertThat(rs.getString(11)).isEqualTo("bigint");
                assertThat(rs.getString(12)).isEqualTo("numeric");
            }
        }
    }

    @Test
    void setObjectWithATargetType() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, pg_typeof(?)::text, ?")) {
            ps.setObject(1, "42", Types.INTEGER);
            ps.setObject(2, "42", Types.BIGINT);
            ps.setObject(3, new BigDecimal("1.23456"), Types.NUMERIC, 2);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isEqualTo(42);
                assertThat(rs.getString(2)).isEqualTo("bigint");
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("1.23");
            }
        }
    }

    @Test
    void settersRoundTripThroughATable() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE typed (i int4, l int8, d float8, s text, b bool, by bytea, n numeric, "
                    + "u uuid, dt date, ts timestamp, v varchar(20), nothing int4)");
        }
        UUID uuid = UUID.randomUUID();
        Date day = Date.valueOf("1999-12-31");
        Timestamp stamp = Timestamp.valueOf("2000-01-01 00:00:00.000001");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, 123);
            ps.setLong(2, -9_000_000_000L);
            ps.setDouble(3, Math.PI);
            ps.setString(4, TEXT);
            ps.setBoolean(5, false);
            ps.setBytes(6, BYTES);
            ps.setBigDecimal(7, NUMERIC);
            ps.setObject(8, uuid);
            ps.setDate(9, day);
            ps.setTimestamp(10, stamp);
            ps.setString(11, "varchar value");
            ps.setNull(12, Types.INTEGER);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM typed")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("i")).isEqualTo(123);
            assertThat(rs.getLong("l")).isEqualTo(-9_000_000_000L);
            assertThat(rs.getDouble("d")).isEqualTo(Math.PI);
            assertThat(rs.getString("s")).isEqualTo(TEXT);
            assertThat(rs.getBoolean("b")).isFalse();
            assertThat(rs.getBytes("by")).containsExactly(BYTES);
            assertThat(rs.getBigDecimal("n")).isEqualTo(NUMERIC);
            assertThat(rs.getObject("u")).isEqualTo(uuid);
            assertThat(rs.getDate("dt")).isEqualTo(day);
            assertThat(rs.getTimestamp("ts")).isEqualTo(stamp);
            assertThat(rs.getString("v")).isEqualTo("varchar value");
            assertThat(rs.getObject("nothing")).isNull();
            assertThat(rs.wasNull()).isTrue();
        }
    }

    @Test
    void theSameStatementRunsManyTimesWithNewValues() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int8 * 2, ?::text || '!'")) {
            for (int i = 0; i < 5; i++) {
                ps.setLong(1, i * 1_000_000_000_000L);
                ps.setString(2, "run " + i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(i * 2_000_000_000_000L);
                    assertThat(rs.getString(2)).isEqualTo("run " + i + "!");
                }
            }
        }
    }

    @Test
    void aMissingParameterIsRefusedBeforeAnythingIsSent() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE pair (a int, b int)");
        }
        conn.setAutoCommit(false);
        var session = conn.unwrap(JdbcConnection.class).session();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pair VALUES (?, ?)")) {
            ps.setInt(1, 1);
            SQLException e = TestServer.thrown(SQLException.class, ps::executeUpdate);
            assertThat(e.getSQLState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("parameter 2");
            // not even the BEGIN of the transaction reached the server
            assertThat(session.transactionStatus()).isEqualTo(TransactionStatus.IDLE);

            ps.setInt(2, 2);
            assertThat(ps.executeUpdate()).isEqualTo(1);
            ps.clearParameters();
            assertThat(TestServer.thrown(SQLException.class, ps::executeUpdate).getSQLState()).isEqualTo("22023");
        }
        conn.commit();
        assertThat(count("pair")).isEqualTo(1);
    }

    @Test
    void aParameterIndexOutOfRangeIsRefused() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int")) {
            SQLException e = TestServer.thrown(SQLException.class, () -> ps.setInt(2, 1));
            assertThat(e.getSQLState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("2").contains("1 parameter");
            TestServer.thrown(SQLException.class, () -> ps.setInt(0, 1));
        }
    }

    @Test
    void batchOfAThousandRows() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE many (id int PRIMARY KEY, label text, maybe int)");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO many VALUES (?, ?, ?)")) {
            for (int i = 0; i < 1000; i++) {
                ps.setInt(1, i);
                ps.setString(2, "row " + i);
                if (i % 3 == 0) ps.setNull(3, Types.INTEGER);
                else ps.setInt(3, i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(1000);
            assertThat(Arrays.stream(counts).distinct().toArray()).containsExactly(1);
        }
        assertThat(count("many")).isEqualTo(1000);
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(maybe), sum(id), max(label) FROM many")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(666);
            assertThat(rs.getLong(2)).isEqualTo(999L * 1000 / 2);
            assertThat(rs.getString(3)).isEqualTo("row 999");
        }
    }

    @Test
    void aBatchWithAFailingRowReportsTheCountsBeforeIt() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE uniq (id int PRIMARY KEY)");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO uniq VALUES (?)")) {
            for (int id : new int[] {1, 2, 3, 2, 5}) {
                ps.setInt(1, id);
                ps.addBatch();
            }
            BatchUpdateException e = TestServer.thrown(BatchUpdateException.class, ps::executeBatch);

            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(e.getUpdateCounts()).containsExactly(1, 1, 1);
            assertThat(e.getMessage()).contains("batch entry 4 of 5").contains("uniq_pkey");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("23505");
        }
        // autocommit: the batch ran as one implicit transaction, so none of it is kept
        assertThat(count("uniq")).isZero();
        // and the connection is usable afterwards
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO uniq VALUES (?)")) {
            ps.setInt(1, 9);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void questionMarksInLiteralsCommentsAndQuotesAreNotParameters() throws SQLException {
        String sql = "SELECT ?::int AS p, '?' AS lit, 'it''s ?' AS esc, E'\\'?' AS e, $$?$$ AS dollar, "
                + "$tag$ ? $$ ? $tag$ AS tagged, 1 AS \"col?\" /* ? /* nested ? */ ? */, ?::text AS q -- ? here\n"
                + "WHERE true";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, 5);
            ps.setString(2, "second");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("p")).isEqualTo(5);
                assertThat(rs.getString("lit")).isEqualTo("?");
                assertThat(rs.getString("esc")).isEqualTo("it's ?");
                assertThat(rs.getString("e")).isEqualTo("'?");
                assertThat(rs.getString("dollar")).isEqualTo("?");
                assertThat(rs.getString("tagged")).isEqualTo(" ? $$ ? ");
                assertThat(rs.getInt("col?")).isEqualTo(1);
                assertThat(rs.getString("q")).isEqualTo("second");
            }
            SQLException e = TestServer.thrown(SQLException.class, () -> ps.setString(3, "no third"));
            assertThat(e.getMessage()).contains("2 parameters");
        }
    }
}
