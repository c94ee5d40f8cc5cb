package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code java.sql.Array} API and the array parameter paths against the server: slices and
 * result sets of an array, lower bounds, six dimensions, ragged input, {@code createArrayOf}
 * with SQL type spellings into table columns, primitive Java arrays and lists as parameters in
 * JDBC and the cursor API, and random round trips (the seed is printed with any failure).
 */
class ArrayApiIT {
    private Connection conn;
    private YsqlConnection ysql;

    @BeforeEach
    void open() throws SQLException {
        PgCluster c = PgCluster.shared();
        Properties p = new Properties();
        p.setProperty("user", c.superuser());
        p.setProperty("password", c.superuserPassword());
        conn = DriverManager.getConnection(c.jdbcUrl(), p);
        ysql = Ysql.connect(c.conninfo(c.superuser(), c.superuserPassword()));
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        ysql.close();
    }

    /** Runs {@code sql} twice (text, then binary where the type allows) and checks the row each time. */
    private void twice(String sql, RowCheck check) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int run = 0; run < 2; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    check.accept(rs);
                }
            }
        }
    }

    interface RowCheck {
        void accept(ResultSet rs) throws SQLException;
    }

    private static SQLException failure(Throwable t) {
        return (SQLException) t;
    }

    @Test
    void slicesAndResultSetsOfAOneDimensionalArray() throws SQLException {
        twice("SELECT '{10,NULL,30,40}'::int4[]", rs -> {
            Array a = rs.getArray(1);
            assertThat(a.getBaseType()).isEqualTo(Types.INTEGER);
            assertThat(a.getBaseTypeName()).isEqualTo("int4");
            assertThat((Integer[]) a.getArray(2, 2)).containsExactly(null, 30);
            try (ResultSet elements = a.getResultSet()) {
                assertThat(elements.getMetaData().getColumnName(1)).isEqualTo("INDEX");
                assertThat(elements.getMetaData().getColumnName(2)).isEqualTo("VALUE");
                assertThat(elements.next()).isTrue();
                assertThat(elements.getInt(1)).isEqualTo(1);
                assertThat(elements.getInt("VALUE")).isEqualTo(10);
                assertThat(elements.next()).isTrue();
                assertThat(elements.getObject(2)).isNull();
            }
            try (ResultSet tail = a.getResultSet(3, 2)) {
                assertThat(tail.next()).isTrue();
                assertThat(tail.getInt(1)).isEqualTo(3);
                assertThat(tail.getObject(2)).isEqualTo(30);
                assertThat(tail.next()).isTrue();
                assertThat(tail.next()).isFalse();
            }
            assertThatThrownBy(() -> a.getArray(4, 2)).satisfies(t -> assertThat(failure(t).getSQLState()).isEqualTo("2202E"));
            assertThatThrownBy(() -> a.getArray(0, 1)).satisfies(t -> assertThat(failure(t).getSQLState()).isEqualTo("2202E"));
            a.free();
            assertThatThrownBy(a::getArray).satisfies(t -> assertThat(failure(t).getSQLState()).isEqualTo("55000"));
        });
    }

    @Test
    void resultSetOfATwoDimensionalArrayHoldsSubArrays() throws SQLException {
        twice("SELECT '{{1,2},{3,NULL}}'::int8[]", rs -> {
            Array a = rs.getArray(1);
            assertThat(a.getArray()).isEqualTo(new Long[][] {{1L, 2L}, {3L, null}});
            assertThat(a.getArray(2, 1)).isEqualTo(new Long[][] {{3L, null}});
            try (ResultSet items = a.getResultSet()) {
                assertThat(items.next()).isTrue();
                assertThat(items.getObject(2)).isInstanceOf(Array.class);
                assertThat(items.getArray(2).getArray()).isEqualTo(new Long[] {1L, 2L});
                assertThat(items.next()).isTrue();
                assertThat(items.getString(2)).isEqualTo("{3,NULL}");
            }
        });
    }

    @Test
    void lowerBoundsAreDroppedFromValuesButShownInText() throws SQLException {
        twice("SELECT '[0:2]={1,2,3}'::int4[], '[-1:0][3:4]={{a,b},{c,d}}'::text[]", rs -> {
            assertThat(rs.getArray(1).getArray()).isEqualTo(new Integer[] {1, 2, 3});
            assertThat(rs.getString(1)).isEqualTo("[0:2]={1,2,3}");
            assertThat(rs.getArray(1).toString()).isEqualTo("[0:2]={1,2,3}");
            assertThat(rs.getObject(2, String[][].class)).isEqualTo(new String[][] {{"a", "b"}, {"c", "d"}});
            assertThat(rs.getString(2)).isEqualTo("[-1:0][3:4]={{a,b},{c,d}}");
        });
        Cursor cur = ysql.cursor();
        cur.execute("SELECT '[0:2]={1,2,3}'::int4[]");
        assertThat(cur.fetchone().get(0)).isEqualTo(List.of(1, 2, 3));
    }

    @Test
    void sixDimensionsAreTheLimit() throws SQLException {
        twice("SELECT '{{{{{{1,2}}}}}}'::int4[]", rs -> {
            assertThat(rs.getObject(1, Integer[][][][][][].class)[0][0][0][0][0]).containsExactly(1, 2);
            assertThat(rs.getArray(1).getArray()).isInstanceOf(Integer[][][][][][].class);
        });
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int4[]::text")) {
            ps.setObject(1, new int[][][][][][] {{{{{{7}}}}}});
            assertThat(single(ps)).isEqualTo("{{{{{{7}}}}}}");
            assertThatThrownBy(() -> ps.setObject(1, new int[1][1][1][1][1][1][1]))
                .satisfies(t -> assertThat(failure(t).getSQLState()).isEqualTo("54000"));
        }
    }

    @Test
    void raggedArraysAreRefused() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int4[]")) {
            assertThatThrownBy(() -> ps.setObject(1, new Integer[][] {{1, 2}, {3}}))
                .satisfies(t -> assertThat(failure(t).getSQLState()).isEqualTo("2202E"));
            ps.setString(1, "{{1,2},{3}}");
            assertThatThrownBy(ps::executeQuery).satisfies(t -> assertThat(failure(t).getSQLState()).isEqualTo("22P02"));
        }
    }

    @Test
    void createArrayOfWithSqlSpellingsFillsTableColumns() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS array_columns");
            st.execute("CREATE TABLE array_columns (i int4[], b bigint[], d double precision[], t timestamptz[],"
                + " v varchar(10)[], x text[], u uuid[], n numeric(10,2)[], s smallint[])");
        }
        Timestamp ts = Timestamp.valueOf("2024-01-05 10:00:00.25");
        UUID uuid = UUID.randomUUID();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO array_columns VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setArray(1, conn.createArrayOf("integer", new Integer[] {1, null}));
            ps.setArray(2, conn.createArrayOf("bigint", new Object[] {Long.MAX_VALUE}));
            ps.setArray(3, conn.createArrayOf("double precision", new Double[] {0.5}));
            ps.setArray(4, conn.createArrayOf("timestamptz", new Timestamp[] {ts}));
            ps.setArray(5, conn.createArrayOf("character varying", new String[] {"a,b", "NULL"}));
            ps.setArray(6, conn.createArrayOf("text", new String[][] {{"x"}, {"y"}}));
            ps.setArray(7, conn.createArrayOf("uuid", new UUID[] {uuid}));
            ps.setArray(8, conn.createArrayOf("numeric", new BigDecimal[] {new BigDecimal("1.25")}));
            ps.setArray(9, conn.createArrayOf("int2", new Object[] {(short) 3, 4}));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        twice("SELECT * FROM array_columns", rs -> {
            assertThat(rs.getArray(1).getArray()).isEqualTo(new Integer[] {1, null});
            assertThat(rs.getArray(2).getArray()).isEqualTo(new Long[] {Long.MAX_VALUE});
            assertThat(rs.getArray(3).getArray()).isEqualTo(new Double[] {0.5});
            assertThat(rs.getArray(4).getArray()).isEqualTo(new Timestamp[] {ts});
            assertThat(rs.getArray(5).getArray()).isEqualTo(new String[] {"a,b", "NULL"});
            assertThat(rs.getArray(6).getArray()).isEqualTo(new String[][] {{"x"}, {"y"}});
            assertThat(rs.getArray(7).getArray()).isEqualTo(new UUID[] {uuid});
            assertThat(rs.getArray(8).getArray()).isEqualTo(new BigDecimal[] {new BigDecimal("1.25")});
            assertThat(rs.getObject(9, short[].class)).containsExactly((short) 3, (short) 4);
            assertThat(rs.getArray(5).getBaseTypeName()).isEqualTo("varchar");
        });
    }

    @Test
    void javaArraysAndListsAsParametersCarryTheirType() throws SQLException {
        Object[][] cases = {
            {new int[] {1, 2}, "integer[]", "{1,2}"},
            {new long[] {1L << 40}, "bigint[]", "{1099511627776}"},
            {new short[] {-1}, "smallint[]", "{-1}"},
            {new double[] {0.1, Double.NaN}, "double precision[]", "{0.1,NaN}"},
            {new float[] {1.5f}, "real[]", "{1.5}"},
            {new boolean[] {true, false}, "boolean[]", "{t,f}"},
            {new byte[][] {{0, (byte) 0xff}, null}, "bytea[]", "{\"\\\\x00ff\",NULL}"},
            {new Integer[][] {{1, null}, {3, 4}}, "integer[]", "{{1,NULL},{3,4}}"},
            {new String[] {"a b", null, ""}, "text[]", "{\"a b\",NULL,\"\"}"},
            {new BigDecimal[] {new BigDecimal("-1.50")}, "numeric[]", "{-1.50}"},
            {new java.time.LocalDate[] {java.time.LocalDate.of(2024, 2, 29)}, "date[]", "{2024-02-29}"},
            {List.of(5L, 6L), "bigint[]", "{5,6}"},
            {Arrays.asList(null, "x"), "text[]", "{NULL,x}"},
            {List.of(List.of(true), List.of(false)), "boolean[]", "{{t},{f}}"},
        };
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_typeof(?)::text, ?::text")) {
            for (Object[] c : cases) {
                ps.setObject(1, c[0]);
                ps.setObject(2, c[0], Types.ARRAY);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("type of %s", c[0]).isEqualTo(c[1]);
                    if (c[1].equals("double precision[]") || c[1].equals("real[]")) { // more digits before 12
                        FloatPrinting.assertSameFloats(c[1].equals("real[]") ? "float4" : "float8", (String) c[2],
                                rs.getString(2), "text of " + c[1]);
                    } else {
                        assertThat(rs.getString(2)).as("text of %s", c[0]).isEqualTo(c[2]);
                    }
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT cardinality(?::int4[])")) {
            ps.setObject(1, List.of());
            assertThat(single(ps)).isEqualTo("0");
        }
    }

    @Test
    void requestedClassesAndNullElementsInPrimitiveArrays() throws SQLException {
        twice("SELECT '{1,NULL}'::int4[], '{1.5,2}'::float8[]", rs -> {
            assertThatThrownBy(() -> rs.getObject(1, int[].class))
                .satisfies(t -> assertThat(failure(t).getSQLState()).isEqualTo("22004"));
            assertThat(rs.getObject(1, Integer[].class)).containsExactly(1, null);
            assertThat(rs.getObject(1, List.class)).isEqualTo(Arrays.asList(1, null));
            assertThat(rs.getObject(1, Object[].class)).containsExactly(1, null);
            assertThat(rs.getObject(2, double[].class)).containsExactly(1.5, 2.0);
            assertThat(rs.getObject(2, String[].class)).containsExactly("1.5", "2");
            assertThat(rs.getObject(2, Array.class).getArray()).isEqualTo(new Double[] {1.5, 2.0});
        });
    }

    @Test
    void cursorApiAdaptsJavaArraysAndLists() throws SQLException {
        Cursor cur = ysql.cursor();
        cur.execute("SELECT pg_typeof(%s)::text, %s::text", new int[] {1, 2}, List.of("a", "b"));
        Row r = cur.fetchone();
        assertThat(r.getString(0)).isEqualTo("integer[]");
        assertThat(r.getString(1)).isEqualTo("{a,b}");
        cur.execute("SELECT %s::int8[]", List.of(List.of(1, 2), List.of(3, 4)));
        assertThat(cur.fetchone().get(0)).isEqualTo(List.of(List.of(1L, 2L), List.of(3L, 4L)));
        cur.execute("SELECT %s::int4[]", List.of());
        assertThat(cur.fetchone().get(0)).isEqualTo(List.of());
    }

    @Test
    void randomRoundTripsAgreeWithTheServer() throws SQLException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, ?::text")) {
            for (int round = 0; round < 60; round++) {
                Object value = RandomArrays.next(random);
                for (int run = 0; run < 2; run++) {
                    ps.setObject(1, value);
                    ps.setObject(2, value);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        String what = "seed " + seed + " round " + round + " run " + run + ": " + ArrayTypesIT.deep(value);
                        // binary float8 → text can pick a shorter tie-breaking spelling than the server's; values still agree
                        if (!(value instanceof Double[] || value instanceof Double[][] || value instanceof Double[][][])) {
                            assertThat(rs.getString(1)).as(what).isEqualTo(rs.getString(2));
                        }
                        assertThat(rs.getArray(1).getArray()).as(what).isEqualTo(value);
                    }
                }
            }
        }
    }

    private static String single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
