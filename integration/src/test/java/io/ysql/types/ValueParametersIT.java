package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.RequiresServer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The value types sent as parameters ({@code setObject(i, x)}, {@code setObject(i, x,
 * Types.OTHER)} and the cursor API's adaptation) and read back in text and binary: the server
 * must see the value the Java object holds (its own text output equals {@code toString()}), and
 * {@code getObject} must give the object back. Intervals are checked in every {@code
 * IntervalStyle} with random values.
 */
class ValueParametersIT {
    /** The most hours an interval's text can hold before PostgreSQL 15 (an int4). */
    private static final long MAX_HOURS_BEFORE_15 = Integer.MAX_VALUE;
    private static PgCluster cluster;
    private static Connection conn;
    private static YsqlConnection ysql;

    @BeforeAll
    static void open() throws SQLException {
        cluster = PgCluster.shared();
        Properties p = new Properties();
        p.setProperty("user", cluster.superuser());
        p.setProperty("password", cluster.superuserPassword());
        conn = DriverManager.getConnection(cluster.jdbcUrl(), p);
        ysql = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        ysql.close();
    }

    /** Values whose {@code toString()} is exactly the server's output for them. */
    static List<Object> canonicalValues() throws Exception {
        return List.of(
            Interval.ZERO, Interval.of(14, 3, 14_706_789_000L), Interval.of(-14, 3, -14_706_000_000L),
            Interval.of(Integer.MIN_VALUE, Integer.MIN_VALUE, -MAX_HOURS_BEFORE_15 * 3_600_000_000L), Interval.of(0, 0, -1),
            Point.of(1, -2.5), Point.of(Double.NaN, Double.NEGATIVE_INFINITY), Point.of(-0.0, 1e-300),
            Point.of(0.1, 2.0 / 3), Line.of(1, 2, 3), LineSegment.of(Point.of(1, 2), Point.of(3, 4)),
            Box.of(Point.of(1, 2), Point.of(-3, 4)), Path.open(Point.of(1, 2), Point.of(3, 4)),
            Path.closed(Point.of(1, 2)), Polygon.of(Point.of(0, 0), Point.of(1, 1), Point.of(1, 0)),
            Circle.of(Point.of(1, 2), 0.5),
            Inet.parse("192.168.0.1/24"), Inet.parse("::ffff:1.2.3.4"), Inet.parse("2001:db8::1/64"),
            Inet.parse("10.0.0.1"), Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8::/32"),
            MacAddress.parse("08:00:2b:01:02:03"), MacAddress.parse("08:00:2b:01:02:03:04:05"),
            BitString.parse("1011000011"), BitString.parse(""), BitString.parse("1"),
            Range.closedOpen(1, 5), Range.atLeast(-9223372036854775808L), Range.lessThan(7),
            Range.closedOpen(new BigDecimal("1.50"), new BigDecimal("2")), Range.closed(new BigDecimal("-1"), null),
            Range.closedOpen(LocalDate.of(2024, 1, 31), LocalDate.MAX),
            Range.closedOpen(LocalDateTime.of(2024, 1, 31, 10, 0), LocalDateTime.of(2024, 2, 1, 0, 0, 0, 500_000)));
    }

    /** Canonical values that need a newer server: multiranges (14+) and hours beyond int4 (15+). */
    static List<Object> newerValues() throws Exception {
        return List.of(Interval.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE + 1),
            Multirange.of(Range.closedOpen(1, 3), Range.closedOpen(5, 7)),
            Multirange.of(Range.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1))));
    }

    @Test
    void setObjectSendsWhatTheObjectHolds() throws Exception {
        setObjectSends(canonicalValues());
    }

    @Test
    @RequiresServer(min = 15)
    void setObjectSendsValuesOfNewerServers() throws Exception {
        setObjectSends(newerValues());
    }

    private static void setObjectSends(List<Object> canonical) throws Exception {
        for (boolean other : new boolean[] {false, true}) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?, format('%s', ?)")) {
                for (Object v : canonical) {
                    for (int i = 1; i <= 2; i++) {
                        if (other) ps.setObject(i, v, Types.OTHER); else ps.setObject(i, v);
                    }
                    for (int run = 1; run <= 2; run++) {
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            String label = v + " (" + v.getClass().getSimpleName() + ") run " + run + (other ? " OTHER" : "");
                            assertSpelled(v, rs.getString(2), label);
                            assertSpelled(v, rs.getString(1), label);
                            assertThat(rs.getObject(1)).as(label).isEqualTo(v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void cursorAdaptsTheValueTypes() throws Exception {
        cursorAdapts(canonicalValues());
    }

    @Test
    @RequiresServer(min = 15)
    void cursorAdaptsValuesOfNewerServers() throws Exception {
        cursorAdapts(newerValues());
    }

    private static void cursorAdapts(List<Object> canonical) throws Exception {
        try (Cursor cur = ysql.cursor()) {
            for (Object v : canonical) {
                for (int run = 1; run <= 2; run++) {
                    cur.execute("SELECT %s, format('%%s', %s)", v, v);
                    Row row = cur.fetchone();
                    assertSpelled(v, (String) row.get(1), v + " run " + run);
                    assertThat(row.get(0)).as("%s run %d", v, run).isEqualTo(v);
                }
            }
        }
    }

    /**
     * {@code text} is the value's {@code toString()}; for geometric values on servers before 12,
     * which print more digits of the same floats, it holds the same numbers ({@link FloatPrinting}).
     */
    private static void assertSpelled(Object v, String text, String label) {
        boolean geometric = v instanceof Point || v instanceof Line || v instanceof LineSegment || v instanceof Box
                || v instanceof Path || v instanceof Polygon || v instanceof Circle;
        if (geometric) FloatPrinting.assertSameFloats("point", v.toString(), text, label);
        else assertThat(text).as(label).isEqualTo(v.toString());
    }

    @Test
    void javaTimeAndInetAddressParameters() throws Exception {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, ?, ?, ?::tstzrange = '[2024-01-01 05:30:00+05:30,)'")) {
            ps.setObject(1, Duration.ofHours(49).plusNanos(1000));
            ps.setObject(2, Period.of(1, 2, 3));
            ps.setObject(3, InetAddress.getByName("::1"));
            ps.setObject(4, Range.atLeast(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
            for (int run = 1; run <= 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("49:00:00.000001");
                    assertThat(rs.getObject(1, Duration.class)).isEqualTo(Duration.ofHours(49).plusNanos(1000));
                    assertThat(rs.getString(2)).isEqualTo("1 year 2 mons 3 days");
                    assertThat(rs.getObject(2, Period.class)).isEqualTo(Period.of(1, 2, 3));
                    assertThat(rs.getObject(3)).isEqualTo(Inet.parse("::1"));
                    assertThat(rs.getObject(3, InetAddress.class)).isEqualTo(InetAddress.getByName("::1"));
                    assertThat(rs.getBoolean(4)).isTrue();
                }
            }
        }
    }

    /** Its columns include a datemultirange (14+). */
    @Test
    @RequiresServer(min = 14)
    void valuesStoreInColumnsOfTheirTypes() throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE vals (i interval, b bit(3), v varbit, c cidr, m macaddr8, r int8range, "
                + "d datemultirange, t tsvector, q tsquery)");
        }
        Object[] values = {Interval.of(1, 2, 3), BitString.parse("101"), BitString.parse("1"), Cidr.parse("10.0.0.0/8"),
            MacAddress.parse("08:00:2b:01:02:03:04:05"), Range.closedOpen(1L, 10L),
            Multirange.of(Range.closedOpen(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 5)))};
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO vals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            ps.setObject(8, "a fat:2 cat:3A", Types.OTHER);
            ps.setObject(9, "fat & !rat", Types.OTHER); // setString types it varchar, as pgjdbc
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM vals")) {
            for (int run = 1; run <= 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    for (int i = 0; i < values.length; i++) assertThat(rs.getObject(i + 1)).as("column %d", i + 1).isEqualTo(values[i]);
                    assertThat(rs.getObject(8)).isEqualTo("'a' 'cat':3A 'fat':2");
                    assertThat(rs.getObject(9)).isEqualTo("'fat' & !'rat'");
                    assertThat(rs.getMetaData().getColumnClassName(2)).isEqualTo(BitString.class.getName());
                }
            }
        }
    }

    @Test
    void randomAddressesCoordinatesAndBitsAreSpelledAsTheServerSpellsThem() throws Exception {
        Random r = new Random(99);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] v6 = new byte[16];
            r.nextBytes(v6);
            for (int w = 0; w < 8; w++) {
                if (r.nextInt(3) == 0) v6[2 * w] = v6[2 * w + 1] = 0; // runs of zero groups
            }
            if (r.nextInt(4) == 0) {
                java.util.Arrays.fill(v6, 0, 10, (byte) 0);
                v6[10] = v6[11] = (byte) (r.nextBoolean() ? 0xff : 0);
            }
            values.add(Inet.of(java.net.Inet6Address.getByAddress(null, v6, null), r.nextInt(129)));
            byte[] v4 = new byte[4];
            r.nextBytes(v4);
            values.add(Inet.of(InetAddress.getByAddress(v4), r.nextInt(33)));
            values.add(Point.of(Double.longBitsToDouble(r.nextLong()), r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15)));
            boolean[] bits = new boolean[r.nextInt(70)];
            for (int b = 0; b < bits.length; b++) bits[b] = r.nextBoolean();
            values.add(BitString.of(bits));
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT format('%s', ?), ?")) {
            for (Object v : values) {
                ps.setObject(1, v);
                ps.setObject(2, v);
                for (int run = 1; run <= 2; run++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        String server = rs.getString(1);
                        assertSpelled(v, server, v + " run " + run);
                        Object back = rs.getObject(2);
                        assertThat(back).as("%s run %d", v, run).isEqualTo(v);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Interval.Style.class)
    void intervalsInEveryStyle(Interval.Style style) throws SQLException {
        List<Interval> values = new ArrayList<>();
        Random random = new Random(1000 + style.ordinal());
        boolean hoursBeyondInt4 = cluster.majorVersion() >= 15;
        for (int i = 0; i < 400; i++) values.add(randomInterval(random, hoursBeyondInt4));
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), credentials())) {
            try (Statement st = c.createStatement()) {
                st.execute("SET IntervalStyle = " + style.name().toLowerCase());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ?, format('%s', ?)")) {
                for (Interval v : values) {
                    ps.setObject(1, v);
                    ps.setObject(2, v);
                    for (int run = 1; run <= 2; run++) {
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            String server = rs.getString(2);
                            String label = style + " " + server + " run " + run;
                            assertThat(v.format(style)).as(label).isEqualTo(server);
                            assertThat(rs.getString(1)).as(label).isEqualTo(server);
                            assertThat(rs.getObject(1)).as(label).isEqualTo(v);
                            assertThat(Interval.parse(server)).as(label).isEqualTo(v);
                        }
                    }
                }
            }
        }
        try (YsqlConnection y = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword()));
             Cursor cur = y.cursor()) {
            cur.execute("SET IntervalStyle = " + style.name().toLowerCase());
            for (Interval v : values.subList(0, 50)) {
                for (int run = 1; run <= 2; run++) {
                    cur.execute("SELECT %s::text::interval, %s", v.format(style), v);
                    Row row = cur.fetchone();
                    assertThat(row.get(0)).isEqualTo(v);
                    assertThat(row.getString(1)).isEqualTo(v.format(style));
                }
            }
        }
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", cluster.superuser());
        p.setProperty("password", cluster.superuserPassword());
        return p;
    }

    /**
     * A random interval; before PostgreSQL 15 the server prints an interval's hours as an int4, so
     * there the time stays within {@value #MAX_HOURS_BEFORE_15} hours either way.
     */
    private static Interval randomInterval(Random r, boolean hoursBeyondInt4) {
        int months = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(25) - 12;
            default -> r.nextInt();
        };
        int days = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(61) - 30;
            default -> r.nextInt();
        };
        long micros = switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> (r.nextInt(200_001) - 100_000) * 1_000_000L;
            case 2 -> r.nextInt(2_000_001) - 1_000_000;
            default -> r.nextLong() / (1L << r.nextInt(40));
        };
        if (!hoursBeyondInt4) micros %= MAX_HOURS_BEFORE_15 * 3_600_000_000L;
        return Interval.of(months, days, micros == Long.MIN_VALUE ? 0 : micros);
    }
}
