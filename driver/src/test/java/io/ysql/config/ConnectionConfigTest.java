package io.ysql.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionConfigTest {
    @TempDir
    Path home;

    private ConfigSources env(String... pairs) { return FakeEnvironment.of(home, pairs); }
    private ConnectionConfig parse(String text, String... pairs) throws SQLException {
        return FakeEnvironment.parse(home, text, pairs);
    }

    @Test
    void mapAcceptsDatabaseAndDbname() throws SQLException {
        assertThat(ConnectionConfig.fromMap(Map.of("database", "d1"), env()).dbname()).isEqualTo("d1");
        assertThat(ConnectionConfig.fromMap(Map.of("dbname", "d2"), env()).dbname()).isEqualTo("d2");
        assertThat(ConnectionConfig.fromMap(Map.of("port", 6543, "connect_timeout", 7), env()).hosts())
                .containsExactly(new HostSpec("localhost", 6543));
    }

    @Test
    void mapWithTwoNamesForOneOptionMustAgree() throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", "a");
        m.put("dbname", "a");
        assertThat(ConnectionConfig.fromMap(m, env()).dbname()).isEqualTo("a");
        m.put("dbname", "b");
        assertThatThrownBy(() -> ConnectionConfig.fromMap(m, env()))
                .hasMessageContaining("given twice with different values");
    }

    @Test
    void propertiesIncludingDefaultsChain() throws SQLException {
        Properties defaults = new Properties();
        defaults.setProperty("user", "fromDefaults");
        Properties p = new Properties(defaults);
        p.setProperty("database", "pdb");
        p.put("port", 7777); // non-String value: toString()
        ConnectionConfig c = ConnectionConfig.fromProperties(p, env());
        assertThat(c.user()).isEqualTo("fromDefaults");
        assertThat(c.dbname()).isEqualTo("pdb");
        assertThat(c.hosts().get(0).port()).isEqualTo(7777);
    }

    @Test
    void unknownOptionWithSuggestion() {
        assertThatThrownBy(() -> parse("hots=x"))
                .isInstanceOf(SQLException.class)
                .hasMessage("unknown connection option \"hots\"; did you mean \"host\"?")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThatThrownBy(() -> parse("prepareTreshold=3")).hasMessageContaining("did you mean \"prepareThreshold\"");
        assertThatThrownBy(() -> parse("completelyunrelated=1"))
                .hasMessage("unknown connection option \"completelyunrelated\"");
    }

    @Test
    void pgjdbcNamesMatchIgnoringCase() throws SQLException {
        ConnectionConfig c = parse("applicationname=app SSLMODE=disable currentschema=s CONNECTTIMEOUT=0");
        assertThat(c.applicationName()).isEqualTo("app");
        assertThat(c.sslMode()).isEqualTo(SslMode.DISABLE);
        assertThat(c.startupParameters()).containsEntry("search_path", "s");
        assertThat(c.connectTimeout()).isZero();
    }

    @Test
    void badPort() {
        assertThatThrownBy(() -> parse("port=abc")).isInstanceOf(SQLException.class)
                .hasMessage("invalid value \"abc\" for option \"port\": expected an integer from 1 to 65535")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThatThrownBy(() -> parse("port=70000")).hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> parse("", "PGPORT", "0"))
                .hasMessageContaining("(from environment variable PGPORT)");
    }

    @Test
    void portListPairing() throws SQLException {
        assertThat(parse("host=a,b,c port=7").hosts()).extracting(HostSpec::port).containsExactly(7, 7, 7);
        assertThat(parse("host=a,b port=7,8").hosts()).extracting(HostSpec::port).containsExactly(7, 8);
        assertThat(parse("host=a,,c port=1,,3").hosts()).containsExactly(
                new HostSpec("a", 1), new HostSpec("localhost", 5433), new HostSpec("c", 3));
        assertThatThrownBy(() -> parse("host=a,b,c port=1,2"))
                .hasMessage("could not match 2 port numbers to 3 hosts");
    }

    @Test
    void hostaddrPairing() throws SQLException {
        ConnectionConfig c = parse("host=db1,db2 hostaddr=10.0.0.1,::1");
        assertThat(c.hosts()).containsExactly(new HostSpec("db1", 5433, "10.0.0.1"), new HostSpec("db2", 5433, "::1"));
        assertThat(c.hosts().get(0).connectAddress()).isEqualTo("10.0.0.1");
        assertThat(parse("hostaddr=127.0.0.1").hosts()).containsExactly(new HostSpec("127.0.0.1", 5433, "127.0.0.1"));
        assertThatThrownBy(() -> parse("host=a,b hostaddr=10.0.0.1"))
                .hasMessage("could not match 2 host names to 1 hostaddr values");
        assertThatThrownBy(() -> parse("hostaddr=db.example.com"))
                .hasMessageContaining("numeric IPv4 or IPv6 address");
    }

    @Test
    void clientEncodingOnlyUtf8() throws SQLException {
        for (String s : new String[] {"UTF8", "utf8", "UTF-8", "unicode"}) {
            assertThat(parse("client_encoding=" + s).get(Options.CLIENT_ENCODING)).isEqualTo("UTF8");
        }
        assertThatThrownBy(() -> parse("client_encoding=LATIN1"))
                .hasMessage("invalid value \"LATIN1\" for option \"client_encoding\": only UTF8 is supported "
                        + "(the driver always exchanges UTF8 with the server)");
        assertThatThrownBy(() -> parse("", "PGCLIENTENCODING", "SQL_ASCII")).hasMessageContaining("only UTF8");
    }

    @Test
    void sslModes() throws SQLException {
        assertThat(parse("sslmode=verify-full").sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(parse("sslmode=Verify-CA").sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(parse("", "PGSSLMODE", "disable").sslMode()).isEqualTo(SslMode.DISABLE);
        assertThatThrownBy(() -> parse("sslmode=on")).hasMessage("invalid value \"on\" for option \"sslmode\": "
                + "expected one of disable, allow, prefer, require, verify-ca, verify-full");
    }

    @Test
    void sslTrueMeansRequireUnlessSslmodeGiven() throws SQLException {
        assertThat(parse("ssl=true").sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(parse("ssl=true", "PGSSLMODE", "disable").sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(parse("ssl=true sslmode=verify-full").sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(parse("ssl=false").sslMode()).isEqualTo(SslMode.PREFER);
        assertThatThrownBy(() -> parse("ssl=maybe")).hasMessageContaining("expected a boolean");
    }

    @Test
    void secretsNeverShown() throws SQLException {
        ConnectionConfig c = parse("password=hunter2 sslpassword=keypass user=u");
        assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("keypass").contains("<redacted>");
        assertThat(c.asRedactedMap()).containsEntry("password", "<redacted>")
                .containsEntry("sslpassword", "<redacted>").containsEntry("user", "u");
        assertThat(c.asRedactedMap().values()).doesNotContain("hunter2", "keypass");
        assertThat(Options.PASSWORD.display("hunter2")).isEqualTo("<redacted>");
    }

    @Test
    void secretNeverInErrorMessage() {
        ConnectionOption<Integer> secretInt = ConnectionOption.builder("pin", OptionType.integer(0, 9))
                .secret().doc("test").build();
        assertThatThrownBy(() -> secretInt.parse("12345"))
                .hasMessage("invalid value <redacted> for option \"pin\": expected an integer from 0 to 9");
        assertThatThrownBy(() -> parse("password=hunter2 hots=x")).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parse("password='hunter2")).hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sslfactory=org.postgresql.ssl.NonValidatingFactory", "socketFactory=x.Y",
            "sslhostnameverifier=x.Y", "sslpasswordcallback=x.Y", "authenticationPluginClassName=x.Y",
            "xmlFactoryFactory=LEGACY_INSECURE"})
    void classNameOptionsAreRefused(String setting) {
        assertThatThrownBy(() -> parse(setting)).isInstanceOf(SQLException.class)
                .hasMessageContaining("is refused: the driver never loads classes named in connection options")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void refusedOptionWithEmptyValueIsHarmless() throws SQLException {
        assertThat(parse("sslfactory=''").get(Options.SSLFACTORY)).isNull();
    }

    @Test
    void currentSchemaBecomesSearchPath() throws SQLException {
        ConnectionConfig c = parse("currentSchema=app,public application_name=a options='-c x=1'",
                "PGTZ", "UTC", "PGDATESTYLE", "ISO, MDY", "PGGEQO", "off");
        assertThat(c.startupParameters()).containsExactly(
                Map.entry("application_name", "a"), Map.entry("options", "-c x=1"),
                Map.entry("search_path", "app,public"), Map.entry("timezone", "UTC"),
                Map.entry("geqo", "off"));
        assertThat(c.startupParameters()).doesNotContainKey("client_encoding");
    }

    @Test
    void fallbackApplicationName() throws SQLException {
        assertThat(parse("fallback_application_name=fb").applicationName()).isEqualTo("fb");
        assertThat(parse("fallback_application_name=fb application_name=app").applicationName()).isEqualTo("app");
        assertThat(parse("fallback_application_name=fb", "PGAPPNAME", "env").applicationName()).isEqualTo("env");
    }

    @Test
    void connectTimeout() throws SQLException {
        assertThat(parse("connect_timeout=1").connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(parse("connect_timeout=5").connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parse("connect_timeout=0").connectTimeout()).isZero();
        assertThat(parse("connect_timeout=''").connectTimeout()).isZero();
        assertThat(parse("loginTimeout=1").connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(parse("", "PGCONNECT_TIMEOUT", "30").connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> parse("connect_timeout=-1")).hasMessageContaining("whole number of seconds");
    }

    @Test
    void ignoredOptionsAreValidatedAndLogged() throws SQLException {
        try (LogCapture log = new LogCapture()) {
            ConnectionConfig c = parse("hostRecheckSeconds=3 load-balance=only-rr topology_keys=aws.us-east-1.*:1");
            assertThat(c.get(Options.HOST_RECHECK_SECONDS)).isEqualTo(3);
            assertThat(c.get(Options.LOAD_BALANCE)).isEqualTo("only-rr");
            assertThat(log.messages(java.util.logging.Level.FINEST))
                    .anyMatch(m -> m.contains("\"hostRecheckSeconds\"") && m.contains("no effect"));
        }
        assertThatThrownBy(() -> parse("load_balance=maybe")).hasMessageContaining("expected one of false, true");
        assertThatThrownBy(() -> parse("yb-servers-refresh-interval=601")).hasMessageContaining("from 0 to 600");
        assertThatThrownBy(() -> parse("topology-keys=aws.*.z")).hasMessageContaining("malformed topology key");
        assertThatThrownBy(() -> parse("topology_keys=a.b.c:11")).hasMessageContaining("priority");
        assertThatThrownBy(() -> parse("gssencmode=require")).hasMessageContaining("no GSSAPI encryption");
        assertThatThrownBy(() -> parse("require_auth=md5,!password")).hasMessageContaining("cannot be mixed");
        assertThatThrownBy(() -> parse("target_session_attrs=primary-ish")).hasMessageContaining("expected one of");
    }

    @Test
    void conninfoUriAndJdbcFormsAgree() throws SQLException {
        ConnectionConfig a = parse("host=h port=6000 dbname=d user=u");
        ConnectionConfig b = parse("postgresql://u@h:6000/d");
        ConnectionConfig c = parse("jdbc:ysql://h:6000/d?user=u");
        assertThat(a.asRedactedMap()).isEqualTo(b.asRedactedMap()).isEqualTo(c.asRedactedMap());
    }
}
