package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading results: typed getters per type, getString on every type, getObject's classes (those
 * pgjdbc returns), NULL and wasNull, column lookup by label, the errors for a bad column or a
 * cursor off a row, and ResultSetMetaData for numeric and varchar columns. Each check runs on a
 * text result (Statement) and on a binary one (a prepared statement's second run).
 */
class ResultSetIT {
    private static final String ROW = "SELECT 12::int2 AS i2, 2147483647::int4 AS i4, 9007199254740993::int8 AS i8, "
            + "1.5::float4 AS f4, 2.25::float8 AS f8, 123.450::numeric(10,3) AS n, true AS b, 'text ✓'::text AS t, "
            + "'\\x00ff10'::bytea AS by, DATE '2024-02-29' AS d, TIMESTAMP '2024-02-29 13:14:15.123456' AS ts, "
            + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, 'abc'::varchar(20) AS v, NULL::int4 AS nothing";

    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connect();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    /** The row through a Statement ("text") or through the second run of a PreparedStatement ("binary"). */
    private ResultSet row(String how) throws SQLException {
        ResultSet rs;
        if (how.equals("text")) {
            rs = conn.createStatement().executeQuery(ROW);
        } else {
            PreparedStatement ps = conn.prepareStatement(ROW);
            ps.executeQuery().close();
            rs = ps.executeQuery();
        }
        assertThat(rs.next()).isTrue();
        return rs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void typedGetters(String how) throws SQLException {
        ResultSet rs = row(how);
        assertThat(rs.getShort("i2")).isEqualTo((short) 12);
        assertThat(rs.getInt("i2")).isEqualTo(12);
        assertThat(rs.getInt("i4")).isEqualTo(Integer.MAX_VALUE);
        assertThat(rs.getLong("i4")).isEqualTo(Integer.MAX_VALUE);
        assertThat(rs.getLong("i8")).isEqualTo(9007199254740993L);
        assertThat(rs.getFloat("f4")).isEqualTo(1.5f);
        assertThat(rs.getDouble("f4")).isEqualTo(1.5d);
        assertThat(rs.getDouble("f8")).isEqualTo(2.25d);
        assertThat(rs.getBigDecimal("n")).isEqualTo(new BigDecimal("123.450"));
        assertThat(rs.getDouble("n")).isEqualTo(123.45d);
        assertThat(rs.getInt("n")).isEqualTo(123);
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getBytes("by")).containsExactly(0x00, 0xff, 0x10);
        assertThat(rs.getDate("d")).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-02-29 13:14:15.123456"));
        assertThat(rs.getTimestamp("d")).isEqualTo(Timestamp.valueOf("2024-02-29 00:00:00"));
        assertThat(rs.getBigDecimal("i8")).isEqualTo(new BigDecimal("9007199254740993"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void getStringOnEveryType(String how) throws SQLException {
        ResultSet rs = row(how);
        assertThat(rs.getString("i2")).isEqualTo("12");
        assertThat(rs.getString("i4")).isEqualTo("2147483647");
        assertThat(rs.getString("i8")).isEqualTo("9007199254740993");
        assertThat(rs.getString("f4")).isEqualTo("1.5");
        assertThat(rs.getString("f8")).isEqualTo("2.25");
        assertThat(rs.getString("n")).isEqualTo("123.450");
        assertThat(rs.getString("b")).isEqualTo("t");
        assertThat(rs.getString("t")).isEqualTo("text ✓");
        assertThat(rs.getString("by")).isEqualTo("\\x00ff10");
        assertThat(rs.getString("d")).isEqualTo("2024-02-29");
        assertThat(rs.getString("ts")).isEqualTo("2024-02-29 13:14:15.123456");
        assertThat(rs.getString("u")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(rs.getString("v")).isEqualTo("abc");
        assertThat(rs.getString("nothing")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void getObjectReturnsPgjdbcsClasses(String how) throws SQLException {
        ResultSet rs = row(how);
        assertThat(rs.getObject("i2")).isInstanceOf(Integer.class).isEqualTo(12);
        assertThat(rs.getObject("i4")).isInstanceOf(Integer.class).isEqualTo(Integer.MAX_VALUE);
        assertThat(rs.getObject("i8")).isInstanceOf(Long.class).isEqualTo(9007199254740993L);
        assertThat(rs.getObject("f4")).isInstanceOf(Float.class).isEqualTo(1.5f);
        assertThat(rs.getObject("f8")).isInstanceOf(Double.class).isEqualTo(2.25d);
        assertThat(rs.getObject("n")).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("123.450"));
        assertThat(rs.getObject("b")).isInstanceOf(Boolean.class).isEqualTo(true);
        assertThat(rs.getObject("t")).isInstanceOf(String.class).isEqualTo("text ✓");
        assertThat(rs.getObject("by")).isInstanceOf(byte[].class);
        assertThat((byte[]) rs.getObject("by")).containsExactly(0x00, 0xff, 0x10);
        assertThat(rs.getObject("d")).isInstanceOf(Date.class).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getObject("ts")).isInstanceOf(Timestamp.class)
                .isEqualTo(Timestamp.valueOf("2024-02-29 13:14:15.123456"));
        assertThat(rs.getObject("u")).isInstanceOf(UUID.class)
                .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(rs.getObject("v")).isInstanceOf(String.class).isEqualTo("abc");
        assertThat(rs.getObject("nothing")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void getObjectWithAClass(String how) throws SQLException {
        ResultSet rs = row(how);
        assertThat(rs.getObject("i4", Long.class)).isEqualTo((long) Integer.MAX_VALUE);
        assertThat(rs.getObject("i2", Short.class)).isEqualTo((short) 12);
        assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
        assertThat(rs.getObject("n", BigDecimal.class)).isEqualTo(new BigDecimal("123.450"));
        assertThat(rs.getObject("nothing", Integer.class)).isNull();
        SQLException e = TestServer.thrown(SQLException.class, () -> rs.getObject("i4", java.util.List.class));
        assertThat(e.getMessage()).contains("int4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void nullAndWasNull(String how) throws SQLException {
        ResultSet rs = row(how);
        assertThat(rs.getInt("nothing")).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getInt("i4")).isEqualTo(Integer.MAX_VALUE);
        assertThat(rs.wasNull()).isFalse();
        assertThat(rs.getLong("nothing")).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getBoolean("nothing")).isFalse();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getBigDecimal("nothing")).isNull();
        assertThat(rs.getBytes("nothing")).isNull();
        assertThat(rs.getDate("nothing")).isNull();
        assertThat(rs.getTimestamp("nothing")).isNull();
        assertThat(rs.wasNull()).isTrue();
    }

    @Test
    void findColumnIgnoresCaseAndTheFirstOfTwoNamesWins() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 AS id, 2 AS \"MixedCase\", 3 AS dup, 4 AS dup")) {
            assertThat(rs.findColumn("ID")).isEqualTo(1);
            assertThat(rs.findColumn("id")).isEqualTo(1);
            assertThat(rs.findColumn("mixedcase")).isEqualTo(2);
            assertThat(rs.findColumn("MIXEDCASE")).isEqualTo(2);
            assertThat(rs.findColumn("dup")).isEqualTo(3);
            SQLException e = TestServer.thrown(SQLException.class, () -> rs.findColumn("missing"));
            assertThat(e.getSQLState()).isEqualTo("42703");
            assertThat(e.getMessage()).contains("missing");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("Dup")).isEqualTo(3);
        }
    }

    @Test
    void columnIndexOutOfRange() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1, 2")) {
            assertThat(rs.next()).isTrue();
            for (int bad : new int[] {0, 3, -1}) {
                SQLException e = TestServer.thrown(SQLException.class, () -> rs.getInt(bad));
                assertThat(e.getMessage()).contains("column index " + bad).contains("out of range").contains("2 columns");
            }
            SQLException e = TestServer.thrown(SQLException.class, () -> rs.getMetaData().getColumnName(3));
            assertThat(e.getMessage()).contains("out of range");
        }
    }

    @Test
    void gettersBeforeFirstAndAfterLastRowFail() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 AS one")) {
            assertThat(rs.isBeforeFirst()).isTrue();
            SQLException before = TestServer.thrown(SQLException.class, () -> rs.getInt(1));
            assertThat(before.getSQLState()).isEqualTo("24000");
            assertThat(before.getMessage()).contains("next()");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getRow()).isEqualTo(1);
            assertThat(rs.getInt("one")).isEqualTo(1);
            assertThat(rs.next()).isFalse();
            assertThat(rs.isAfterLast()).isTrue();
            SQLException after = TestServer.thrown(SQLException.class, () -> rs.getString(1));
            assertThat(after.getSQLState()).isEqualTo("24000");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void emptyResult() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 WHERE false")) {
            assertThat(rs.isBeforeFirst()).isFalse();
            assertThat(rs.next()).isFalse();
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
        }
    }

    @Test
    void forwardOnlyRefusesScrolling() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
            SQLException e = TestServer.thrown(SQLException.class, rs::previous);
            assertThat(e.getMessage()).contains("TYPE_FORWARD_ONLY");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary"})
    void resultSetMetaData(String how) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE measured (amount numeric(10,2), label varchar(20), qty int4, note text, "
                    + "at timestamp, flag bool)");
        }
        String sql = "SELECT amount, label AS \"Label\", qty, note, at, flag FROM measured";
        ResultSet rs = how.equals("text") ? conn.createStatement().executeQuery(sql) : binaryRun(sql);
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnCount()).isEqualTo(6);

        assertThat(md.getColumnName(1)).isEqualTo("amount");
        assertThat(md.getColumnLabel(1)).isEqualTo("amount");
        assertThat(md.getColumnType(1)).isEqualTo(Types.NUMERIC);
        assertThat(md.getColumnTypeName(1)).isEqualTo("numeric");
        assertThat(md.getColumnClassName(1)).isEqualTo("java.math.BigDecimal");
        assertThat(md.getPrecision(1)).isEqualTo(10);
        assertThat(md.getScale(1)).isEqualTo(2);

        assertThat(md.getColumnLabel(2)).isEqualTo("Label");
        assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
        assertThat(md.getColumnTypeName(2)).isEqualTo("varchar");
        assertThat(md.getColumnClassName(2)).isEqualTo("java.lang.String");
        assertThat(md.getPrecision(2)).isEqualTo(20);
        assertThat(md.getScale(2)).isZero();

        assertThat(md.getColumnType(3)).isEqualTo(Types.INTEGER);
        assertThat(md.getColumnTypeName(3)).isEqualTo("int4");
        assertThat(md.getColumnClassName(3)).isEqualTo("java.lang.Integer");
        assertThat(md.getPrecision(3)).isEqualTo(10);

        assertThat(md.getColumnType(4)).isEqualTo(Types.VARCHAR);
        assertThat(md.getColumnTypeName(4)).isEqualTo("text");

        assertThat(md.getColumnType(5)).isEqualTo(Types.TIMESTAMP);
        assertThat(md.getColumnClassName(5)).isEqualTo("java.sql.Timestamp");

        assertThat(md.getColumnType(6)).isEqualTo(Types.BIT);
        assertThat(md.getColumnClassName(6)).isEqualTo("java.lang.Boolean");
    }

    private ResultSet binaryRun(String sql) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        ps.executeQuery().close();
        return ps.executeQuery();
    }
}
