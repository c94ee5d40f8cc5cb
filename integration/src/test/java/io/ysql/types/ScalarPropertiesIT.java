package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random values with a fixed seed (printed in every failure message): numbers from the edges of
 * their ranges, {@code numeric} with up to 1000 digits and scales 0..1000, and timestamps across
 * the whole range the server accepts (4713 BC to 294276 AD) in random session time zones. Each
 * value is sent as a parameter, must come back equal, and its binary result must print exactly
 * as the server's {@code ::text}.
 */
class ScalarPropertiesIT {
    private static final long SEED = 20_261_125L;
    private static final int COUNT = 300;
    private static final String[] ZONES = {"UTC", "Asia/Kathmandu", "America/New_York", "Australia/Lord_Howe",
        "Pacific/Chatham", "America/St_Johns", "Asia/Tokyo", "Europe/Berlin", "America/Sao_Paulo",
        "Pacific/Kiritimati", "Etc/GMT-14", "Asia/Tehran"};
    private static final long MIN_SECOND = LocalDateTime.of(-4713, 11, 25, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_SECOND = LocalDateTime.of(294276, 12, 30, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private YsqlConnection conn;
    private final Random random = new Random(SEED);

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connectYsql();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void randomNumerics() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, (?)::text")) {
            for (int i = 0; i < COUNT; i++) {
                BigDecimal v = randomDecimal(i);
                for (int run = 0; run < 2; run++) {
                    ps.setBigDecimal(1, v);
                    ps.setBigDecimal(2, v);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String where = "seed " + SEED + ", value " + i + ": " + v.toPlainString();
                        assertThat(rs.getString(1)).as(where).isEqualTo(rs.getString(2));
                        assertThat(rs.getBigDecimal(1).compareTo(v)).as(where).isZero();
                        assertThat(rs.getString(1)).as(where).isEqualTo(v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString());
                        assertThat(rs.getDouble(1)).as(where).isEqualTo(v.doubleValue());
                    }
                }
            }
        }
    }

    private BigDecimal randomDecimal(int i) {
        if (i < 4) return new BigDecimal(BigInteger.TEN.pow(999).subtract(BigInteger.ONE), i * 333).negate();
        int digits = 1 + random.nextInt(i % 10 == 0 ? 1000 : 40);
        StringBuilder sb = new StringBuilder(digits);
        for (int d = 0; d < digits; d++) sb.append((char) ('0' + random.nextInt(10)));
        BigInteger unscaled = new BigInteger(sb.toString());
        int scale = i % 7 == 0 ? -random.nextInt(30) : random.nextInt(i % 10 == 0 ? 1001 : 30);
        BigDecimal v = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
        return v;
    }

    @Test
    void randomIntegersAndFloatsAtTheEdges() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, ?, ?, ?, ?::text, ?::text")) {
            for (int i = 0; i < COUNT; i++) {
                long l = switch (i % 4) {
                    case 0 -> Long.MIN_VALUE + random.nextInt(1000);
                    case 1 -> Long.MAX_VALUE - random.nextInt(1000);
                    default -> random.nextLong();
                };
                int n = (int) l;
                double d = i % 3 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
                float f = (float) d;
                for (int run = 0; run < 2; run++) {
                    ps.setLong(1, l);
                    ps.setInt(2, n);
                    ps.setDouble(3, d);
                    ps.setFloat(4, f);
                    ps.setDouble(5, d);
                    ps.setFloat(6, f);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String where = "seed " + SEED + ", value " + i;
                        assertThat(rs.getLong(1)).as(where).isEqualTo(l);
                        assertThat(rs.getInt(2)).as(where).isEqualTo(n);
                        assertThat(Double.doubleToLongBits(rs.getDouble(3))).as(where).isEqualTo(Double.doubleToLongBits(d));
                        FloatPrinting.assertSameFloats("float8", rs.getString(3), rs.getString(5), where + " " + d);
                        FloatPrinting.assertSameFloats("float4", rs.getString(4), rs.getString(6), where + " " + f);
                    }
                }
            }
        }
    }

    @Test
    void randomTimestampsInRandomZones() throws SQLException {
        try (Cursor cur = conn.cursor();
             PreparedStatement ps = conn.prepareStatement("SELECT ?, ?, ?, ?, (?)::text, (?)::text, ?, (?)::text")) {
            for (int i = 0; i < COUNT; i++) {
                String zone = ZONES[random.nextInt(ZONES.length)];
                exec("SET TIME ZONE '" + zone + "'");
                long second = MIN_SECOND + (long) (random.nextDouble() * (MAX_SECOND - MIN_SECOND));
                if (i % 5 == 0) {
                    second = LocalDateTime.of(1850 + random.nextInt(250), 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC)
                        + (long) (random.nextDouble() * 365 * 86_400);
                }
                LocalDateTime t = LocalDateTime.ofEpochSecond(second, random.nextInt(1_000_000) * 1000, ZoneOffset.UTC);
                OffsetDateTime odt = t.atOffset(ZoneOffset.UTC);
                LocalDate date = t.toLocalDate();
                LocalTime time = t.toLocalTime();
                String where = "seed " + SEED + ", value " + i + ": " + t + " in " + zone;
                for (int run = 0; run < 2; run++) {
                    ps.setObject(1, t);
                    ps.setObject(2, odt);
                    ps.setObject(3, date);
                    ps.setObject(4, time);
                    ps.setObject(5, t);
                    ps.setObject(6, odt);
                    ps.setObject(7, date);
                    ps.setObject(8, date);
                    try (ResultSet rs = executeQuery(ps, where)) {
                        rs.next();
                        assertThat(rs.getObject(1, LocalDateTime.class)).as(where).isEqualTo(t);
                        assertThat(rs.getObject(2, OffsetDateTime.class)).as(where).isEqualTo(odt);
                        assertThat(rs.getObject(3, LocalDate.class)).as(where).isEqualTo(date);
                        assertThat(rs.getObject(4, LocalTime.class)).as(where).isEqualTo(time);
                        assertThat(rs.getString(1)).as(where).isEqualTo(rs.getString(5));
                        assertThat(rs.getString(2)).as(where).isEqualTo(rs.getString(6));
                        assertThat(rs.getString(7)).as(where).isEqualTo(rs.getString(8));
                    }
                }
                Row r = cur.execute("SELECT %s, %s::text", odt, odt).fetchone();
                assertThat(r.get(0)).as(where).isEqualTo(odt);
                assertThat(r.getString(0)).as(where).isEqualTo(r.getString(1));
                Instant instant = odt.toInstant();
                assertThat(cur.execute("SELECT %s", instant).fetchone().get(0, Instant.class)).as(where).isEqualTo(instant);
            }
        }
    }

    private static ResultSet executeQuery(PreparedStatement ps, String where) throws SQLException {
        try {
            return ps.executeQuery();
        } catch (SQLException e) {
            throw new SQLException(where + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }
}
