package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.jdbc.TestServer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Typed rows through COPY: {@link CopyIn#writeRow} in the text, CSV and binary formats, checked
 * against what the server then returns to a SELECT; {@link CopyOut#readRow} in each format,
 * decoded with and without the column types; and a copy out closed early.
 */
class CopyRowsIT {
    private static final String COLUMNS = "id, small, big, name, price, flag, day, at, uid, data, doc, nums";
    private static final String[] TYPES = {"int4", "int2", "int8", "text", "numeric", "bool", "date", "timestamptz",
            "uuid", "bytea", "jsonb", "_int4"};
    private static final UUID UID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final OffsetDateTime AT = OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 123456000, ZoneOffset.UTC);
    private static final byte[] BIG = bytes(300_000);

    private YsqlConnection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connectYsql();
        exec("DROP TABLE IF EXISTS copy_rows");
        exec("CREATE TABLE copy_rows (id int PRIMARY KEY, small int2, big int8, name text, price numeric, flag bool, "
                + "day date, at timestamptz, uid uuid, data bytea, doc jsonb, nums int[])");
        exec("SET TIME ZONE 'UTC'");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static Object[][] rows() {
        return new Object[][] {
            {1, (short) 7, 9_000_000_000L, "plain", new BigDecimal("12.50"), true, LocalDate.of(2024, 1, 2), AT, UID,
                new byte[] {0, 1, (byte) 0xff}, "{\"a\": [1, 2]}", new int[] {1, 2, 3}},
            {2, null, null, null, null, null, null, null, null, null, null, null},
            {3, (short) -1, -1L, "tab\there\nnew\rline \\ back\\\\slash \"quote\", comma", new BigDecimal("-0.001"), false,
                LocalDate.of(1999, 12, 31), AT.toInstant(), UID, BIG, "\"ü😀\"", new int[0]},
            {4, (short) 0, 0L, "üñí €😀 中文 \\N", BigDecimal.ZERO, true, LocalDate.of(2000, 2, 29), AT, UID, new byte[0],
                "null", new int[] {-5}},
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " (FORMAT csv)", " (FORMAT binary)"})
    void writeRowRoundTripsEveryValue(String format) throws SQLException {
        Copy copy = conn.copy().withTypes(TYPES);
        try (CopyIn in = copy.copyIn("COPY copy_rows (" + COLUMNS + ") FROM STDIN" + format)) {
            for (Object[] row : rows()) in.writeRow(row);
            assertThat(in.end()).isEqualTo(4);
        }
        checkTable();
    }

    @Test
    void binaryWithoutTypesTakesValuesOfTheColumnsOwnJavaTypes() throws SQLException {
        try (CopyIn in = conn.copyIn("COPY copy_rows (id, big, name, at) FROM STDIN (FORMAT binary)")) {
            in.writeRow(1, 5L, "x", AT);
            in.writeRow(2, null, "ü", null);
            assertThat(in.end()).isEqualTo(2);
        }
        assertThat(column("SELECT big::text || '|' || name || '|' || coalesce(at::text, '') FROM copy_rows ORDER BY id"))
                .containsExactly("5|x|2024-02-29 13:14:15.123456+00", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " (FORMAT csv)", " (FORMAT binary)"})
    void readRowDecodesAsTheGivenTypes(String format) throws SQLException {
        insertRows();
        List<Object[]> read = new ArrayList<>();
        try (CopyOut out = conn.copy().withTypes(TYPES).copyOut("COPY (SELECT " + COLUMNS
                + " FROM copy_rows ORDER BY id) TO STDOUT" + format)) {
            for (Object[] row : out) read.add(row);
            assertThat(out.rowCount()).isEqualTo(4);
            assertThat(out.isActive()).isFalse();
        }
        assertThat(read).hasSize(4);
        Object[] first = read.get(0);
        assertThat(first[0]).isEqualTo(1);
        assertThat(first[2]).isEqualTo(9_000_000_000L);
        assertThat(first[3]).isEqualTo("plain");
        assertThat(first[4]).isEqualTo(new BigDecimal("12.50"));
        assertThat(first[5]).isEqualTo(true);
        assertThat(first[6]).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(((OffsetDateTime) first[7]).toInstant()).isEqualTo(AT.toInstant());
        assertThat(first[8]).isEqualTo(UID);
        assertThat(first[9]).isEqualTo(new byte[] {0, 1, (byte) 0xff});
        assertThat(read.get(1)).containsOnly(2, null);
        assertThat(read.get(2)[3]).isEqualTo("tab\there\nnew\rline \\ back\\\\slash \"quote\", comma");
        assertThat(read.get(2)[9]).isEqualTo(BIG);
        assertThat(read.get(3)[3]).isEqualTo("üñí €😀 中文 \\N");
        assertThat(read.get(3)[9]).isEqualTo(new byte[0]);
    }

    @Test
    void readRowWithoutTypesGivesTheTextOfEachField() throws SQLException {
        insertRows();
        try (CopyOut out = conn.copyOut("COPY (SELECT id, name, price, flag FROM copy_rows ORDER BY id) TO STDOUT")) {
            assertThat(out.readRow()).containsExactly("1", "plain", "12.50", "t");
            assertThat(out.readRow()).containsExactly("2", null, null, null);
            assertThat(out.readRow()[1]).isEqualTo("tab\there\nnew\rline \\ back\\\\slash \"quote\", comma");
            assertThat(out.readRow()[1]).isEqualTo("üñí €😀 中文 \\N");
            assertThat(out.readRow()).isNull();
            assertThat(out.readRow()).isNull();
        }
    }

    @Test
    void closingACopyOutEarlyLeavesTheConnectionUsable() throws SQLException {
        try (CopyOut out = conn.copyOut("COPY (SELECT g, repeat('x', 100) FROM generate_series(1, 200000) g) TO STDOUT")) {
            assertThat(out.readRow()[0]).isEqualTo("1");
            assertThat(new String(out.readChunk(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("2\t");
        }
        assertThat(column("SELECT 42")).containsExactly("42");
    }

    private void insertRows() throws SQLException {
        try (CopyIn in = conn.copy().withTypes(TYPES).copyIn("COPY copy_rows (" + COLUMNS + ") FROM STDIN")) {
            for (Object[] row : rows()) in.writeRow(row);
            in.end();
        }
    }

    private void checkTable() throws SQLException {
        assertThat(column("SELECT concat_ws('|', id, small, big, name, price, flag, day, at, uid, encode(data, 'hex'), doc, nums) "
                + "FROM copy_rows WHERE id <> 3 ORDER BY id")).containsExactly(
                "1|7|9000000000|plain|12.50|t|2024-01-02|2024-02-29 13:14:15.123456+00|" + UID + "|0001ff|{\"a\": [1, 2]}|{1,2,3}",
                "2",
                "4|0|0|üñí €😀 中文 \\N|0|t|2000-02-29|2024-02-29 13:14:15.123456+00|" + UID + "||null|{-5}");
        assertThat(column("SELECT concat_ws('|', name, price, flag, day, doc, nums, length(data), md5(data)) FROM copy_rows "
                + "WHERE id = 3")).containsExactly("tab\there\nnew\rline \\ back\\\\slash \"quote\", comma|-0.001|f|1999-12-31|"
                + "\"ü😀\"|{}|300000|" + md5(BIG));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + (i >> 8));
        return b;
    }

    private static String md5(byte[] b) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(b);
            StringBuilder s = new StringBuilder();
            for (byte x : d) s.append(String.format("%02x", x));
            return s.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    @SuppressWarnings("unused")
    private static String show(Object[] row) { return Arrays.deepToString(row); }
}
