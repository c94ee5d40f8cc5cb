package io.ysql.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Precedence as in libpq: given values, then PG* variables, then the password file, then defaults. */
class ConfigPrecedenceTest {
    @TempDir
    Path home;

    private ConfigSources env(String... pairs) { return FakeEnvironment.of(home, pairs); }
    private ConnectionConfig parse(String text, String... pairs) throws SQLException {
        return FakeEnvironment.parse(home, text, pairs);
    }

    private void pgpass(String content, String perms) throws IOException {
        Path f = home.resolve(".pgpass");
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
    }

    @Test
    void defaultsAreYugabyteOnes() throws SQLException {
        ConnectionConfig c = parse("");
        assertThat(c.hosts()).containsExactly(new HostSpec("localhost", 5433));
        assertThat(c.dbname()).isEqualTo("yugabyte");
        assertThat(c.user()).isEqualTo("yugabyte");
        assertThat(c.password()).isEqualTo("yugabyte");
        assertThat(c.passwordGiven()).isFalse();
        assertThat(c.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.applicationName()).isNull();
        assertThat(c.startupParameters()).isEmpty();
        assertThat(c.get(Options.CLIENT_ENCODING)).isEqualTo("UTF8");
        assertThat(c.get(Options.SSLROOTCERT)).isEqualTo(home.resolve(".postgresql/root.crt").toString());
        assertThat(c.origin(Options.HOST)).isEqualTo(ConnectionConfig.ValueOrigin.DEFAULT);
        assertThat(c.isSet(Options.HOST)).isFalse();
    }

    @Test
    void givenBeatsEnvironment() throws SQLException {
        ConnectionConfig c = parse("user=given host=gh", "PGUSER", "envuser", "PGHOST", "eh", "PGDATABASE", "envdb",
                "PGPORT", "6000");
        assertThat(c.user()).isEqualTo("given");
        assertThat(c.hosts()).containsExactly(new HostSpec("gh", 6000));
        assertThat(c.dbname()).isEqualTo("envdb");
        assertThat(c.origin(Options.DBNAME)).isEqualTo(ConnectionConfig.ValueOrigin.ENVIRONMENT);
        assertThat(c.isSet(Options.DBNAME)).isTrue();
    }

    @Test
    void givenEmptyValueHidesEnvironmentAndMeansDefault() throws SQLException {
        ConnectionConfig c = parse("host='' options=''", "PGHOST", "eh", "PGOPTIONS", "-c x=1");
        assertThat(c.hosts()).containsExactly(new HostSpec("localhost", 5433));
        assertThat(c.options()).isNull();
    }

    @Test
    void passwordPrecedenceGivenThenEnvThenPgpassThenDefault() throws Exception {
        pgpass("*:*:*:*:frompgpass\n", "rw-------");
        assertThat(parse("password=given", "PGPASSWORD", "fromenv").password()).isEqualTo("given");
        assertThat(parse("", "PGPASSWORD", "fromenv").password()).isEqualTo("fromenv");
        ConnectionConfig fromFile = parse("");
        assertThat(fromFile.password()).isEqualTo("frompgpass");
        assertThat(fromFile.passwordGiven()).isTrue();
        assertThat(fromFile.origin(Options.PASSWORD)).isEqualTo(ConnectionConfig.ValueOrigin.PASSWORD_FILE);
        Files.delete(home.resolve(".pgpass"));
        assertThat(parse("").password()).isEqualTo("yugabyte");
    }

    @Test
    void worldReadablePgpassIsIgnored() throws Exception {
        pgpass("*:*:*:*:frompgpass\n", "rw-r--r--");
        try (LogCapture log = new LogCapture()) {
            ConnectionConfig c = parse("");
            assertThat(c.password()).isEqualTo("yugabyte");
            assertThat(c.passwordGiven()).isFalse();
            assertThat(log.messages(java.util.logging.Level.WARNING)).anyMatch(m -> m.contains("group or world"));
        }
    }

    @Test
    void passfileOptionAndPgpassfileVariable(@TempDir Path other) throws Exception {
        Path f = other.resolve("pw");
        Files.writeString(f, "*:*:*:*:custom\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertThat(parse("passfile=" + f).password()).isEqualTo("custom");
        assertThat(parse("", "PGPASSFILE", f.toString()).password()).isEqualTo("custom");
    }

    @Test
    void pgpassIsLookedUpPerHost() throws Exception {
        pgpass("h1:5433:*:*:one\nh2:5433:*:*:two\n", "rw-------");
        ConnectionConfig c = parse("host=h1,h2,h3");
        assertThat(c.password()).isEqualTo("one");
        assertThat(c.passwordFor(c.hosts().get(1))).isEqualTo("two");
        assertThat(c.passwordFor(c.hosts().get(2))).isEqualTo("yugabyte");
        assertThat(parse("host=h1,h2 password=x").passwordFor(new HostSpec("h2", 5433))).isEqualTo("x");
    }

    @Test
    void pgpassMatchesDatabaseAndUser() throws Exception {
        pgpass("localhost:5433:app:alice:secret\n", "rw-------");
        assertThat(parse("dbname=app user=alice").password()).isEqualTo("secret");
        assertThat(parse("dbname=other user=alice").password()).isEqualTo("yugabyte");
    }

    @Test
    void laterSettingInStringWins() throws SQLException {
        assertThat(parse("user=a user=b").user()).isEqualTo("b");
        assertThat(parse("connect_timeout=5 connectTimeout=7").connectTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void systemSourcesDoNotLeakEnvironment() {
        ConfigSources s = new ConfigSources(Map.of("PGPASSWORD", "hunter2"), home);
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(ConfigSources.system().env()).isNotNull();
    }
}
