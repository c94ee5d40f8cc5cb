package io.ysql.jdbc;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import io.ysql.config.SslMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuring a {@link YsqlDataSource}: validation on set, names and aliases, the login timeout, redaction. */
class YsqlDataSourceTest {

    @Test
    void beanSettersReachTheConfiguration() throws SQLException {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setServerName("db1,db2");
        ds.setPortNumber(6000);
        ds.setDatabaseName("app");
        ds.setUser("alice");
        ds.setPassword("s3cret");
        ds.setSslmode("disable");
        ds.setApplicationName("billing");
        ds.setConnectTimeout(7);
        ConnectionConfig c = ds.connectionConfig();
        assertThat(c.hosts()).extracting(h -> h.host() + ":" + h.port()).containsExactly("db1:6000", "db2:6000");
        assertThat(c.dbname()).isEqualTo("app");
        assertThat(c.user()).isEqualTo("alice");
        assertThat(c.password()).isEqualTo("s3cret");
        assertThat(c.sslMode()).isEqualTo(SslMode.DISABLE);
        assertThat(c.get(Options.APPLICATION_NAME)).isEqualTo("billing");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(ds.getServerName()).isEqualTo("db1,db2");
        assertThat(ds.getPortNumber()).isEqualTo(6000);
        assertThat(ds.getConnectTimeout()).isEqualTo(7);
    }

    @Test
    void gettersOfNumbersAndBooleansFallBackToTheDefault() {
        YsqlDataSource ds = new YsqlDataSource();
        assertThat(ds.getPortNumber()).isEqualTo(5433);
        assertThat(ds.getConnectTimeout()).isEqualTo(10);
        assertThat(ds.isSslsni()).isTrue();
        assertThat(ds.getSslmode()).isNull();
        ds.setSslsni(false);
        assertThat(ds.isSslsni()).isFalse();
        assertThat(ds.getProperty("sslsni")).isEqualTo("false");
    }

