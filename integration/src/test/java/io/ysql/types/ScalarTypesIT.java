package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.RequiresServer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scalar types against the server's own text, through JDBC and the cursor API, in both
 * result formats: every statement runs twice on one connection (the first run reads text, the
 * second binary for the types requested in binary). Literals of each type must read back with
 * {@code getString} exactly as {@code ::text} prints them, and with the same value in both runs;
 * Java values sent as parameters must reach the server as the expected text and read back equal.
 */
class ScalarTypesIT {
    private YsqlConnection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connectYsql();
        exec("SET TIME ZONE 'UTC'");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static final List<String[]> LITERALS = List.of(
        new String[] {"int2", "-32768", "32767", "0"},
        new String[] {"int4", "-2147483648", "2147483647", "-1"},
        new String[] {"int8", "-9223372036854775808", "9223372036854775807", "42"},
        new String[] {"oid", "0", "4294967295", "2147483648"},
        new String[] {"float4", "NaN", "Infinity", "-Infinity", "1.5e-45", "3.4028235e+38", "-0", "0.1"},
        new String[] {"float8", "NaN", "-Infinity", "1e-300", "1.7976931348623157e+308", "0.30000000000000004"},
        new String[] {"numeric", "0", "0.00", "-0.5", "1e20", "123456789012345678901234567890.123456789", "NaN",
            "0.000000001", "-99999999.99990000", "1e-100", "9999", "10000", "0.0001",
            "1e1000", "-1.0000000000000000000000000000001", "12345678.9", "0.1234"},
        new String[] {"bool", "t", "f"},
        new String[] {"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff"},
        new String[] {"date", "2024-01-15", "0001-01-01", "0001-12-31 BC", "4713-01-01 BC", "5874897-12-31",
            "infinity", "-infinity", "2000-01-01", "1999-12-31", "10000-01-01", "1582-10-10"},
        new String[] {"time", "00:00", "23:59:59.999999", "24:00:00", "12:34:56.5", "00:00:00.000001"},
        new String[] {"timetz", "12:34:56+05:45", "00:00:00-15:59", "24:00:00+00", "12:00:00.123456-03:30",
            "13:00:00+00:19:32", "23:59:59.999999+15:59"},
        new String[] {"timestamp", "2024-01-15 13:45:10.123456", "4713-01-01 00:00:00 BC",
            "294276-12-31 23:59:59.999999", "infinity", "-infinity", "1582-10-10 12:00", "0001-01-01 00:00:00 BC",
            "2000-01-01", "1999-12-31 23:59:59.999999", "1969-12-31 23:59:59.5"},
        new String[] {"text", "héllo", "emoji \uD83D\uDE00", "", "multi\nline"},
        new String[] {"varchar", "x"}, new String[] {"bpchar", "ab"}, new String[] {"name", "pg_class"},
        new String[] {"\"char\"", "c"});

    private static final String[] TIMESTAMPTZ = {"2024-01-15 13:45:10.123456+00", "1900-01-01 00:00:00+00",
        "0044-03-15 12:00:00+00 BC", "4713-01-01 12:00:00+00 BC", "294276-12-31 23:59:59.999999+00",
        "2037-07-01 12:00+00", "2100-07-01 12:00+00", "2024-03-10 07:30:00+00", "2024-11-03 05:30:00+00",
        "2024-11-03 06:30:00+00", "1847-12-01 00:00+00", "infinity", "-infinity"};

    private static final String[] ZONES = {"UTC", "Asia/Kathmandu", "Europe/Amsterdam", "America/New_York",
        "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "Etc/GMT+12", "Asia/Kolkata",
        "Europe/London", "Africa/Monrovia"};

    @Test
    void literalsReadBackAsTheServerPrintsThemInBothFormats() throws SQLException {
        for (String[] t : LITERALS) {
            List<String> lits = List.of(t).subList(1, t.length);
            checkLiterals(t[0], lits);
        }
    }

    @Test
    @RequiresServer(min = 14)
    void numericInfinitiesReadBackAsTheServerPrintsThem() throws SQLException {
        checkLiterals("numeric", List.of("Infinity", "-Infinity"));
    }

    @Test
    void timestamptzPrintsInTheSessionZoneInBothFormats() throws SQLException {
        for (String zone : ZONES) {
            exec("SET TIME ZONE '" + zone + "'");
            checkLiterals("timestamptz", List.of(TIMESTAMPTZ));
        }
    }

