package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.wire.backend.RowDescription;
import io.ysql.testkit.PgCluster;
import io.ysql.testkit.RequiresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server values of the interval, geometric, network, bit string, range and multirange types read
 * through JDBC and the cursor API, in text (a statement's first run) and binary (later runs, for
 * the types requested in binary): {@code getString} must equal the server's own text, {@code
 * getObject} must return the same value both times, of the class the result set metadata
 * reports, equal to the value read back from the server's text. Multiranges need PostgreSQL 14,
 * intervals at the edges of their range 15 (older servers refuse such an hours field): those
 * cases are tests of their own, declared with {@link RequiresServer}.
 */
class ValueTypesIT {
    /** A server type and a literal of it; {@code javaClass} is what getObject returns. */
    record Case(String type, String literal, Class<?> javaClass) {}

    static final List<Case> CASES = List.of(
        new Case("interval", "0", Interval.class),
        new Case("interval", "1 year 2 mons 3 days 04:05:06.789", Interval.class),
        new Case("interval", "-1 years -2 mons +3 days -04:05:06", Interval.class),
        new Case("interval", "178000000 years", Interval.class),
        new Case("interval", "-178000000 years 7 mons", Interval.class),
        new Case("interval", "1 mon -1 day", Interval.class),
        new Case("interval", "-0.000001 secs", Interval.class),
        new Case("interval", "-2147483648 days", Interval.class),
        new Case("interval", "2147483647 days 00:00:01", Interval.class),
        new Case("point", "(1,2)", Point.class),
        new Case("point", "(NaN,Infinity)", Point.class),
        new Case("point", "(-Infinity,-0)", Point.class),
        new Case("point", "(1e300,-1e-300)", Point.class),
        new Case("point", "(0.1,0.30000000000000004)", Point.class),
        new Case("point", "(123456789012345,1234567890123456)", Point.class),
        new Case("line", "{1,2,3}", Line.class),
        new Case("line", "{-0.5,0,1e-20}", Line.class),
        new Case("lseg", "[(1,2),(3,4)]", LineSegment.class),
        new Case("box", "(1,2),(3,4)", Box.class),
        new Case("box", "(3,-4),(-1,2)", Box.class),
        new Case("path", "[(1,2),(3,4),(5,6.5)]", Path.class),
        new Case("path", "((1,2),(3,4))", Path.class),
        new Case("path", "((0,0))", Path.class),
        new Case("polygon", "((0,0),(1,1),(1,0))", Polygon.class),
        new Case("circle", "<(1,2),3>", Circle.class),
        new Case("circle", "<(NaN,-0),Infinity>", Circle.class),
        new Case("inet", "192.168.0.1", Inet.class),
        new Case("inet", "192.168.0.1/24", Inet.class),
        new Case("inet", "0.0.0.0/0", Inet.class),
        new Case("inet", "::1", Inet.class),
        new Case("inet", "::", Inet.class),
        new Case("inet", "::ffff:1.2.3.4", Inet.class),
        new Case("inet", "::1.2.3.4/120", Inet.class),
        new Case("inet", "2001:db8::1/64", Inet.class),
        new Case("inet", "1:0:0:2:0:0:0:3", Inet.class),
        new Case("inet", "fe80:0:1:2:3:4:5:6", Inet.class),
        new Case("inet", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", Inet.class),
        new Case("cidr", "10.0.0.0/8", Cidr.class),
        new Case("cidr", "1.2.3.4", Cidr.class),
        new Case("cidr", "2001:db8::/32", Cidr.class),
        new Case("cidr", "::/0", Cidr.class),
        new Case("macaddr", "08:00:2b:01:02:03", MacAddress.class),
        new Case("macaddr", "ff:ff:ff:ff:ff:ff", MacAddress.class),
        new Case("macaddr8", "08:00:2b:01:02:03:04:05", MacAddress.class),
        new Case("bit(1)", "1", Boolean.class),
        new Case("bit(1)", "0", Boolean.class),
        new Case("bit(3)", "101", BitString.class),
        new Case("varbit", "", BitString.class),
        new Case("varbit", "1", BitString.class),
        new Case("varbit", "10110000111", BitString.class),
        new Case("int4range", "[1,5)", Range.class),
        new Case("int4range", "empty", Range.class),
        new Case("int4range", "(,3]", Range.class),
        new Case("int4range", "(,)", Range.class),
        new Case("int4range", "[-2147483648,2147483647)", Range.class),
        new Case("int8range", "[-9223372036854775808,)", Range.class),
        new Case("numrange", "[1.5,2.25)", Range.class),
        new Case("numrange", "(,0.00001]", Range.class),
        new Case("daterange", "[2024-01-01,infinity)", Range.class),
        new Case("daterange", "[-infinity,2024-02-29]", Range.class),
        new Case("tsrange", "[\"2024-01-31 10:00:00\",\"2024-01-31 10:00:00.5\"]", Range.class),
        new Case("tstzrange", "[\"2024-01-31 10:00:00+00\",)", Range.class),
        new Case("tsvector", "a fat:2 cat:3A", String.class),
        new Case("tsquery", "fat & (rat | !cat)", String.class));

    /** Intervals at the edges of the microsecond range, whose hours field older servers read as an int4 (15+). */
    static final List<Case> INTERVAL_EDGES = List.of(
        new Case("interval", "2562047788 hours 54.775807 secs", Interval.class),
        new Case("interval", "-2562047788 hours -54.775808 secs", Interval.class));

    /** Multiranges (14+). */
    static final List<Case> MULTIRANGES = List.of(
        new Case("int4multirange", "{}", Multirange.class),
        new Case("int4multirange", "{[1,3),[5,7),(,-10]}", Multirange.class),
        new Case("int8multirange", "{[1,3)}", Multirange.class),
        new Case("nummultirange", "{[1.5,2.5]}", Multirange.class),
        new Case("datemultirange", "{[2024-01-01,2024-02-01),[2024-03-01,)}", Multirange.class),
        new Case("tsmultirange", "{[\"2024-01-31 10:00:00\",)}", Multirange.class),
        new Case("tstzmultirange", "{(,\"2024-01-31 10:00:00+00\")}", Multirange.class));

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

    /**
     * The driver's text equals the server's; for geometric values on servers before 12, which print
     * more digits of the same floats, it has the same numbers ({@link FloatPrinting}).
     */
    private static boolean samePrinted(Case c, String mine, String server) {
        return FloatPrinting.isFloat(c.type()) ? FloatPrinting.same(c.type(), mine, server) : java.util.Objects.equals(mine, server);
    }

    private static String select(Case c) {
        // format('%s', x) prints with the type's output function (a cast of inet to text adds /32)
        return "SELECT CAST(CAST(? AS text) AS " + c.type() + "), format('%s', CAST(CAST(? AS text) AS " + c.type() + "))";
    }

    @Test
    void jdbcReadsTheServersValuesInTextAndBinary() throws SQLException {
        jdbcReads(CASES);
    }

    @Test
    @RequiresServer(min = 15)
    void jdbcReadsIntervalsAtTheEdgesOfTheirRange() throws SQLException {
        jdbcReads(INTERVAL_EDGES);
    }

    @Test
    @RequiresServer(min = 14)
    void jdbcReadsMultiranges() throws SQLException {
        jdbcReads(MULTIRANGES);
    }

    private static void jdbcReads(List<Case> cases) throws SQLException {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            try (PreparedStatement ps = conn.prepareStatement(select(c))) {
                ps.setString(1, c.literal());
                ps.setString(2, c.literal());
                Object first = null;
                for (int run = 1; run <= 3; run++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        String label = c.type() + " '" + c.literal() + "' run " + run;
                        String serverText = rs.getString(2);
                        Object value = rs.getObject(1);
                        if (!samePrinted(c, rs.getString(1), serverText)) {
                            failures.add(label + ": getString " + rs.getString(1) + " but the server says " + serverText);
                        }
                        assertThat(value).as(label).isInstanceOf(c.javaClass());
                        assertThat(rs.getMetaData().getColumnClassName(1)).as(label).isEqualTo(c.javaClass().getName());
                        assertThat(rs.getObject(1, c.javaClass())).as(label).isEqualTo(value);
                        if (first == null) first = value;
                        assertThat(value).as(label + " against run 1").isEqualTo(first);
                        if (value instanceof Interval || value instanceof Point || value instanceof Inet
                                || value instanceof BitString || value instanceof Box || value instanceof Path) {
                            assertThat(samePrinted(c, value.toString(), serverText)).as(label + " toString " + value + " but the server says "
                                    + serverText).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void cursorReadsTheSameValues() throws SQLException {
        cursorReads(CASES);
    }

    @Test
    @RequiresServer(min = 15)
    void cursorReadsIntervalsAtTheEdgesOfTheirRange() throws SQLException {
        cursorReads(INTERVAL_EDGES);
    }

    @Test
    @RequiresServer(min = 14)
    void cursorReadsMultiranges() throws SQLException {
        cursorReads(MULTIRANGES);
    }

    private static void cursorReads(List<Case> cases) throws SQLException {
        try (Cursor cur = ysql.cursor()) {
            for (Case c : cases) {
                String sql = "SELECT %s::text::" + c.type() + ", format('%%s', %s::text::" + c.type() + ")";
                Object first = null;
                for (int run = 1; run <= 3; run++) {
                    cur.execute(sql, c.literal(), c.literal());
                    Row row = cur.fetchone();
                    String label = c.type() + " '" + c.literal() + "' run " + run;
                    assertThat(samePrinted(c, row.getString(0), (String) row.get(1))).as(label + ": " + row.getString(0)
                            + " but the server says " + row.get(1)).isTrue();
                    assertThat(row.get(0)).as(label).isInstanceOf(c.javaClass());
                    if (first == null) first = row.get(0);
                    assertThat(row.get(0)).as(label).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void laterRunsReallyReadBinary() throws SQLException {
        laterRunsReadBinary("SELECT '1 day'::interval, '(1,2)'::point, '::1'::inet, B'101', '[1,2)'::int4range, "
            + "'08:00:2b:01:02:03'::macaddr");
    }

    @Test
    @RequiresServer(min = 14)
    void laterRunsReallyReadMultirangesInBinary() throws SQLException {
        laterRunsReadBinary("SELECT '{[1,2)}'::int8multirange, '{}'::datemultirange");
    }

    private static void laterRunsReadBinary(String sql) throws SQLException {
        JdbcConnection jc = conn.unwrap(JdbcConnection.class);
        QueryResult first = jc.session().execute(sql, Bindings.NONE, 0, null);
        QueryResult second = jc.session().execute(sql, Bindings.NONE, 0, null);
        assertThat(Arrays.stream(first.description().fields()).map(RowDescription.Field::format)).containsOnly((short) 0);
        assertThat(Arrays.stream(second.description().fields()).map(RowDescription.Field::format)).containsOnly((short) 1);
    }
}
