package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.session.Bindings;
import io.ysql.internal.session.QueryResult;
import io.ysql.internal.session.Session;
import io.ysql.internal.wire.backend.RowDescription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A prepared statement's first run reads text results and its later runs binary ones (for int2,
 * int4, int8, float4, float8, bool and bytea). Every getter must return the same value either way,
 * for the extremes of each type, NaN, infinities, -0.0, denormals, NULL, empty bytea and all 256
 * byte values.
 */
class BinaryResultsIT {
    private static final String SELECT = "SELECT i2, i4, i8, f4, f8, b, by FROM extremes ORDER BY id";
    private static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < 256; i++) ALL_BYTES[i] = (byte) i;
    }

    /** One row of the table; {@code null} members are SQL NULL. */
    private record Extremes(Short i2, Integer i4, Long i8, Float f4, Double f8, Boolean b, byte[] by) {}

    private static final List<Extremes> ROWS = List.of(
            new Extremes(Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, -Float.MAX_VALUE, -Double.MAX_VALUE,
                    false, new byte[0]),
            new Extremes(Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE,
                    true, ALL_BYTES),
            new Extremes((short) 0, 0, 0L, -0.0f, -0.0d, false, new byte[] {0}),
            new Extremes((short) -1, -1, -1L, Float.NaN, Double.NaN, true, new byte[] {(byte) 0xff}),
            new Extremes((short) 1, 1, 1L, Float.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true, new byte[] {'\\'}),
            new Extremes((short) 2, 2, 2L, Float.MIN_VALUE, Double.MIN_VALUE, false, "x\\y'z".getBytes()),
            new Extremes((short) 3, 3, 3L, 0.1f, 0.1d, true, new byte[] {'\'', '"'}),
            new Extremes((short) 4, 4, 4L, Float.MIN_NORMAL, -Double.MIN_NORMAL, false, new byte[] {1, 2, 3}),
            new Extremes(null, null, null, null, null, null, null));

    private Connection conn;

    @BeforeEach
    void fill() throws SQLException {
        conn = TestServer.connect();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE extremes (id serial PRIMARY KEY, i2 int2, i4 int4, i8 int8, f4 float4, "
                    + "f8 float8, b bool, by bytea)");
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO extremes (i2, i4, i8, f4, f8, b, by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Extremes r : ROWS) {
                if (r.i2() == null) {
                    for (int i = 1; i <= 7; i++) ps.setNull(i, Types.NULL);
                } else {
                    ps.setShort(1, r.i2());
                    ps.setInt(2, r.i4());
                    ps.setLong(3, r.i8());
                    ps.setFloat(4, r.f4());
                    ps.setDouble(5, r.f8());
                    ps.setBoolean(6, r.b());
                    ps.setBytes(7, r.by());
                }
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).hasSize(ROWS.size());
        }
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    /** The rows as read by the primitive getters, with wasNull for NULL. */
    private static List<Extremes> readTyped(ResultSet rs) throws SQLException {
        List<Extremes> out = new ArrayList<>();
        while (rs.next()) {
            short i2 = rs.getShort(1);
            Short i2v = rs.wasNull() ? null : i2;
            int i4 = rs.getInt(2);
            Integer i4v = rs.wasNull() ? null : i4;
            long i8 = rs.getLong(3);
            Long i8v = rs.wasNull() ? null : i8;
            float f4 = rs.getFloat(4);
            Float f4v = rs.wasNull() ? null : f4;
            double f8 = rs.getDouble(5);
            Double f8v = rs.wasNull() ? null : f8;
            boolean b = rs.getBoolean(6);
            Boolean bv = rs.wasNull() ? null : b;
            out.add(new Extremes(i2v, i4v, i8v, f4v, f8v, bv, rs.getBytes(7)));
        }
        return out;
    }

    /** Every column through getObject and getString, byte arrays as hex, so that lists compare by value. */
    private static List<List<Object>> readGeneric(ResultSet rs) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= 7; c++) {
                Object o = rs.getObject(c);
                row.add(o instanceof byte[] bytes ? "bytes:" + HexFormat.of().formatHex(bytes) : o);
                row.add(rs.getString(c));
            }
            out.add(row);
        }
        return out;
    }

    private static String describe(List<Extremes> rows) {
        StringBuilder sb = new StringBuilder();
        for (Extremes r : rows) {
            sb.append(r.i2()).append(' ').append(r.i4()).append(' ').append(r.i8()).append(' ')
                    .append(r.f4() == null ? "null" : Integer.toHexString(Float.floatToRawIntBits(r.f4()))).append(' ')
                    .append(r.f8() == null ? "null" : Long.toHexString(Double.doubleToRawLongBits(r.f8()))).append(' ')
                    .append(r.b()).append(' ')
                    .append(r.by() == null ? "null" : HexFormat.of().formatHex(r.by())).append('\n');
        }
        return sb.toString();
    }

    @Test
    void typedGettersReturnTheSameValuesOnEveryRun() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT)) {
            for (int run = 1; run <= 3; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(describe(readTyped(rs))).as("run %d", run).isEqualTo(describe(ROWS));
                }
            }
        }
    }

    @Test
    void getObjectAndGetStringReturnTheSameValuesOnEveryRun() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT)) {
            List<List<Object>> first;
            try (ResultSet rs = ps.executeQuery()) {
                first = readGeneric(rs);
            }
            assertThat(first).hasSize(ROWS.size());
            for (int run = 2; run <= 3; run++) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(readGeneric(rs)).as("run %d against the text run", run).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void getStringMatchesTheServersText() throws SQLException {
        List<List<String>> serverText = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(SELECT)) { // the simple query protocol always answers in text
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= 7; c++) row.add(rs.getString(c));
                serverText.add(row);
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(SELECT)) {
            for (int run = 1; run <= 2; run++) {
                List<List<String>> got = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= 7; c++) row.add(rs.getString(c));
                        got.add(row);
                    }
                }
                assertThat(got).as("run %d", run).isEqualTo(serverText);
            }
        }
    }

    @Test
    void laterRunsReallyAskForBinary() throws SQLException {
        Session session = conn.unwrap(JdbcConnection.class).session();
        String sql = SELECT + " LIMIT 2";
        QueryResult first = session.execute(sql, Bindings.NONE, 0, null);
        QueryResult second = session.execute(sql, Bindings.NONE, 0, null);

        assertThat(Arrays.stream(first.description().fields()).map(RowDescription.Field::format))
                .containsOnly((short) 0);
        assertThat(Arrays.stream(second.description().fields()).map(RowDescription.Field::format))
                .containsOnly((short) 1);
    }

    @Test
    void allByteValuesSurviveBothWays() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::bytea, length(?::bytea)")) {
            for (int run = 1; run <= 3; run++) {
                ps.setBytes(1, ALL_BYTES);
                ps.setBytes(2, ALL_BYTES);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBytes(1)).as("run %d", run).containsExactly(ALL_BYTES);
                    assertThat(rs.getInt(2)).isEqualTo(256);
                }
            }
        }
    }
}
