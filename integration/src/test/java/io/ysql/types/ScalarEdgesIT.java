package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.RequiresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edges of the scalar types: numeric NaN and infinities, money's locale text, bytea's escape
 * output, strings the server cannot take (NUL, unpaired surrogates), the {@code stringtype}
 * option, very long values, Calendar rules, session time-zone changes and the rounding of
 * nanoseconds, each through both result formats where they apply.
 */
class ScalarEdgesIT {
    private YsqlConnection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connectYsql();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    /** numeric's infinities came with PostgreSQL 14. */
    @Test
    @RequiresServer(min = 14)
    void numericNaNAndInfinitiesAreDoublesNeverBigDecimals() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric, 1.50::numeric")) {
            for (int run = 0; run < 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getObject(1)).isEqualTo(Double.NaN);
                    assertThat(rs.getObject(2)).isEqualTo(Double.POSITIVE_INFINITY);
                    assertThat(rs.getObject(3)).isEqualTo(Double.NEGATIVE_INFINITY);
                    assertThat(rs.getDouble(3)).isEqualTo(Double.NEGATIVE_INFINITY);
                    assertThat(rs.getString(1)).isEqualTo("NaN");
                    SQLException e = TestServer.thrown(SQLException.class, () -> rs.getBigDecimal(1));
                    assertThat(e.getSQLState()).isEqualTo("22003");
                    assertThat(e.getMessage()).isEqualTo(
                        "numeric value NaN cannot be represented as a BigDecimal; read it with getDouble or getString");
                    assertThat(rs.getBigDecimal(4)).isEqualTo(new BigDecimal("1.50"));
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::text, ?::text")) {
            ps.setObject(1, Double.NaN, java.sql.Types.NUMERIC);
            ps.setObject(2, Double.POSITIVE_INFINITY, java.sql.Types.NUMERIC);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("NaN");
                assertThat(rs.getString(2)).isEqualTo("Infinity");
            }
        }
    }

    @Test
    void moneyReadsExactlyFromItsLocaleText() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT '1234.56'::money, '-1'::money, '0'::money, '-92233720368547758.08'::money, '1234.56'::money::text")) {
            for (int run = 0; run < 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(5)).isEqualTo("$1,234.56");
                    assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("1234.56"));
                    assertThat(rs.getDouble(1)).isEqualTo(1234.56);
                    assertThat(rs.getObject(1)).isEqualTo(1234.56);
                    assertThat(rs.getString(2)).isEqualTo("-$1.00");
                    assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("-1.00"));
                    assertThat(rs.getBigDecimal(3)).isEqualTo(new BigDecimal("0.00"));
                    assertThat(rs.getBigDecimal(4)).isEqualTo(new BigDecimal("-92233720368547758.08"));
                }
            }
        }
    }

    @Test
    void byteaInHexEscapeAndBinary() throws SQLException {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        for (String output : new String[] {"hex", "escape"}) {
            exec("SET bytea_output = " + output);
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?::bytea, ?::bytea::text")) {
                for (int run = 0; run < 2; run++) {
                    ps.setBytes(1, all);
                    ps.setBytes(2, all);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getBytes(1)).as(output).isEqualTo(all);
                        if (output.equals("hex")) assertThat(rs.getString(1)).isEqualTo(rs.getString(2));
                    }
                }
            }
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT decode('00015c27ff', 'hex')")) {
                rs.next();
                assertThat(rs.getBytes(1)).as("simple query, " + output).isEqualTo(new byte[] {0, 1, '\\', '\'', (byte) 0xff});
            }
        }
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedNamingTheParameter() throws SQLException {
        for (String bad : new String[] {"a\u0000b", "x\uD800", "\uDC00y"}) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?, ?")) {
                ps.setInt(1, 1);
                SQLException e = TestServer.thrown(SQLException.class, () -> ps.setString(2, bad));
                assertThat(e.getSQLState()).isEqualTo("22021");
                assertThat(e.getMessage()).startsWith("parameter 2: ");
                e = TestServer.thrown(SQLException.class, () -> ps.setObject(2, bad));
                assertThat(e.getSQLState()).isEqualTo("22021");
            }
            try (Cursor cur = conn.cursor()) {
                SQLException e = TestServer.thrown(SQLException.class, () -> cur.execute("SELECT %s, %s", 1, bad));
                assertThat(e.getSQLState()).isEqualTo("22021");
                assertThat(e.getMessage()).startsWith("parameter 2: ");
            }
        }
        String emoji = "\uD83D\uDE00 \uD83D\uDC4D";
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, length(?)")) {
            ps.setString(1, emoji);
            ps.setString(2, emoji);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(emoji);
                assertThat(rs.getInt(2)).isEqualTo(3);
            }
        }
    }

    @Test
    void stringtypeDecidesHowSetStringIsTyped() throws SQLException {
        exec("CREATE TEMP TABLE st (id uuid, n int)");
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_typeof(?)::text")) {
            ps.setString(1, "x");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("character varying");
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO st VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, 1);
            SQLException e = TestServer.thrown(SQLException.class, ps::executeUpdate);
            assertThat(e.getSQLState()).isEqualTo("42804");
        }
        PgCluster c = TestServer.cluster();
        Properties p = new Properties();
        p.setProperty("user", c.superuser());
        p.setProperty("password", c.superuserPassword());
        p.setProperty("stringtype", "unspecified");
        try (Connection other = DriverManager.getConnection(c.jdbcUrl(), p);
             PreparedStatement ps = other.prepareStatement("SELECT ?::uuid = ?, ? + 1")) {
            ps.setString(1, id);
            ps.setObject(2, id);
            ps.setString(3, "41");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(42);
            }
        }
        try (Cursor cur = conn.cursor()) { // the cursor API always sends strings untyped
            assertThat(cur.execute("SELECT %s + 1", "41").fetchone().get(0)).isEqualTo(42);
        }
    }

    @Test
    void tenMegabytesOfText() throws SQLException {
        StringBuilder sb = new StringBuilder(10 << 20);
        while (sb.length() < (10 << 20)) sb.append("0123456789abcdé\uD83D\uDE00");
        String big = sb.toString();
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, length(?)")) {
            ps.setString(1, big);
            ps.setString(2, big);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(big);
                assertThat(rs.getLong(2)).isEqualTo(big.codePointCount(0, big.length()));
            }
        }
    }

    @Test
    void fiftyMegabytesOfBytea() throws SQLException {
        byte[] big = new byte[50 << 20];
        new java.util.Random(7).nextBytes(big);
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::bytea")) {
            for (int run = 0; run < 2; run++) {
                ps.setBytes(1, big);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(Arrays.equals(rs.getBytes(1), big)).as("run %d", run).isTrue();
                }
            }
        }
    }

    @Test
    void calendarsSupplyTheZoneOfWallClockValues() throws SQLException {
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        Timestamp instant = Timestamp.from(java.time.Instant.parse("2024-01-15T00:00:00.123456Z"));
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::timestamp, ?::timestamp::text")) {
            for (int run = 0; run < 2; run++) {
                ps.setTimestamp(1, instant, tokyo);
                ps.setTimestamp(2, instant, tokyo);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(2)).isEqualTo("2024-01-15 09:00:00.123456");
                    assertThat(rs.getTimestamp(1, tokyo)).isEqualTo(instant);
                    assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 15, 9, 0, 0, 123_456_000));
                }
            }
        }
    }

    @Test
    void calendarsResolveDstGapsForwardAndOverlapsToStandardTime() throws SQLException {
        Calendar ny = Calendar.getInstance(TimeZone.getTimeZone("America/New_York"));
        Calendar kathmandu = Calendar.getInstance(TimeZone.getTimeZone("Asia/Kathmandu"));
        try (PreparedStatement ps = conn.prepareStatement("SELECT '2024-03-10 02:30:00'::timestamp, "
                + "'2024-11-03 01:30:00'::timestamp, '2024-01-15'::date, '13:45:10.25'::time, '1900-01-01 00:00'::timestamp")) {
            for (int run = 0; run < 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getTimestamp(1, ny).toInstant()).hasToString("2024-03-10T07:30:00Z");
                    assertThat(rs.getTimestamp(2, ny).toInstant()).hasToString("2024-11-03T06:30:00Z");
                    assertThat(rs.getDate(3, kathmandu).getTime())
                        .isEqualTo(java.time.Instant.parse("2024-01-14T18:15:00Z").toEpochMilli());
                    // Kathmandu was at +05:30 in 1970 (+05:45 since 1986)
                    assertThat(rs.getTime(4, kathmandu).getTime())
                        .isEqualTo(java.time.Instant.parse("1970-01-01T08:15:10.25Z").toEpochMilli());
                    assertThat(rs.getTimestamp(5, kathmandu).toInstant()).isEqualTo(
                        java.time.LocalDateTime.of(1900, 1, 1, 0, 0).atZone(java.time.ZoneId.of("Asia/Kathmandu")).toInstant());
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::text, ?::text")) {
            ps.setDate(1, new java.sql.Date(java.time.Instant.parse("2024-01-14T18:15:00Z").toEpochMilli()), kathmandu);
            ps.setTime(2, new java.sql.Time(java.time.Instant.parse("1970-01-01T07:30:10.250Z").toEpochMilli()), kathmandu);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("2024-01-15");
                assertThat(rs.getString(2)).isEqualTo("13:00:10.25");
            }
        }
    }

    @Test
    void binaryTimestamptzFollowsSetTimeZone() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT '2024-07-01 12:00:00+00'::timestamptz, "
                + "'2024-07-01 12:00:00+00'::timestamptz::text")) {
            for (String zone : new String[] {"UTC", "Asia/Kathmandu", "America/New_York", "Europe/Amsterdam"}) {
                exec("SET TIME ZONE '" + zone + "'");
                for (int run = 0; run < 2; run++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getString(1)).as(zone).isEqualTo(rs.getString(2));
                    }
                }
            }
        }
    }

    /** {@code SET TIME ZONE} with a number or an interval: the server reports a POSIX spelling, west-positive. */
    @Test
    void binaryTimestamptzInPosixOffsetZones() throws SQLException {
        for (String set : new String[] {"5.5", "'+5'", "INTERVAL '-03:30' HOUR TO MINUTE", "'GMT+3'", "-7"}) {
            exec("SET TIME ZONE " + set);
            String reported;
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SHOW TimeZone")) {
                rs.next();
                reported = rs.getString(1);
            }
            io.ysql.internal.codec.ValueDecoder binary = new io.ysql.internal.codec.ValueDecoder(
                io.ysql.internal.codec.CodecContext.of(io.ysql.internal.codec.PgTypes::byOid,
                    n -> n.equals("TimeZone") ? reported : null));
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT timestamptz_send(x), x::text FROM (VALUES ('2024-07-01 12:00+00'::timestamptz), "
                        + "('1900-01-01 00:00+00'::timestamptz)) v(x)")) {
                while (rs.next()) {
                    byte[] b = rs.getBytes(1);
                    assertThat(binary.getString(1184, 1, b, 0, b.length)).as(set + " reported as " + reported)
                        .isEqualTo(rs.getString(2));
                }
            }
        }
    }

    /** The server rounds a typed-in fraction of a microsecond half-even; sent values are rounded alike. */
    @Test
    void nanosecondsRoundLikeTheServerRoundsTypedFractions() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::text, ?::timestamp::text")) {
            for (int nanos : new int[] {500, 1_500, 2_500, 999_999_500, 123_456_501, 123_456_499, 7}) {
                LocalDateTime t = LocalDateTime.of(2024, 1, 15, 13, 45, 10, nanos);
                ps.setObject(1, t);
                ps.setString(2, String.format("2024-01-15 13:45:10.%09d", nanos));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).as("nanos %d", nanos).isEqualTo(rs.getString(2));
                }
            }
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}
