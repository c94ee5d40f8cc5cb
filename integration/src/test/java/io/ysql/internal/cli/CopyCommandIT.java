package io.ysql.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.config.ConfigSources;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query --copy-in} and {@code --copy-out} against a real server: a text file into a table
 * and back out byte for byte, CSV with quoting, stdin and stdout, a table name that needs quoting, the progress line,
 * a bad row (exit 1 with its SQLSTATE) and a missing file (exit 2).
 */
class CopyCommandIT {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String conninfo = PgCluster.shared().conninfo(AuthRole.SCRAM) + " sslmode=disable";
    private final String table = "Cli Copy " + UUID.randomUUID().toString().substring(0, 8);
    @TempDir Path dir;

    @BeforeEach
    void createTable() {
        PgCluster.shared().psql("CREATE TABLE public.\"" + table + "\" (id int PRIMARY KEY, name text, note text);"
                + " GRANT ALL ON public.\"" + table + "\" TO PUBLIC");
    }

    @AfterEach
    void dropTable() {
        PgCluster.shared().psql("DROP TABLE IF EXISTS public.\"" + table + "\"");
    }

    private int query(String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 1];
        all[0] = "query";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Main(ConfigSources.none()).run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void aTextFileGoesInAndComesBackOutUnchanged() throws Exception {
        String data = "1\tone\t\\N\n2\ttwo\twith\\ttab\n3\tdrei ü\tline\\nbreak\n";
        Path in = Files.writeString(dir.resolve("in.txt"), data);
        assertThat(query(conninfo, "--copy-in", in.toString(), "public." + table)).as(err()).isZero();
        assertThat(out()).isEqualTo("COPY 3" + System.lineSeparator());
        assertThat(err()).isEmpty();

        assertThat(query(conninfo, "SELECT count(*) FILTER (WHERE note IS NULL) || '/' || count(*) AS n FROM public.\""
                + table + "\"")).isZero();
        assertThat(out()).contains(" 1/3");

        Path back = dir.resolve("out.txt");
        assertThat(query(conninfo, "--copy-out", "public." + table, back.toString())).as(err()).isZero();
        assertThat(out()).isEqualTo("COPY 3" + System.lineSeparator());
        assertThat(Files.readString(back)).isEqualTo(data);
    }

    @Test
    void csvRoundTripsWithQuoting() throws Exception {
        String data = "1,\"with,comma\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n";
        Path in = Files.writeString(dir.resolve("in.csv"), data);
        assertThat(query("--csv", conninfo, "--copy-in", in.toString(), table)).as(err()).isZero();
        assertThat(out()).isEqualTo("COPY 2" + System.lineSeparator());

        assertThat(query(conninfo, "SELECT name FROM \"" + table + "\" WHERE id = 1")).isZero();
        assertThat(out()).contains("with,comma");

        Path back = dir.resolve("out.csv");
        assertThat(query("--csv", conninfo, "--copy-out", table, back.toString())).as(err()).isZero();
        assertThat(Files.readString(back)).isEqualTo(data);
    }

    @Test
    void copyOutToStdoutPutsTheTagOnStderr() throws Exception {
        Path in = Files.writeString(dir.resolve("in.txt"), "7\tseven\t\\N\n");
        assertThat(query(conninfo, "--copy-in", in.toString(), table)).as(err()).isZero();
        assertThat(query(conninfo, "--copy-out", table, "-")).as(err()).isZero();
        assertThat(out()).isEqualTo("7\tseven\t\\N\n");
        assertThat(err()).isEqualTo("COPY 1" + System.lineSeparator());
    }

    @Test
    void copyInReadsStdinForADash() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("5\tfive\t\\N\n6\tsix\tx\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(query(conninfo, "--copy-in", "-", table)).as(err()).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(out()).isEqualTo("COPY 2" + System.lineSeparator());
        assertThat(query("--csv", conninfo, "SELECT id, note FROM \"" + table + "\" ORDER BY id")).isZero();
        assertThat(out()).isEqualTo("id,note\r\n5,\r\n6,x\r\n");
    }

    @Test
    void progressIsShownOnStderrWhenAskedFor() throws Exception {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 20_000; i++) data.append(i).append("\tname ").append(i).append("\t\\N\n");
        Path in = Files.writeString(dir.resolve("big.txt"), data);
        assertThat(query("--progress", conninfo, "--copy-in", in.toString(), table)).as(err()).isZero();
        assertThat(out()).isEqualTo("COPY 20000" + System.lineSeparator());
        assertThat(err()).startsWith("\r").contains(Progress.size(Files.size(in)) + ", ").contains(" MB/s")
                .endsWith(System.lineSeparator());

        Path back = dir.resolve("back.txt");
        assertThat(query("--progress", conninfo, "--copy-out", table, back.toString())).as(err()).isZero();
        assertThat(err()).contains(Progress.size(Files.size(in)) + ", ").endsWith(System.lineSeparator());
        assertThat(Files.size(back)).isEqualTo(Files.size(in));
    }

    @Test
    void aBadRowFailsWithItsSqlstateAndLeavesTheTableEmpty() throws Exception {
        Path in = Files.writeString(dir.resolve("bad.txt"), "1\tone\t\\N\nnot a number\ttwo\t\\N\n");
        assertThat(query(conninfo, "--copy-in", in.toString(), table)).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("ERROR: 22P02: ").contains("not a number");

        assertThat(query(conninfo, "SELECT count(*) AS n FROM \"" + table + "\"")).isZero();
        assertThat(out()).contains(" 0");
    }

    @Test
    void aMissingTableFailsWithItsSqlstate() {
        assertThat(query(conninfo, "--copy-out", "no_such_schema.t", dir.resolve("x").toString())).isEqualTo(1);
        assertThat(err()).startsWith("ERROR: 3F000: ");
    }

    @Test
    void aMissingFileIsAUsageError() {
        String missing = dir.resolve("missing.txt").toString();
        assertThat(query(conninfo, "--copy-in", missing, table)).isEqualTo(2);
        assertThat(err()).contains("cannot read '" + missing + "'");
        assertThat(out()).isEmpty();
    }
}
