package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.jdbc.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * COPY through streams, as pgjdbc's CopyManager takes them: text, CSV and binary in and out,
 * NULLs, escapes, Unicode and a big bytea, each checked against what a SELECT returns; and a
 * round trip of the binary format out of one table and into another.
 */
class CopyStreamsIT {
    private YsqlConnection conn;
    private Copy copy;

    @BeforeEach
    void open() throws SQLException {
        conn = TestServer.connectYsql();
        copy = conn.copy();
        exec("DROP TABLE IF EXISTS copy_streams, copy_streams2");
        exec("CREATE TABLE copy_streams (id int PRIMARY KEY, name text, price numeric, at timestamptz, data bytea)");
        exec("CREATE TABLE copy_streams2 (LIKE copy_streams)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void textInFromReaderWithNullsEscapesAndUnicode() throws SQLException {
        String data = "1\tplain\t1.5\t2024-01-02 03:04:05+00\t\\\\x0102\n"
                + "2\t\\N\t\\N\t\\N\t\\N\n"
                + "3\ttab\\there\\nnewline \\\\ backslash\t-0.25\t2024-06-01 00:00:00+00\t\\\\x\n"
                + "4\tüñí €😀 中文\t1e3\t2000-01-01 00:00:00+00\t\\\\xff00\n";
        long n = copy.copyIn("COPY copy_streams FROM STDIN", new StringReader(data));
        assertThat(n).isEqualTo(4);
        assertThat(names()).containsExactly("plain", null, "tab\there\nnewline \\ backslash", "üñí €😀 中文");
        assertThat(query("SELECT encode(data, 'hex') FROM copy_streams ORDER BY id")).containsExactly("0102", null, "", "ff00");
    }

    @Test
    void csvInFromInputStreamAndOutToWriter() throws SQLException {
        String csv = "1,\"quoted, with comma\",2.5,,\n2,\"say \"\"hi\"\"\",,,\n3,,,,\n";
        long n = copy.copyIn("COPY copy_streams (id, name, price, at, data) FROM STDIN (FORMAT csv)",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(n).isEqualTo(3);
        assertThat(names()).containsExactly("quoted, with comma", "say \"hi\"", null);
        StringWriter out = new StringWriter();
        long m = copy.copyOut("COPY (SELECT id, name FROM copy_streams ORDER BY id) TO STDOUT (FORMAT csv)", out);
        assertThat(m).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("1,\"quoted, with comma\"\n2,\"say \"\"hi\"\"\"\n3,\n");
    }

    @Test
    void textOutMatchesTheServersOwnEscapes() throws SQLException {
        exec("INSERT INTO copy_streams VALUES (1, E'a\\tb\\nc\\\\d', NULL, NULL, NULL), (2, 'ü😀', 1, NULL, '\\x00ff')");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = copy.copyOut("COPY (SELECT id, name, price, data FROM copy_streams ORDER BY id) TO STDOUT", out);
        assertThat(n).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1\ta\\tb\\nc\\\\d\t\\N\t\\N\n2\tü😀\t1\t\\\\x00ff\n");
    }

    @Test
    void binaryOutAndBackInRoundTripsEveryValueIncludingABigBytea() throws SQLException {
        exec("INSERT INTO copy_streams SELECT g, 'row ' || g, g * 1.25, '2024-01-01'::timestamptz + g * interval '1 hour', "
                + "CASE WHEN g = 3 THEN NULL ELSE decode(repeat(md5(g::text), 1000), 'hex') END FROM generate_series(1, 5) g");
        exec("INSERT INTO copy_streams VALUES (6, 'big', 0, now(), (SELECT string_agg(decode(md5(i::text), 'hex'), '') "
                + "FROM generate_series(1, 200000) i))");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(copy.copyOut("COPY copy_streams TO STDOUT (FORMAT binary)", out)).isEqualTo(6);
        assertThat(out.toByteArray()).startsWith("PGCOPY\n".getBytes(StandardCharsets.US_ASCII));
        long n = copy.copyIn("COPY copy_streams2 FROM STDIN (FORMAT binary)", new ByteArrayInputStream(out.toByteArray()));
        assertThat(n).isEqualTo(6);
        assertThat(query("SELECT count(*) FROM copy_streams a JOIN copy_streams2 b ON a.id = b.id AND a.name = b.name "
                + "AND a.price = b.price AND a.at = b.at AND a.data IS NOT DISTINCT FROM b.data")).containsExactly("6");
        assertThat(query("SELECT length(data) FROM copy_streams2 WHERE id = 6")).containsExactly("3200000");
    }

    private List<String> names() throws SQLException {
        return query("SELECT name FROM copy_streams ORDER BY id");
    }

    private List<String> query(String sql) throws SQLException {
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
}
