package io.ysql.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class PgPassTest {

    @Test
    void firstMatchingLineWins() {
        PgPass p = PgPass.of("""
                # comment:with:colons:x:y
                db1:5433:app:alice:first
                db1:5433:app:alice:second
                *:*:*:alice:wild
                """);
        assertThat(p.lookup("db1", 5433, "app", "alice")).contains("first");
        assertThat(p.lookup("db2", 5433, "app", "alice")).contains("wild");
        assertThat(p.lookup("db2", 5433, "app", "bob")).isEmpty();
    }

    @Test
    void everyFieldIsCompared() {
        PgPass p = PgPass.of("h:5433:d:u:pw");
        assertThat(p.lookup("h", 5433, "d", "u")).contains("pw");
        assertThat(p.lookup("x", 5433, "d", "u")).isEmpty();
        assertThat(p.lookup("h", 5434, "d", "u")).isEmpty();
        assertThat(p.lookup("h", 5433, "x", "u")).isEmpty();
        assertThat(p.lookup("h", 5433, "d", "x")).isEmpty();
    }

    @Test
    void escapes() {
        PgPass p = PgPass.of("""
                host\\:with\\:colons:5433:*:*:p\\:w\\\\d
                h:5433:*:u:rest:after:colon
                """);
        assertThat(p.lookup("host:with:colons", 5433, "d", "u")).contains("p:w\\d");
        // As in libpq, the password ends at an unescaped colon.
        assertThat(p.lookup("h", 5433, "d", "u")).contains("rest");
    }

    @Test
    void escapedStarIsLiteral() {
        PgPass p = PgPass.of("\\*:5433:*:*:pw");
        assertThat(p.lookup("anyhost", 5433, "d", "u")).isEmpty();
        assertThat(p.lookup("*", 5433, "d", "u")).contains("pw");
    }

    @Test
    void socketHostAlsoMatchesLocalhost() {
        PgPass p = PgPass.of("localhost:5433:*:*:local");
        assertThat(p.lookup("/var/run/postgresql", 5433, "d", "u")).contains("local");
        assertThat(p.lookup("", 5433, "d", "u")).contains("local");
        assertThat(p.lookup("db1", 5433, "d", "u")).isEmpty();
    }

    @Test
    void shortLinesAndCrlfAreHandled() {
        PgPass p = PgPass.of("too:short:line\r\nh:5433:d:u:pw\r\n");
        assertThat(p.lookup("h", 5433, "d", "u")).contains("pw");
    }

    @Test
    void missingFileIsSilentlyEmpty(@TempDir Path dir) {
        try (LogCapture log = new LogCapture()) {
            assertThat(PgPass.load(dir.resolve("nope")).lookup("h", 1, "d", "u")).isEmpty();
            assertThat(log.messages(Level.WARNING)).isEmpty();
        }
    }

    @Test
    void privateFileIsRead(@TempDir Path dir) throws IOException {
        Path f = write(dir, "rw-------");
        assertThat(PgPass.load(f).lookup("h", 5433, "d", "u")).contains("pw");
    }

    @Test
    void groupReadableFileIsIgnoredWithWarning(@TempDir Path dir) throws IOException {
        Path f = write(dir, "rw-r--r--");
        try (LogCapture log = new LogCapture()) {
            assertThat(PgPass.load(f).lookup("h", 5433, "d", "u")).isEmpty();
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .contains("has group or world access")
                    .contains("0600")
                    .contains(f.toString())
                    .doesNotContain("pw");
        }
    }

    @Test
    void directoryIsIgnored(@TempDir Path dir) {
        try (LogCapture log = new LogCapture()) {
            assertThat(PgPass.load(dir).lookup("h", 5433, "d", "u")).isEmpty();
            assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("not a plain file");
        }
    }

    @Test
    void toStringShowsNoPassword(@TempDir Path dir) throws IOException {
        PgPass p = PgPass.load(write(dir, "rw-------"));
        assertThat(p.toString()).contains(".pgpass").doesNotContain("pw");
        assertThat(p.file()).isPresent();
    }

    private static Path write(Path dir, String perms) throws IOException {
        Path f = dir.resolve(".pgpass");
        Files.writeString(f, "h:5433:d:u:pw\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }
}
