package io.ysql.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlTest {
    private static final ConfigSources NONE = new ConfigSources(Map.of(), Path.of("/nonexistent-home"));

    private static ConnectionConfig cfg(String url) throws SQLException {
        return ConnectionConfig.parse(url, null, NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:ysql:", "jdbc:postgresql:", "jdbc:yugabytedb:"})
    void threePrefixesAreEquivalent(String prefix) throws SQLException {
        ConnectionConfig c = cfg(prefix + "//h1:5001,h2:5002/shop?user=bob&password=pw&currentSchema=s1");
        assertThat(c.hosts()).containsExactly(new HostSpec("h1", 5001), new HostSpec("h2", 5002));
        assertThat(c.dbname()).isEqualTo("shop");
        assertThat(c.user()).isEqualTo("bob");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.startupParameters()).containsEntry("search_path", "s1");
        assertThat(c.toUrl()).isEqualTo(prefix + "//h1:5001,h2:5002/shop");
        assertThat(ConnectionConfig.acceptsUrl(prefix + "//h/d")).isTrue();
    }

    @Test
    void otherPrefixesAreNotAccepted() {
        assertThat(ConnectionConfig.acceptsUrl("jdbc:mysql://h/d")).isFalse();
        assertThat(ConnectionConfig.acceptsUrl(null)).isFalse();
        assertThatThrownBy(() -> cfg("jdbc:mysql://h/d")).isInstanceOf(SQLException.class)
                .hasMessageContaining("unsupported JDBC URL");
    }

    @Test
    void pgjdbcShortForms() throws SQLException {
        ConnectionConfig dbOnly = cfg("jdbc:postgresql:inventory");
        assertThat(dbOnly.dbname()).isEqualTo("inventory");
        assertThat(dbOnly.hosts()).containsExactly(new HostSpec("localhost", 5433));

        ConnectionConfig slash = cfg("jdbc:postgresql:/");
        assertThat(slash.dbname()).isEqualTo("yugabyte");
        assertThat(slash.hosts()).containsExactly(new HostSpec("localhost", 5433));

        ConnectionConfig hostSlash = cfg("jdbc:postgresql://dbhost/");
        assertThat(hostSlash.hosts()).containsExactly(new HostSpec("dbhost", 5433));
        assertThat(hostSlash.dbname()).isEqualTo("yugabyte");

        assertThat(cfg("jdbc:postgresql:inventory?user=x").user()).isEqualTo("x");
    }

    @Test
    void ipv6() throws SQLException {
        ConnectionConfig c = cfg("jdbc:ysql://[::1]:5433,[fe80::1%25eth0]/db");
        assertThat(c.hosts()).containsExactly(new HostSpec("::1", 5433), new HostSpec("fe80::1%eth0", 5433));
        assertThat(c.toUrl()).isEqualTo("jdbc:ysql://[::1]:5433,[fe80::1%25eth0]:5433/db");
        assertThat(cfg(c.toUrl()).hosts()).isEqualTo(c.hosts());
    }

    @Test
    void percentDecodingOfValues() throws SQLException {
        ConnectionConfig c = cfg("jdbc:ysql://h/my%20db?password=a%26b%3Dc&options=-c%20x%3D1");
        assertThat(c.dbname()).isEqualTo("my db");
        assertThat(c.password()).isEqualTo("a&b=c");
        assertThat(c.options()).isEqualTo("-c x=1");
        assertThat(c.toUrl()).isEqualTo("jdbc:ysql://h:5433/my%20db");
    }

    @Test
    void propertiesOverrideUrlValues() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "fromProps");
        p.setProperty("password", "propsPw");
        ConnectionConfig c = ConnectionConfig.parse("jdbc:ysql://h/db?user=fromUrl&password=urlPw", p, NONE);
        assertThat(c.user()).isEqualTo("fromProps");
        assertThat(c.password()).isEqualTo("propsPw");
    }

    @Test
    void propertiesUnderPgjdbcNamesOverrideUrl() throws SQLException {
        Properties p = new Properties();
        p.setProperty("PGHOST", "other");
        p.setProperty("PGPORT", "7000");
        p.setProperty("PGDBNAME", "otherdb");
        ConnectionConfig c = ConnectionConfig.parse("jdbc:postgresql://h:1/db", p, NONE);
        assertThat(c.hosts()).containsExactly(new HostSpec("other", 7000));
        assertThat(c.dbname()).isEqualTo("otherdb");
    }

    @Test
    void queryKeyWithoutValueIsEmpty() throws SQLException {
        // pgjdbc gives a bare key the empty value; for ssl that means "not set".
        assertThat(cfg("jdbc:ysql://h/db?ssl&user=u").sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void userinfoToleratedInUrl() throws SQLException {
        ConnectionConfig c = cfg("jdbc:ysql://u:p@h/db");
        assertThat(c.user()).isEqualTo("u");
        assertThat(c.toUrl()).isEqualTo("jdbc:ysql://h:5433/db").doesNotContain("p@");
    }

    @Test
    void settingsAndPrefix() throws SQLException {
        JdbcUrl.Parsed p = JdbcUrl.parse("jdbc:yugabytedb://h/d?load-balance=true");
        assertThat(p.prefix()).isEqualTo("jdbc:yugabytedb:");
        assertThat(p.settings()).containsExactly(new Setting("host", "h"), new Setting("dbname", "d"),
                new Setting("load-balance", "true"));
    }

    @Test
    void nonJdbcConfigUsesOwnPrefix() throws SQLException {
        assertThat(ConnectionConfig.parse("host=a,b port=1,2 dbname=x", null, NONE).toUrl())
                .isEqualTo("jdbc:ysql://a:1,b:2/x");
        assertThat(ConnectionConfig.parse("host=/tmp dbname=x", null, NONE).toUrl())
                .isEqualTo("jdbc:ysql://%2Ftmp:5433/x");
    }
}
