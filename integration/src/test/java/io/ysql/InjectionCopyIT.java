package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.testkit.PgCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values through COPY: rows written with {@link CopyIn#writeRow} in the text, CSV and
 * binary formats (tabs, newlines, carriage returns, {@code \.} lines, {@code \N}, backslashes,
 * quotes, commas, empty strings beside NULLs) come back unchanged through {@link CopyOut#readRow}
 * and a SELECT, with the exact row count and one COPY statement in the log; the server's own dump
 * of them, copied back in from a {@code Reader} or {@code InputStream}, restores the same rows;
 * NUL and unpaired surrogates abort the copy before any row is stored; and the cursor's {@code
 * copyFrom}/{@code copyTo} keep a hostile table, column, separator or null string out of the
 * statement.
 */
class InjectionCopyIT {
    private static final String[] SPECIAL = {"", "\\.", "\n\\.\n", "\\.\n", "\\N", "NULL", "\r\n", "\r", ",", "\"",
        "\"\"", "\t", "\\", "\\\\.", " ", "a,\"b\"\n\\.\r"};
    private final PgCluster cluster = PgCluster.shared();
    private InjectionSchema schema;
    private HostileStrings hostile;

    @BeforeEach
    void setUp(TestInfo test) {
        schema = new InjectionSchema(cluster, "injection_copy_it");
        hostile = new HostileStrings("InjectionCopyIT." + test.getTestMethod().orElseThrow().getName() + " "
                + test.getDisplayName());
    }

    private static String options(String format) {
        return format.equals("text") ? "" : " (FORMAT " + format + ")";
    }

    /** Rows (id, v, w): hostile strings, the special ones, and a NULL now and then. */
    private List<Object[]> rows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (String s : SPECIAL) rows.add(new Object[] {rows.size() + 1, s, s});
        while (rows.size() < n) {
            String w = hostile.random().nextInt(8) == 0 ? null : hostile.next();
            rows.add(new Object[] {rows.size() + 1, hostile.next(), w});
        }
        return rows;
    }

    private static List<String> column(List<Object[]> rows, int i) {
        List<String> out = new ArrayList<>();
        for (Object[] r : rows) out.add((String) r[i]);
        return out;
    }

    private void assertStored(YsqlConnection conn, List<Object[]> rows) throws SQLException {
        assertThat(schema.column(conn, "v")).as("v").isEqualTo(column(rows, 1));
        assertThat(schema.column(conn, "w")).as("w").isEqualTo(column(rows, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "csv", "binary"})
    void writeRowAndReadRowRoundTripHostileValues(String format) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo(""))) {
            Copy copy = conn.copy().withTypes("int4", "text", "text");
            List<Object[]> rows = rows(300);
            try (CopyIn in = copy.copyIn("COPY t (id, v, w) FROM STDIN" + options(format))) {
                for (Object[] r : rows) in.writeRow(r);
                assertThat(in.end()).isEqualTo(rows.size());
            }
            assertStored(conn, rows);
            assertThat(schema.statements(conn)).containsExactly("INSERT t");
            List<Object[]> read = new ArrayList<>();
            try (CopyOut out = copy.copyOut("COPY (SELECT id, v, w FROM t ORDER BY id) TO STDOUT" + options(format))) {
                for (Object[] r : out) read.add(r);
                assertThat(out.rowCount()).isEqualTo(rows.size());
            }
            assertThat(read).hasSameSizeAs(rows);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(read.get(i)).as("row %d", i + 1).isEqualTo(rows.get(i));
            }
            assertThat(schema.statements(conn)).containsExactly("INSERT t");
            schema.assertUntouched(conn);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "csv", "binary"})
    void theServersDumpCopiedBackInRestoresTheSameRows(String format) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo(""))) {
            List<Object[]> rows = rows(200);
            try (CopyIn in = conn.copy().withTypes("int4", "text", "text").copyIn("COPY t FROM STDIN")) {
                for (Object[] r : rows) in.writeRow(r);
                in.end();
            }
            String out = "COPY (SELECT id, v, w FROM t ORDER BY id) TO STDOUT" + options(format);
            String in = "COPY t (id, v, w) FROM STDIN" + options(format);
            if (format.equals("binary")) {
                ByteArrayOutputStream dump = new ByteArrayOutputStream();
                assertThat(conn.copy().copyOut(out, dump)).isEqualTo(rows.size());
                cluster.psql("TRUNCATE " + schema.name + ".t");
                schema.clearLog();
                assertThat(conn.copy().copyIn(in, new ByteArrayInputStream(dump.toByteArray()))).isEqualTo(rows.size());
            } else {
                StringWriter dump = new StringWriter();
                assertThat(conn.copy().copyOut(out, dump)).isEqualTo(rows.size());
                cluster.psql("TRUNCATE " + schema.name + ".t");
                schema.clearLog();
                assertThat(conn.copy().copyIn(in, new StringReader(dump.toString()))).isEqualTo(rows.size());
            }
            assertStored(conn, rows);
            assertThat(schema.statements(conn)).containsExactly("INSERT t");
            schema.assertUntouched(conn);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "csv", "binary"})
    void nulAndUnpairedSurrogatesAbortTheCopy(String format) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo(""))) {
            Copy copy = conn.copy().withTypes("int4", "text", "text");
            for (String bad : List.of("a\u0000b", "x\ud800", "\udc00y", "\u0000")) {
                String v = hostile.next() + bad + hostile.next();
                SQLException e = catchThrowableOfType(SQLException.class, () -> {
                    try (CopyIn in = copy.copyIn("COPY t (id, v, w) FROM STDIN" + options(format))) {
                        in.writeRow(1, "fine", "fine");
                        in.writeRow(2, "fine", v);
                        in.end();
                    }
                });
                assertThat((Object) e).as("%s refused", Arrays.toString(bad.chars().toArray())).isNotNull();
                // the copy is aborted (CopyFail, 57014) because the value could not be encoded (22021)
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getCause()).isInstanceOf(SQLException.class);
                assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("22021");
            }
            assertThat(schema.column(conn, "v")).isEmpty();
            assertThat(schema.statements(conn)).isEmpty();
            schema.assertUntouched(conn);
        }
    }

    @Test
    void cursorCopyQuotesTableColumnsSeparatorAndNullString() throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo("")); Cursor cur = conn.cursor()) {
            // the separator and the null string may not share a character: one round each for the two quotes
            String[][] rounds = {{"'", "\"; DROP TABLE canary; --"}, {"|", "'); DROP TABLE canary; --"}};
            int id = 0;
            List<String> expected = new ArrayList<>();
            for (String[] round : rounds) {
                String sep = round[0];
                String nullString = round[1];
                String data = (id + 1) + sep + "one\n" + (id + 2) + sep + nullString + "\n" + (id + 3) + sep + "th\\" + sep
                        + "ree\n";
                assertThat(cur.copyFrom(new StringReader(data), schema.name + ".t", sep, nullString, "id", "v")).isEqualTo(3);
                expected.addAll(Arrays.asList("one", null, "th" + sep + "ree"));
                assertThat(schema.column(conn, "v")).isEqualTo(expected);
                StringWriter out = new StringWriter();
                assertThat(cur.copyTo(out, "t", sep, nullString, "id", "v")).isEqualTo(expected.size());
                assertThat(out.toString()).endsWith(data);
                id += 3;
            }
            for (String table : List.of("t (id) FROM STDIN; DROP TABLE canary; --", "t\" (id) FROM STDIN; --", "t'")) {
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> cur.copyFrom(new StringReader("4\tx\n"), table, "\t", "\\N", "id", "v"));
                assertThat(e.getSQLState()).as(table).isEqualTo("42P01");
            }
            for (String col : List.of("v) FROM STDIN; DROP TABLE canary; --", "v\") TO STDOUT; --")) {
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> cur.copyFrom(new StringReader("4\tx\n"), "t", "\t", "\\N", "id", col));
                assertThat(e.getSQLState()).as(col).isEqualTo("42703");
                e = catchThrowableOfType(SQLException.class, () -> cur.copyTo(new StringWriter(), "t", "\t", "\\N", col));
                assertThat(e.getSQLState()).as(col).isEqualTo("42703");
            }
            assertThat(schema.column(conn, "v")).isEqualTo(expected);
            assertThat(schema.statements(conn)).containsExactly("INSERT t", "INSERT t");
            schema.assertUntouched(conn);
        }
    }
}
