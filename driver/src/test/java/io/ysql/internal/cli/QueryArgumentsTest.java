package io.ysql.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.config.ConfigSources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryArgumentsTest {
    @TempDir Path dir;

    private static QueryCommand.Request parse(String... args) {
        return QueryCommand.parse(List.of(args));
    }

    @Test
    void aStatementIsTheConninfoAndTheSql() {
        QueryCommand.Request r = parse("--csv", "--null", "-", "host=h", "SELECT 1");
        assertThat(r.conninfo()).isEqualTo("host=h");
        assertThat(r.action()).isEqualTo(new QueryCommand.Statement("SELECT 1"));
        assertThat(r.format()).isEqualTo(new QueryCommand.Format(true, "-", 60));
        assertThat(r.progress()).isFalse();
    }

    @Test
    void copyInTakesAFileAndATable() {
        QueryCommand.Request r = parse("host=h", "--copy-in", "data.txt", "items", "--progress");
        assertThat(r.conninfo()).isEqualTo("host=h");
        assertThat(r.action()).isEqualTo(new QueryCommand.CopyIn("data.txt", List.of("items")));
        assertThat(r.format().csv()).isFalse();
        assertThat(r.progress()).isTrue();
    }

    @Test
    void copyOutTakesATableAndAFileAndSplitsTheSchema() {
        QueryCommand.Request r = parse("--csv", "--copy-out", "app.My Table", "-", "host=h");
        assertThat(r.action()).isEqualTo(new QueryCommand.CopyOut(List.of("app", "My Table"), "-"));
        assertThat(r.format().csv()).isTrue();
    }

    @Test
    void badCopyCommandLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("host=h", "--copy-in", "f")).hasMessageContaining("--copy-in needs FILE TABLE");
        assertThatThrownBy(() -> parse("host=h", "--copy-out", "t")).hasMessageContaining("--copy-out needs TABLE FILE");
        assertThatThrownBy(() -> parse("host=h", "SELECT 1", "--copy-in", "f", "t")).hasMessageContaining("no SQL");
        assertThatThrownBy(() -> parse("host=h", "--copy-in", "f", "t", "--copy-out", "t", "f"))
                .hasMessageContaining("only one");
        assertThatThrownBy(() -> parse("host=h", "--copy-in", "f", "app.")).hasMessageContaining("not a table name");
        assertThatThrownBy(() -> parse("host=h", "--copy-in", "f", ".t")).hasMessageContaining("not a table name");
        assertThatThrownBy(() -> parse("host=h", "--bogus")).hasMessageContaining("unknown option '--bogus'");
    }

    @Test
    void aMissingInputFileIsAUsageErrorBeforeAnyConnect() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String missing = dir.resolve("missing.csv").toString();
        int status = new Main(ConfigSources.none()).run(
                new String[] {"query", "host=nowhere.invalid", "--copy-in", missing, "t"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read '" + missing + "'");
    }

    @Test
    void aCopyOutIntoAMissingDirectoryIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String target = dir.resolve("no/such/dir/out.txt").toString();
        int status = new Main(ConfigSources.none()).run(
                new String[] {"query", "host=nowhere.invalid", "--copy-out", "t", target},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write '" + target + "'");
    }

    @Test
    void progressCountsBothWaysAndEndsItsLine() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress meter = Progress.on(new PrintStream(err, true, StandardCharsets.UTF_8), true);
        InputStream in = meter.counting(new ByteArrayInputStream(new byte[1500]));
        assertThat(in.read()).isZero();
        assertThat(in.readAllBytes()).hasSize(1499);
        OutputStream out = meter.counting(OutputStream.nullOutputStream());
        out.write(new byte[500], 0, 500);
        out.write(7);
        assertThat(meter.bytes()).isEqualTo(2001);
        meter.finish();
        meter.finish();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("\r2001 bytes, ").contains(" MB/s")
                .endsWith(System.lineSeparator()).containsOnlyOnce(System.lineSeparator());
    }

    @Test
    void sizesReadAsBytesThenMegabytes() {
        assertThat(Progress.size(999_999)).isEqualTo("999999 bytes");
        assertThat(Progress.size(12_345_678)).isEqualTo("12.3 MB");
    }
}
