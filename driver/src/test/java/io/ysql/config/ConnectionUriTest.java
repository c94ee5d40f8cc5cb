package io.ysql.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionUriTest {
    private static final ConfigSources NONE = new ConfigSources(Map.of(), Path.of("/nonexistent-home"));

    private static ConnectionConfig cfg(String uri) throws SQLException {
        return ConnectionConfig.parse(uri, null, NONE);
    }

    @Test
    void fullUri() throws SQLException {
        ConnectionConfig c = cfg("postgresql://alice:s3cret@db1:5434/app?sslmode=require&application_name=web");
        assertThat(c.hosts()).containsExactly(new HostSpec("db1", 5434));
        assertThat(c.user()).isEqualTo("alice");
        assertThat(c.password()).isEqualTo("s3cret");
        assertThat(c.dbname()).isEqualTo("app");
        assertThat(c.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(c.applicationName()).isEqualTo("web");
    }

    @Test
    void postgresSchemeToo() throws SQLException {
        assertThat(cfg("postgres://h/d").dbname()).isEqualTo("d");
    }

    @Test
    void bareSchemeKeepsAllDefaults() throws SQLException {
        ConnectionConfig c = cfg("postgresql://");
        assertThat(c.hosts()).containsExactly(new HostSpec("localhost", 5433));
        assertThat(c.dbname()).isEqualTo("yugabyte");
        assertThat(c.user()).isEqualTo("yugabyte");
    }

    @Test
    void ipv6InBrackets() throws SQLException {
        assertThat(cfg("postgresql://[::1]:5433/db").hosts()).containsExactly(new HostSpec("::1", 5433));
        assertThat(cfg("postgresql://[2001:db8::7]/db").hosts()).containsExactly(new HostSpec("2001:db8::7", 5433));
    }

    @Test
    void multiHostWithMissingPorts() throws SQLException {
        assertThat(cfg("postgresql://h1:5001,h2,[::1]:5003/db").hosts()).containsExactly(
                new HostSpec("h1", 5001), new HostSpec("h2", 5433), new HostSpec("::1", 5003));
    }

    @Test
    void emptyHostKeepsDefaultHostButTakesPort() throws SQLException {
        assertThat(cfg("postgresql://:5999/db").hosts()).containsExactly(new HostSpec("localhost", 5999));
        assertThat(cfg("postgresql:///db").hosts()).containsExactly(new HostSpec("localhost", 5433));
    }

    @Test
    void percentDecodingEverywhere() throws SQLException {
        ConnectionConfig c = cfg("postgresql://us%40er:p%3Aw%2Fd%20%C3%A9@%2Ftmp%2Fsock/my%20db"
                + "?options=-c%20search_path%3Dx&application_name=a%26b+c");
        assertThat(c.user()).isEqualTo("us@er");
        assertThat(c.password()).isEqualTo("p:w/d é");
        assertThat(c.hosts()).containsExactly(new HostSpec("/tmp/sock", 5433));
        assertThat(c.hosts().get(0).unixSocket()).isTrue();
        assertThat(c.dbname()).isEqualTo("my db");
        assertThat(c.options()).isEqualTo("-c search_path=x");
        assertThat(c.applicationName()).isEqualTo("a&b+c"); // '+' is not a space in a URI
    }

    @Test
    void hostQueryParameterNamesSocketDirectory() throws SQLException {
        ConnectionConfig c = cfg("postgresql:///db?host=/var/run/postgresql&port=6000");
        assertThat(c.hosts()).containsExactly(new HostSpec("/var/run/postgresql", 6000));
    }

    @Test
    void emptyUserinfoPartsKeepDefaults() throws SQLException {
        ConnectionConfig c = cfg("postgresql://@h/db");
        assertThat(c.user()).isEqualTo("yugabyte");
    }

    @Test
    void sslTrueInQueryMeansRequire() throws SQLException {
        assertThat(cfg("postgresql://h/db?ssl=true").sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://h/db%zz", "postgresql://h/db%4", "postgresql://h/d%00b",
            "postgresql://u:pw%ff@h/db"})
    void badPercentEncoding(String uri) {
        assertThatThrownBy(() -> cfg(uri)).isInstanceOf(SQLException.class)
                .hasMessageContaining("percent")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void queryItemWithoutEqualsIsAnError() {
        assertThatThrownBy(() -> cfg("postgresql://h/db?sslmode")).hasMessageContaining("missing \"=\"");
    }

    @Test
    void unclosedIpv6Bracket() {
        assertThatThrownBy(() -> cfg("postgresql://[::1/db")).hasMessageContaining("]");
    }

    @Test
    void unknownQueryKeyIsAnError() {
        assertThatThrownBy(() -> cfg("postgresql://h/db?sslmdoe=require"))
                .hasMessage("unknown connection option \"sslmdoe\"; did you mean \"sslmode\"?");
    }

    @Test
    void settingsInOrder() throws SQLException {
        List<Setting> s = ConnectionUri.parse("postgresql://u@h1,h2:7/d?port=8");
        assertThat(s).extracting(Setting::name).containsExactly("user", "host", "port", "dbname", "port");
        assertThat(s.get(1).value()).isEqualTo("h1,h2");
        assertThat(s.get(2).value()).isEqualTo(",7");
    }
}
