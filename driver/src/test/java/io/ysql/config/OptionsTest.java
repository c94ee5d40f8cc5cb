package io.ysql.config;

import io.ysql.config.ConnectionOption.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void everyPublicConstantIsListed() throws IllegalAccessException {
        Set<Object> fields = new HashSet<>();
        for (Field f : Options.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConnectionOption.class) fields.add(f.get(null));
        }
        assertThat(fields).hasSizeGreaterThan(100);
        assertThat(new HashSet<Object>(Options.all())).isEqualTo(fields);
    }

    @Test
    void namesAreUniqueIgnoringCaseAcrossOptions() {
        Map<String, ConnectionOption<?>> seen = new java.util.HashMap<>();
        for (ConnectionOption<?> o : Options.all()) {
            for (String n : o.names()) {
                ConnectionOption<?> prev = seen.put(n.toLowerCase(Locale.ROOT), o);
                assertThat(prev == null || prev == o).as("name %s used by %s and %s", n, prev, o).isTrue();
            }
        }
    }

    @Test
    void indexRefusesCollidingNames() {
        ConnectionOption<String> a = ConnectionOption.builder("foo", OptionType.STRING).doc("a").build();
        ConnectionOption<String> b = ConnectionOption.builder("bar", OptionType.STRING).alias("FOO").doc("b").build();
        assertThatThrownBy(() -> new OptionIndex(List.of(a, b))).hasMessageContaining("\"FOO\"");
    }

    @Test
    void everyOptionIsDocumentedAndItsDefaultParses() {
        ConfigSources src = new ConfigSources(Map.of(), Path.of("/home/x"));
        for (ConnectionOption<?> o : Options.all()) {
            assertThat(o.doc()).as(o.name()).isNotBlank();
            o.defaultText().ifPresent(d -> assertThat(o.type().parse(
                    d.startsWith("~/") ? src.homeDir().resolve(d.substring(2)).toString() : d)).isNotNull());
        }
    }

    @Test
    void statusesOfKeyOptions() {
        assertThat(Options.HOST.status()).isEqualTo(Status.SUPPORTED);
        assertThat(Options.SOCKET_TIMEOUT.status()).isEqualTo(Status.SUPPORTED);
        assertThat(Options.TCP_USER_TIMEOUT.status()).isEqualTo(Status.IGNORED);
        assertThat(Options.SSLCERTMODE.status()).isEqualTo(Status.IGNORED);
        for (ConnectionOption<?> o : List.of(Options.SSLROOTCERT, Options.SSLCERT, Options.SSLKEY, Options.SSLPASSWORD,
                Options.SSLCRL, Options.SSLCRLDIR, Options.SSLSNI, Options.SSL_MIN_PROTOCOL_VERSION,
                Options.SSL_MAX_PROTOCOL_VERSION, Options.SSLNEGOTIATION, Options.CHANNEL_BINDING,
                Options.REQUIRE_AUTH)) {
            assertThat(o.status()).as(o.name()).isEqualTo(Status.SUPPORTED);
        }
        assertThat(Options.SSLFACTORY.status()).isEqualTo(Status.REJECTED);
        assertThat(Options.PASSWORD.secret()).isTrue();
        assertThat(Options.SSLPASSWORD.secret()).isTrue();
        assertThat(Options.USER.secret()).isFalse();
    }

    @Test
    void envVarsOfTheLibpqList() {
        Map<String, ConnectionOption<?>> expected = Map.ofEntries(
                Map.entry("PGHOST", Options.HOST), Map.entry("PGHOSTADDR", Options.HOSTADDR),
                Map.entry("PGPORT", Options.PORT), Map.entry("PGDATABASE", Options.DBNAME),
                Map.entry("PGUSER", Options.USER), Map.entry("PGPASSWORD", Options.PASSWORD),
                Map.entry("PGPASSFILE", Options.PASSFILE), Map.entry("PGAPPNAME", Options.APPLICATION_NAME),
                Map.entry("PGCONNECT_TIMEOUT", Options.CONNECT_TIMEOUT), Map.entry("PGSSLMODE", Options.SSLMODE),
                Map.entry("PGOPTIONS", Options.OPTIONS), Map.entry("PGCLIENTENCODING", Options.CLIENT_ENCODING),
                Map.entry("PGTZ", Options.TIMEZONE), Map.entry("PGDATESTYLE", Options.DATESTYLE),
                Map.entry("PGGEQO", Options.GEQO), Map.entry("PGSSLROOTCERT", Options.SSLROOTCERT),
                Map.entry("PGSSLCERT", Options.SSLCERT), Map.entry("PGSSLKEY", Options.SSLKEY),
                Map.entry("PGTARGETSESSIONATTRS", Options.TARGET_SESSION_ATTRS),
                Map.entry("PGSSLCRL", Options.SSLCRL), Map.entry("PGSSLCRLDIR", Options.SSLCRLDIR),
                Map.entry("PGSSLSNI", Options.SSLSNI), Map.entry("PGSSLMINPROTOCOLVERSION", Options.SSL_MIN_PROTOCOL_VERSION),
                Map.entry("PGSSLMAXPROTOCOLVERSION", Options.SSL_MAX_PROTOCOL_VERSION),
                Map.entry("PGSSLNEGOTIATION", Options.SSLNEGOTIATION), Map.entry("PGCHANNELBINDING", Options.CHANNEL_BINDING),
                Map.entry("PGREQUIREAUTH", Options.REQUIRE_AUTH));
        expected.forEach((var, o) -> assertThat(o.envVar()).as(var).contains(var));
    }

    @ParameterizedTest
    @CsvSource({"hots,host", "HOTS,host", "prot,port", "usr,user", "pasword,password", "sslmod,sslmode",
            "applicationName_,ApplicationName", "conect_timeout,connect_timeout", "loadbalance,load_balance"})
    void suggestions(String typo, String expected) {
        assertThat(Options.suggest(typo)).contains(expected);
    }

    @Test
    void noSuggestionWhenFar() {
        assertThat(Options.suggest("zzzzzzzz")).isEmpty();
        assertThat(Options.suggest("q")).isEmpty();
    }

    @Test
    void lookupExactThenIgnoringCase() {
        assertThat(Options.byName("ApplicationName")).containsSame(Options.APPLICATION_NAME);
        assertThat(Options.byName("applicationname")).containsSame(Options.APPLICATION_NAME);
        assertThat(Options.byName("PGDBNAME")).containsSame(Options.DBNAME);
        assertThat(Options.byName("load-balance")).containsSame(Options.LOAD_BALANCE);
        assertThat(Options.byName("nope")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "on,true", "Yes,true", "1,true", "false,false", "off,false", "no,false",
            "0,false"})
    void booleanSpellings(String text, boolean expected) {
        assertThat(OptionType.BOOLEAN.parse(text)).isEqualTo(expected);
    }

    @Test
    void typeErrors() {
        assertThatThrownBy(() -> OptionType.BOOLEAN.parse("maybe")).hasMessageStartingWith("expected a boolean");
        assertThatThrownBy(() -> OptionType.integer(1, 3).parse("4")).hasMessage("expected an integer from 1 to 3");
        assertThatThrownBy(() -> OptionType.integer(1, 3).parse("99999999999999"))
                .hasMessage("expected an integer from 1 to 3");
        assertThat(OptionType.integer(-1, 3).parse("-1")).isEqualTo(-1);
        assertThat(OptionType.integer(1, 3).parse("")).isNull();
        assertThat(OptionType.PORT_LIST.parse("1,,3")).containsExactly(1, 5433, 3);
        assertThatThrownBy(() -> OptionType.PORT_LIST.parse("1,x")).hasMessageContaining("every entry");
        assertThat(OptionType.oneOf("a", "Bc").parse("bc")).isEqualTo("Bc");
    }

    @Test
    void numericAddresses() {
        assertThat(OptionType.ADDRESS_LIST.parse("10.1.2.3,::1,fe80::1%eth0,")).hasSize(4);
        for (String bad : List.of("256.1.1.1", "1.2.3", "localhost", "::g", "1.2.3.4.5")) {
            assertThatThrownBy(() -> OptionType.ADDRESS_LIST.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void requireAuth() {
        assertThat(AuthMethods.parse("scram-sha-256,md5")).containsExactly("scram-sha-256", "md5");
        assertThat(AuthMethods.parse("!password,!md5")).containsExactly("!password", "!md5");
        assertThatThrownBy(() -> AuthMethods.parse("md5,md5")).hasMessageContaining("twice");
        assertThatThrownBy(() -> AuthMethods.parse("kerberos")).hasMessageContaining("unknown authentication method");
    }

    @Test
    void topologyKeys() {
        assertThat(TopologyKeys.check("aws.us-east-1.us-east-1a:1,aws.us-east-1.*:2")).isNotEmpty();
        for (String bad : List.of("aws.us-east-1", "*.r.z", "c.r.z:0", "c.r.z:1:2", "c..z", "c.r.z*")) {
            assertThatThrownBy(() -> TopologyKeys.check(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void driverPropertyInfoFromProperties() {
        Properties p = new Properties();
        p.setProperty("PGHOST", "db9");
        p.setProperty("password", "hunter2");
        DriverPropertyInfo[] infos = Options.driverPropertyInfo(p);
        assertThat(infos).allMatch(i -> !i.required && i.description != null && !i.description.isBlank());
        assertThat(Arrays.stream(infos).filter(i -> i.name.equals("host")).findFirst().orElseThrow().value)
                .isEqualTo("db9");
        assertThat(Arrays.stream(infos).filter(i -> i.name.equals("port")).findFirst().orElseThrow().value)
                .isEqualTo("5433");
        assertThat(Arrays.stream(infos).filter(i -> i.name.equals("password")).findFirst().orElseThrow().value)
                .isNull();
        assertThat(Arrays.stream(infos).filter(i -> i.name.equals("sslmode")).findFirst().orElseThrow().choices)
                .containsExactly("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        assertThat(infos).noneMatch(i -> i.name.equals("prepareThreshold") || i.name.equals("sslfactory"));
    }

    @Test
    void driverPropertyInfoFromConfig() throws Exception {
        ConnectionConfig c = ConnectionConfig.parse("host=a,b port=1 password=hunter2", null,
                new ConfigSources(Map.of(), null));
        DriverPropertyInfo[] infos = Options.driverPropertyInfo(c);
        assertThat(Arrays.stream(infos).filter(i -> i.name.equals("host")).findFirst().orElseThrow().value)
                .isEqualTo("a,b");
        assertThat(infos).noneMatch(i -> "hunter2".equals(i.value));
    }
}
