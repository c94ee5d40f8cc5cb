package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arrays of every built-in element type the driver decodes, in one and two dimensions, with
 * NULLs, read and written through JDBC and the cursor API, in text (a statement's first run) and
 * binary (its second run, for element types read in binary). The server is the oracle: elements
 * must equal what the driver reads for {@code unnest} of the same array, and a value written
 * back must print, as the server's text, exactly as the original.
 */
class ArrayTypesIT {

    /** An element type, a literal of its array type, and whether values read as Java objects write back unchanged. */
    record Case(String type, String literal, boolean writable) {
        @Override public String toString() { return type + "[] " + literal; }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("int2", "{1,NULL,-32768,32767}", true),
            new Case("int2", "{{1,2},{NULL,4}}", true),
            new Case("int4", "{1,NULL,-2147483648,2147483647}", true),
            new Case("int4", "{{1,2,3},{4,5,NULL}}", true),
            new Case("int4", "{}", true),
            new Case("int8", "{9223372036854775807,NULL,-1}", true),
            new Case("int8", "{{1},{2}}", true),
            new Case("float4", "{1.5,NaN,-Infinity,NULL,1e-30,3.4028235e+38}", true),
            new Case("float8", "{0.1,NaN,Infinity,NULL,-1e-300,1.7976931348623157e+308}", true),
            new Case("float8", "{{0.5,1},{2,NULL}}", true),
            new Case("numeric", "{1.50,-0.001,NULL,123456789012345678901234567890.123}", true),
            new Case("numeric", "{{1,2},{3,4}}", true),
            new Case("bool", "{t,f,NULL}", true),
            new Case("bool", "{{t},{f}}", true),
            new Case("text", "{\"a b\",\"\",NULL,\"NULL\",\"q\\\"q\",\"b\\\\s\",\"{x}\",\"é😀\",\",\",\" lead\"}", true),
            new Case("text", "{{a,b},{c,NULL}}", true),
            new Case("varchar", "{x,NULL,\"y z\"}", true),
            new Case("bpchar", "{ab,NULL,\"c d\"}", true),
            new Case("bytea", "{\"\\\\x0001ff\",NULL,\"\\\\x\"}", true),
            new Case("bytea", "{{\"\\\\x01\"},{\"\\\\x02\"}}", true),
            new Case("uuid", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}", true),
            new Case("date", "{2024-01-05,NULL,1999-12-31}", true),
            new Case("date", "{{2024-01-05},{2024-02-29}}", true),
            new Case("timestamp", "{\"2024-01-05 10:00:00.123456\",NULL,\"1970-01-01 00:00:00\"}", true),
            new Case("timestamptz", "{\"2024-01-05 10:00:00.5+02\",NULL}", true),
            new Case("time", "{10:00:00,NULL,23:59:59}", true),
            new Case("timetz", "{10:00:00+02,NULL}", false),
            new Case("interval", "{\"1 day 02:00:00\",NULL}", true),
            new Case("json", "{\"{\\\"a\\\": [1, 2]}\",NULL}", true),
            new Case("jsonb", "{\"{\\\"a\\\": 1}\",NULL}", true),
            new Case("inet", "{10.0.0.1,::1/128,NULL}", true),
            new Case("oid", "{1,4294967295,NULL}", true),
            new Case("name", "{pg_class,NULL}", true),
            new Case("char", "{a,NULL}", true),
            new Case("point", "{\"(1,2)\",NULL}", true),
            new Case("box", "{(1,1),(0,0);NULL}", true),
            new Case("int4", "[0:2]={1,2,3}", false));
    }

    private Connection conn;
    private YsqlConnection ysql;
    private Cursor cur;

    @BeforeEach
    void open() throws SQLException {
        PgCluster c = PgCluster.shared();
        Properties p = new Properties();
        p.setProperty("user", c.superuser());
        p.setProperty("password", c.superuserPassword());
        conn = DriverManager.getConnection(c.jdbcUrl(), p);
        ysql = Ysql.connect(c.conninfo(c.superuser(), c.superuserPassword()));
        cur = ysql.cursor();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        ysql.close();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jdbcReadsAndWritesArrays(Case c) throws SQLException {
        List<Object> expected = new ArrayList<>();
        String elementTypeName;
        try (PreparedStatement ps = conn.prepareStatement("SELECT x FROM unnest(?::" + c.type() + "[]) x")) {
            ps.setString(1, c.literal());
            try (ResultSet rs = ps.executeQuery()) {
                elementTypeName = rs.getMetaData().getColumnTypeName(1);
                while (rs.next()) expected.add(rs.getObject(1));
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT ?::" + c.type() + "[], (?::" + c.type() + "[])::text, array_ndims(?::" + c.type() + "[])")) {
            for (int run = 0; run < 2; run++) { // the first run reads text, the second binary where the type allows
                for (int i = 1; i <= 3; i++) ps.setString(i, c.literal());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    String serverText = rs.getString(2);
                    assertPrinted(c, rs.getString(1), serverText, "run " + run);
                    assertThat(rs.getObject(1)).isInstanceOf(Array.class);
                    assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo("java.sql.Array");
                    Array a = rs.getArray(1);
                    assertThat(a.getBaseTypeName()).isEqualTo(elementTypeName);
                    Object values = a.getArray();
                    assertThat(dimensions(values)).isEqualTo(Math.max(1, rs.getInt(3)));
                    assertThat(flatten(values).toArray()).as("run %d", run).isEqualTo(expected.toArray());
                    assertPrinted(c, a.toString(), serverText, "toString");
                    if (c.writable()) writeBack(c, a, values, serverText);
                }
            }
        }
    }

    /** The array written back three ways must print as the server printed the original. */
    private void writeBack(Case c, Array a, Object values, String serverText) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT (?::" + c.type() + "[])::text")) {
            ps.setObject(1, values);
            assertThat(single(ps)).as("setObject(%s)", values.getClass().getSimpleName()).isEqualTo(serverText);
            ps.setArray(1, a);
            assertThat(single(ps)).as("setArray").isEqualTo(serverText);
            ps.setArray(1, conn.createArrayOf(a.getBaseTypeName(), (Object[]) values));
            assertThat(single(ps)).as("createArrayOf").isEqualTo(serverText);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void cursorReadsNestedListsAndAdaptsListsBack(Case c) throws SQLException {
        List<Object> expected = new ArrayList<>();
        cur.execute("SELECT x FROM unnest(%s::" + c.type() + "[]) x", c.literal());
        for (Row r : cur.fetchall()) expected.add(r.get(0));
        String sql = "SELECT %s::" + c.type() + "[], (%s::" + c.type() + "[])::text";
        for (int run = 0; run < 2; run++) {
            cur.execute(sql, c.literal(), c.literal());
            Row row = cur.fetchone();
            assertThat(row.get(0)).isInstanceOf(List.class);
            String serverText = row.getString(1);
            assertPrinted(c, row.getString(0), serverText, "cursor run " + run);
            List<?> list = (List<?>) row.get(0);
            assertThat(flatten(list).toArray()).as("run %d", run).isEqualTo(expected.toArray());
            if (c.writable()) {
                cur.execute("SELECT (%s::" + c.type() + "[])::text", list);
                assertThat(cur.fetchone().getString(0)).as("list written back").isEqualTo(serverText);
            }
        }
    }

    /** The driver's text of an array equals the server's; for floats before 12, as values ({@link FloatPrinting}). */
    private static void assertPrinted(Case c, String mine, String server, String label) {
        if (FloatPrinting.isFloat(c.type())) FloatPrinting.assertSameFloats(c.type(), mine, server, c + " " + label);
        else assertThat(mine).as("%s %s", c, label).isEqualTo(server);
    }

    private static String single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    static int dimensions(Object javaArray) {
        int n = 0;
        for (Class<?> k = javaArray.getClass(); k.isArray() && k != byte[].class; k = k.getComponentType()) n++;
        return n;
    }

    /** The leaves of nested Java arrays or lists, in order. */
    static List<Object> flatten(Object nested) {
        List<Object> out = new ArrayList<>();
        if (nested instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof List<?>) out.addAll(flatten(o));
                else out.add(o);
            }
        } else {
            for (Object o : (Object[]) nested) {
                if (o instanceof Object[]) out.addAll(flatten(o));
                else out.add(o);
            }
        }
        return out;
    }

    static String deep(Object o) {
        return o instanceof Object[] a ? Arrays.deepToString(a) : String.valueOf(o);
    }
}