    @Test
    void propertiesOverrideTheUrl() throws SQLException {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl("jdbc:postgresql://h1:5432/fromurl?user=u1&sslmode=require");
        ds.setProperty("database", "fromprop");
        ConnectionConfig c = ds.connectionConfig();
        assertThat(c.dbname()).isEqualTo("fromprop");
        assertThat(c.user()).isEqualTo("u1");
        assertThat(c.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(c.toUrl()).startsWith("jdbc:postgresql://h1:5432/");
        assertThat(ds.getUrl()).isEqualTo("jdbc:postgresql://h1:5432/fromurl?user=u1&sslmode=require");
    }

    @Test
    void conninfoAndUriAreAcceptedAsUrl() throws SQLException {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl("host=h2 port=5999 dbname=d2");
        assertThat(ds.connectionConfig().hosts().get(0).port()).isEqualTo(5999);
        ds.setUrl("postgresql://h3:6001/d3");
        assertThat(ds.connectionConfig().dbname()).isEqualTo("d3");
        ds.setUrl(null);
        assertThat(ds.getUrl()).isNull();
    }

    @Test
    void aliasesAndCaseFoldedNamesSetTheCanonicalOption() {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setProperty("connectTimeout", "5");
        assertThat(ds.getProperty("connect_timeout")).isEqualTo("5");
        assertThat(ds.getConnectTimeout()).isEqualTo(5);
        ds.setProperty("SSLMODE", "verify-full");
        assertThat(ds.getSslmode()).isEqualTo("verify-full");
        ds.setProperty("sslmode", null);
        assertThat(ds.getProperty("sslmode")).isNull();
    }

    @Test
    void unknownNameFailsWithTheConfigurationsMessageAndASuggestion() {
        YsqlDataSource ds = new YsqlDataSource();
        assertThatThrownBy(() -> ds.setProperty("sslmdoe", "require"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(configError("sslmdoe", "require"))
                .hasMessageContaining("did you mean \"sslmode\"");
        assertThatThrownBy(() -> ds.getProperty("nosuchoption")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown connection option \"nosuchoption\"");
    }

    @Test
    void badValueFailsAtOnceNamingTheOptionAndTheAllowedValues() {
        YsqlDataSource ds = new YsqlDataSource();
        assertThatThrownBy(() -> ds.setSslmode("sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(configError("sslmode", "sometimes"))
                .hasMessageContaining("verify-full");
        assertThatThrownBy(() -> ds.setPortNumber(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"port\"");
        assertThatThrownBy(() -> ds.setProperty("port", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(configError("port", "x"));
        assertThat(ds.getSslmode()).isNull();
    }

    @Test
    void refusedOptionFailsWithTheConfigurationsMessage() {
        YsqlDataSource ds = new YsqlDataSource();
        assertThatThrownBy(() -> ds.setProperty("sslfactory", "com.example.Factory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(configError("sslfactory", "com.example.Factory"));
        ds.setProperty("sslfactory", "");
        assertThat(ds.getProperty("sslfactory")).isEmpty();
    }

    @Test
    void badUrlFailsAtOnce() {
        YsqlDataSource ds = new YsqlDataSource();
        assertThatThrownBy(() -> ds.setUrl("jdbc:ysql://h/db?nosuch=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nosuch");
        assertThat(ds.getUrl()).isNull();
    }

    @Test
    void loginTimeoutIsConnectTimeout() throws SQLException {
        YsqlDataSource ds = new YsqlDataSource();
        assertThat(ds.getLoginTimeout()).isZero();
        ds.setLoginTimeout(12);
        assertThat(ds.getProperty("connect_timeout")).isEqualTo("12");
        assertThat(ds.getLoginTimeout()).isEqualTo(12);
        assertThat(ds.connectionConfig().connectTimeout()).isEqualTo(Duration.ofSeconds(12));
        ds.setLoginTimeout(0);
        assertThat(ds.getProperty("connect_timeout")).isNull();
        assertThatThrownBy(() -> ds.setLoginTimeout(-1)).isInstanceOf(SQLException.class)
                .hasMessageContaining("loginTimeout");
    }

    @Test
    void toStringNeverShowsSecrets() {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl("postgresql://bob:urlpw@h4:5433/d4?password=urlpw2");
        ds.setPassword("pw-one");
        ds.setSslpassword("pw-two");
        ds.setUser("bob");
        String s = ds.toString();
        assertThat(s).doesNotContain("urlpw").doesNotContain("pw-one").doesNotContain("pw-two")
                .contains("h4:5433").contains("user=bob").contains("password=<redacted>");
    }

    @Test
    void serializesWithItsConfiguration() throws IOException, ClassNotFoundException, SQLException {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl("host=h5");
        ds.setDatabaseName("d5");
        ds.setLogWriter(new PrintWriter(new StringWriter()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ds);
        }
        YsqlDataSource copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (YsqlDataSource) in.readObject();
        }
        assertThat(copy.getUrl()).isEqualTo("host=h5");
        assertThat(copy.getDatabaseName()).isEqualTo("d5");
        assertThat(copy.getLogWriter()).isNull();
        assertThat(copy.connectionConfig().hosts().get(0).host()).isEqualTo("h5");
    }

    @Test
    void unwrapsToItselfOnly() throws SQLException {
        YsqlDataSource ds = new YsqlDataSource();
        assertThat(ds.isWrapperFor(DataSource.class)).isTrue();
        assertThat(ds.unwrap(YsqlDataSource.class)).isSameAs(ds);
        assertThat(ds.isWrapperFor(List.class)).isFalse();
        assertThatThrownBy(() -> ds.unwrap(List.class)).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
    }

    private static String configError(String name, String value) {
        try {
            ConnectionConfig.fromMap(Map.of(name, value), ConfigSources.none());
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("the configuration accepted " + name);
    }
}