    /** One query over all literals, twice through JDBC and twice through the cursor API. */
    private void checkLiterals(String type, List<String> literals) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT x, x::text FROM (VALUES ");
        for (int i = 0; i < literals.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append("('").append(literals.get(i).replace("'", "''")).append("'::").append(type).append(')');
        }
        sql.append(") v(x)");
        List<Object> first = null;
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int run = 0; run < 2; run++) {
                List<Object> objects = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertPrinted(type, rs.getString(1), output(type, rs.getString(2)), "run " + run);
                        objects.add(comparable(rs.getObject(1)));
                    }
                }
                if (first == null) first = objects;
                else assertThat(objects).as("getObject of %s in both formats", type).isEqualTo(first);
            }
        }
        try (Cursor cur = conn.cursor()) {
            List<Object> firstModern = null;
            for (int run = 0; run < 2; run++) {
                List<Object> objects = new ArrayList<>();
                for (Row r : cur.execute(sql.toString()).fetchall()) {
                    assertPrinted(type, r.getString(0), output(type, r.getString(1)), "cursor run " + run);
                    objects.add(comparable(r.get(0)));
                }
                if (firstModern == null) firstModern = objects;
                else assertThat(objects).as("cursor value of %s in both formats", type).isEqualTo(firstModern);
            }
        }
    }

    /** The type's output for its {@code ::text}: the same but for {@code bool} ({@code t}, not {@code true}). */
    /**
     * The driver prints what the server prints, except a binary {@code timestamptz} before 1970 in a
     * zone whose offsets the JVM's time-zone database gives otherwise (zones merged in tzdata 2022b):
     * then the instant is the same and only the printed offset differs; and floats on servers
     * before 12, which print more digits of the same value ({@link FloatPrinting}).
     */
    private void assertPrinted(String type, String mine, String server, String run) throws SQLException {
        if (FloatPrinting.isFloat(type)) {
            FloatPrinting.assertSameFloats(type, mine, server, type + " " + run);
            return;
        }
        if (mine == null || mine.equals(server) || !type.equals("timestamptz")) {
            assertThat(mine).as("%s %s", type, run).isEqualTo(server);
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT ?::timestamptz = ?::timestamptz, extract(year FROM ?::timestamptz) < 1970")) {
            ps.setString(1, mine);
            ps.setString(2, server);
            ps.setString(3, server);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("same instant: %s vs server %s", mine, server).isTrue();
                assertThat(rs.getBoolean(2)).as("tz databases differ only before 1970: %s", server).isTrue();
            }
        }
    }

    private static String output(String type, String text) {
        return type.equals("bool") ? text.substring(0, 1) : text;
    }

    /**
     * {@code timestamptz} results come in binary from a statement's second run; the codec is checked
     * here against {@code timestamptz_send}: the instant always, and the printed text wherever the
     * JVM's time-zone database gives the offset the server's gives; where the two databases differ
     * (only before 1970, for zones merged in tzdata 2022b) the printed offset is the JVM's.
     */
    @Test
    void binaryTimestamptzAgainstTimestamptzSend() throws SQLException {
        StringBuilder values = new StringBuilder();
        for (String t : TIMESTAMPTZ) values.append(values.length() == 0 ? "" : ", ").append("('").append(t).append("'::timestamptz)");
        String sql = "SELECT timestamptz_send(x), x::text, extract(timezone FROM x)::int, x = 'infinity' OR x = '-infinity' "
            + "FROM (VALUES " + values + ") v(x)";
        int checked = 0;
        for (String zone : ZONES) {
            exec("SET TIME ZONE '" + zone + "'");
            io.ysql.internal.codec.ValueDecoder binary = new io.ysql.internal.codec.ValueDecoder(
                io.ysql.internal.codec.CodecContext.of(io.ysql.internal.codec.PgTypes::byOid, n -> n.equals("TimeZone") ? zone : null));
            try (Statement st = ((Connection) conn).createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    byte[] b = rs.getBytes(1);
                    String server = rs.getString(2);
                    String mine = binary.getString(1184, 1, b, 0, b.length);
                    byte[] text = server.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(binary.getObject(1184, 1, b, 0, b.length)).as(zone + " " + server)
                        .isEqualTo(binary.getObject(1184, 0, text, 0, text.length));
                    if (rs.getBoolean(4)) {
                        assertThat(mine).isEqualTo(server);
                        continue;
                    }
                    OffsetDateTime instant = binary.getOffsetDateTime(1184, 1, b, 0, b.length);
                    int jvmOffset = ZoneId.of(zone).getRules().getOffset(instant.toInstant()).getTotalSeconds();
                    if (jvmOffset == rs.getInt(3)) {
                        assertThat(mine).as(zone).isEqualTo(server);
                        checked++;
                    } else {
                        assertThat(instant.getYear()).as("tz databases differ after 1970: %s %s", zone, server).isLessThan(1970);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(ZONES.length * (TIMESTAMPTZ.length - 5));
    }

    /** Values compared across formats: arrays by content. */
    private static Object comparable(Object o) {
        return o instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : o;
    }

    // ---- parameters ----------------------------------------------------------------------

    /** A Java value, the server text it must become, and the class to read it back as. */
    private record Case(Object value, String text, Class<?> readAs) {}

    private static final List<Case> PARAMETERS = List.of(
        new Case((short) -32768, "-32768", Short.class),
        new Case(2147483647, "2147483647", Integer.class),
        new Case(Long.MIN_VALUE, "-9223372036854775808", Long.class),
        new Case(1.5f, "1.5", Float.class),
        new Case(Double.NEGATIVE_INFINITY, "-Infinity", Double.class),
        new Case(new BigDecimal("-12.3400"), "-12.3400", BigDecimal.class),
        new Case(new BigDecimal("0.00"), "0.00", BigDecimal.class),
        new Case(new BigDecimal("1E+20"), "100000000000000000000", BigDecimal.class),
        new Case(new BigDecimal(BigInteger.valueOf(-123), -5), "-12300000", BigDecimal.class),
        new Case(new BigDecimal("1E-20"), "0.00000000000000000001", BigDecimal.class),
        new Case(new BigDecimal("9999.9999"), "9999.9999", BigDecimal.class),
        new Case(new BigDecimal("10000.00001"), "10000.00001", BigDecimal.class),
        new Case(new BigInteger("-123456789012345678901234567890"), "-123456789012345678901234567890", BigInteger.class),
        new Case(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", UUID.class),
        new Case(LocalDate.of(2024, 2, 29), "2024-02-29", LocalDate.class),
        new Case(LocalDate.of(-4712, 1, 1), "4713-01-01 BC", LocalDate.class),
        new Case(LocalDate.of(0, 12, 31), "0001-12-31 BC", LocalDate.class),
        new Case(LocalDate.MAX, "infinity", LocalDate.class),
        new Case(LocalDate.MIN, "-infinity", LocalDate.class),
        new Case(LocalTime.of(1, 2, 3, 4_000), "01:02:03.000004", LocalTime.class),
        new Case(LocalTime.of(0, 0), "00:00:00", LocalTime.class),
        new Case(LocalTime.MAX, "24:00:00", LocalTime.class),
        new Case(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)), "12:00:00+05:45", OffsetTime.class),
        new Case(OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutesSeconds(-3, -30, -15)),
            "23:59:59.999999-03:30:15", OffsetTime.class),
        new Case(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000), "294276-12-31 23:59:59.999999", LocalDateTime.class),
        new Case(LocalDateTime.of(-4712, 1, 1, 0, 0), "4713-01-01 00:00:00 BC", LocalDateTime.class),
        new Case(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000), "1969-12-31 23:59:59.5", LocalDateTime.class),
        new Case(LocalDateTime.MAX, "infinity", LocalDateTime.class),
        new Case(LocalDateTime.MIN, "-infinity", LocalDateTime.class),
        new Case(OffsetDateTime.of(2024, 1, 15, 13, 45, 10, 0, ZoneOffset.ofHoursMinutes(5, 45)),
            "2024-01-15 08:00:10+00", OffsetDateTime.class),
        new Case(OffsetDateTime.MAX, "infinity", OffsetDateTime.class),
        new Case(Instant.parse("1900-01-01T00:00:00.000001Z"), "1900-01-01 00:00:00.000001+00", Instant.class),
        new Case(ZonedDateTime.of(2024, 3, 10, 3, 30, 0, 0, ZoneId.of("America/New_York")), "2024-03-10 07:30:00+00",
            OffsetDateTime.class),
        new Case("héllo \uD83D\uDE00", "héllo \uD83D\uDE00", String.class));

    @Test
    void parametersReachTheServerAsExpectedAndReadBackEqual() throws SQLException {
        try (Cursor cur = conn.cursor()) {
            for (Case c : PARAMETERS) {
                try (PreparedStatement ps = conn.prepareStatement("SELECT ?, (?)::text")) {
                    for (int run = 0; run < 2; run++) {
                        ps.setObject(1, c.value());
                        ps.setObject(2, c.value());
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(2)).as("server text of %s", c.value()).isEqualTo(c.text());
                            assertThat(rs.getString(1)).as("getString of %s run %d", c.value(), run).isEqualTo(c.text());
                            assertThat(same(rs.getObject(1, c.readAs()), c.value()))
                                .as("%s read back run %d: %s", c.value(), run, rs.getObject(1, c.readAs())).isTrue();
                        }
                    }
                }
                for (int run = 0; run < 2; run++) {
                    Row r = cur.execute("SELECT %s, (%s)::text", c.value(), c.value()).fetchone();
                    assertThat(r.getString(1)).as("cursor: server text of %s", c.value()).isEqualTo(c.text());
                    assertThat(r.getString(0)).as("cursor getString of %s", c.value()).isEqualTo(c.text());
                    assertThat(same(r.get(0, c.readAs()), c.value())).as("cursor %s read back", c.value()).isTrue();
                }
            }
        }
    }

    /** Equality up to the representation the server keeps (instants for zoned values). */
    private static boolean same(Object read, Object sent) {
        if (sent instanceof ZonedDateTime z) return ((OffsetDateTime) read).toInstant().equals(z.toInstant());
        if (sent instanceof OffsetDateTime o && !o.equals(OffsetDateTime.MAX)) {
            return ((OffsetDateTime) read).toInstant().equals(o.toInstant());
        }
        if (sent instanceof OffsetTime o) return read.equals(o);
        if (sent instanceof BigDecimal d) return d.compareTo((BigDecimal) read) == 0;
        return Objects.equals(read, sent);
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = ((Connection) conn).createStatement()) {
            st.execute(sql);
        }
    }
}
