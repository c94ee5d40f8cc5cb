package io.ysql.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.Version;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void versionPrintsTheDriverAndJdbcVersions() {
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("ysql-driver " + Version.VERSION + System.lineSeparator())
                .contains("JDBC 4.2");
        assertThat(err()).isEmpty();
    }

    @Test
    void helpPrintsUsageOnStdout() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: java -jar ysql-driver.jar COMMAND").contains("--version", "--help",
                "check", "query");
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnknownCommandPrintsUsageOnStderrWithStatusTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("unknown command 'frobnicate'").contains("usage: java -jar ysql-driver.jar");
    }

    @Test
    void noCommandPrintsUsageOnStderrWithStatusTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("no command given").contains("usage:");
    }

    @Test
    void versionRejectsArguments() {
        assertThat(run("--version", "extra")).isEqualTo(2);
        assertThat(err()).contains("takes no arguments");
    }
}
