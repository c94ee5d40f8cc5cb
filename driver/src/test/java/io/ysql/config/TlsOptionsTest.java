package io.ysql.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsOptionsTest {
    @TempDir
    Path home;

    private ConnectionConfig parse(String text, String... envPairs) throws SQLException {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < envPairs.length; i += 2) env.put(envPairs[i], envPairs[i + 1]);
        return ConnectionConfig.parse(text, null, new ConfigSources(env, home));
    }

    @Test
    void defaultsFollowLibpq() throws SQLException {
        ConnectionConfig c = parse("host=db");
        assertThat(c.get(Options.SSLROOTCERT)).isEqualTo(home.resolve(".postgresql/root.crt").toString());
        assertThat(c.get(Options.SSLCERT)).isEqualTo(home.resolve(".postgresql/postgresql.crt").toString());
        assertThat(c.get(Options.SSLKEY)).isEqualTo(home.resolve(".postgresql/postgresql.key").toString());
        assertThat(c.get(Options.SSLCRL)).isEqualTo(home.resolve(".postgresql/root.crl").toString());
        assertThat(c.get(Options.SSLCRLDIR)).isNull();
        assertThat(c.get(Options.SSLPASSWORD)).isNull();
        assertThat(c.get(Options.SSLSNI)).isTrue();
        assertThat(c.get(Options.SSL_MIN_PROTOCOL_VERSION)).isEqualTo("TLSv1.2");
        assertThat(c.get(Options.SSL_MAX_PROTOCOL_VERSION)).isNull();
        assertThat(c.get(Options.SSLNEGOTIATION)).isEqualTo("postgres");
        assertThat(c.get(Options.CHANNEL_BINDING)).isEqualTo("prefer");
        assertThat(c.get(Options.REQUIRE_AUTH)).isNull();
        assertThat(c.isSet(Options.SSLROOTCERT)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"ssl_min_protocol_version,tlsv1.3,TLSv1.3", "ssl_max_protocol_version,TLSV1.1,TLSv1.1",
            "sslnegotiation,DIRECT,direct", "channel_binding,Require,require", "sslsni,0,false", "sslsni,1,true"})
    void valuesAreMatchedIgnoringCase(String option, String text, String expected) throws SQLException {
        ConnectionOption<?> o = Options.byName(option).orElseThrow();
        assertThat(String.valueOf(parse(option + "=" + text).get(o))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ssl_min_protocol_version=TLSv1.4|one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3",
            "ssl_max_protocol_version=SSLv3|one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3",
            "sslnegotiation=requiredirect|one of postgres, direct",
            "channel_binding=maybe|one of disable, prefer, require",
            "sslsni=perhaps|a boolean",
            "require_auth=scram-sha-256,!md5|cannot be mixed",
            "require_auth=md5,md5|listed twice",
            "require_auth=scram-sha-256-plus|unknown authentication method"})
    void badValuesNameTheOptionAndWhatIsAllowed(String conninfo, String expected) {
        String option = conninfo.substring(0, conninfo.indexOf('='));
        assertThatThrownBy(() -> parse(conninfo))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("\"" + option + "\"")
                .hasMessageContaining(expected)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void environmentVariablesSupplyTheTlsOptions() throws SQLException {
        ConnectionConfig c = parse("host=db", "PGSSLROOTCERT", "/etc/ca.pem", "PGSSLNEGOTIATION", "direct",
                "PGREQUIREAUTH", "!password,!md5", "PGSSLSNI", "0", "PGCHANNELBINDING", "require");
        assertThat(c.get(Options.SSLROOTCERT)).isEqualTo("/etc/ca.pem");
        assertThat(c.isSet(Options.SSLROOTCERT)).isTrue();
        assertThat(c.get(Options.SSLNEGOTIATION)).isEqualTo("direct");
        assertThat(c.get(Options.REQUIRE_AUTH)).containsExactly("!password", "!md5");
        assertThat(c.get(Options.SSLSNI)).isFalse();
        assertThat(c.get(Options.CHANNEL_BINDING)).isEqualTo("require");
    }

    @Test
    void pgjdbcUrlUsesTheSameNames() throws SQLException {
        ConnectionConfig c = parse("jdbc:postgresql://db/app?sslmode=verify-full&sslrootcert=/r.pem&sslcert=/c.pem"
                + "&sslkey=/k.pem&sslpassword=s3cret&channelBinding=require&sslNegotiation=direct");
        assertThat(c.get(Options.SSLROOTCERT)).isEqualTo("/r.pem");
        assertThat(c.get(Options.SSLCERT)).isEqualTo("/c.pem");
        assertThat(c.get(Options.SSLKEY)).isEqualTo("/k.pem");
        assertThat(c.get(Options.SSLPASSWORD)).isEqualTo("s3cret");
        assertThat(c.get(Options.CHANNEL_BINDING)).isEqualTo("require");
        assertThat(c.get(Options.SSLNEGOTIATION)).isEqualTo("direct");
    }

    @Test
    void sslpasswordIsNeverShown() throws SQLException {
        ConnectionConfig c = parse("host=db sslpassword=s3cret sslkey=/k.pem");
        assertThat(c.toString()).doesNotContain("s3cret").contains("sslpassword=<redacted>");
        assertThat(c.asRedactedMap()).containsEntry("sslpassword", "<redacted>");
        Properties p = new Properties();
        p.setProperty("sslpassword", "s3cret");
        DriverPropertyInfo[] infos = Options.driverPropertyInfo(p);
        assertThat(infos).noneMatch(i -> "s3cret".equals(i.value));
        assertThat(Arrays.stream(infos).map(i -> i.name)).contains("sslrootcert", "sslpassword", "require_auth");
    }

    @Test
    void tlsVersionChoicesAreListedForTools() {
        DriverPropertyInfo info = Arrays.stream(Options.driverPropertyInfo(new Properties()))
                .filter(i -> i.name.equals("ssl_min_protocol_version")).findFirst().orElseThrow();
        assertThat(info.choices).containsExactly("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
        assertThat(info.value).isEqualTo("TLSv1.2");
    }
}
