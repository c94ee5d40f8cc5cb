package io.ysql.jdbc;

import io.ysql.config.ConnectionOption;
import io.ysql.config.ConnectionOption.Status;
import io.ysql.config.Options;
import io.ysql.jdbc.DataSourceSettersGenerator.Kind;
import io.ysql.jdbc.DataSourceSettersGenerator.Property;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when the checked-in YsqlDataSourceSetters.java differs from what the option declarations
 * generate (with -Dysql.regenerate=true it rewrites it instead), and checks the generated bean
 * properties: one public setter per supported option, standard JDBC names, typed parameters.
 */
class YsqlDataSourceSettersTest {
    /** Maven runs the tests with the driver module as working directory. */
    private static final Path DRIVER = Path.of("").toAbsolutePath();

    @Test
    void checkedInSettersAreCurrent() throws IOException {
        if (Boolean.getBoolean("ysql.regenerate")) {
            DataSourceSettersGenerator.write(DRIVER);
        }
        assertThat(DataSourceSettersGenerator.stale(DRIVER))
                .as("stale %s; regenerate with:%n  %s", DataSourceSettersGenerator.FILE,
                        DataSourceSettersGenerator.REGENERATE)
                .isFalse();
    }

    @Test
    void generatedSourceNamesItsGeneratorAndRegenerateCommand() {
        String src = DataSourceSettersGenerator.source();
        assertThat(src).startsWith("// Generated from io.ysql.config.Options by io.ysql.jdbc.DataSourceSettersGenerator")
                .contains(DataSourceSettersGenerator.REGENERATE);
    }

    @Test
    void everySupportedOptionHasOneProperty() {
        List<ConnectionOption<?>> supported = Options.all().stream()
                .filter(o -> o.status() == Status.SUPPORTED).toList();
        List<Property> props = DataSourceSettersGenerator.properties();
        assertThat(props).extracting(Property::option).containsExactlyElementsOf(supported);
        assertThat(props).extracting(Property::name).doesNotHaveDuplicates();
        assertThat(props).extracting(Property::option).noneMatch(o -> o.status() != Status.SUPPORTED);
    }

    @Test
    void standardJdbcNamesAndLowerCamelCase() {
        assertThat(DataSourceSettersGenerator.propertyName("host")).isEqualTo("serverName");
        assertThat(DataSourceSettersGenerator.propertyName("port")).isEqualTo("portNumber");
        assertThat(DataSourceSettersGenerator.propertyName("dbname")).isEqualTo("databaseName");
        assertThat(DataSourceSettersGenerator.propertyName("user")).isEqualTo("user");
        assertThat(DataSourceSettersGenerator.propertyName("connect_timeout")).isEqualTo("connectTimeout");
        assertThat(DataSourceSettersGenerator.propertyName("ssl_min_protocol_version"))
                .isEqualTo("sslMinProtocolVersion");
        assertThat(DataSourceSettersGenerator.propertyName("currentSchema")).isEqualTo("currentSchema");
    }

    @Test
    void kindsFollowTheOptionTypes() {
        assertThat(DataSourceSettersGenerator.kind(Options.PORT)).isEqualTo(Kind.PORT);
        assertThat(DataSourceSettersGenerator.kind(Options.CONNECT_TIMEOUT)).isEqualTo(Kind.SECONDS);
        assertThat(DataSourceSettersGenerator.kind(Options.SSLSNI)).isEqualTo(Kind.FLAG);
        assertThat(DataSourceSettersGenerator.kind(Options.SSLMODE)).isEqualTo(Kind.TEXT);
        assertThat(DataSourceSettersGenerator.kind(Options.HOST)).isEqualTo(Kind.TEXT);
    }

    @Test
    void dataSourceHasPublicTypedSetters() throws NoSuchMethodException {
        assertThat(setter("setServerName", String.class)).isNotNull();
        assertThat(setter("setPortNumber", int.class)).isNotNull();
        assertThat(setter("setDatabaseName", String.class)).isNotNull();
        assertThat(setter("setUser", String.class)).isNotNull();
        assertThat(setter("setPassword", String.class)).isNotNull();
        assertThat(setter("setSslmode", String.class)).isNotNull();
        assertThat(setter("setConnectTimeout", int.class)).isNotNull();
        assertThat(setter("setApplicationName", String.class)).isNotNull();
        assertThat(setter("setSslsni", boolean.class)).isNotNull();
        for (Property p : DataSourceSettersGenerator.properties()) {
            Class<?> type = switch (p.kind()) {
                case TEXT -> String.class;
                case FLAG -> boolean.class;
                case INTEGER, SECONDS, PORT -> int.class;
            };
            assertThat(setter("set" + p.capitalized(), type)).as(p.name()).isNotNull();
        }
    }

    private static Method setter(String name, Class<?> type) throws NoSuchMethodException {
        Method m = YsqlDataSource.class.getMethod(name, type);
        assertThat(Modifier.isPublic(m.getModifiers())).as(name).isTrue();
        assertThat(Modifier.isPublic(m.getDeclaringClass().getModifiers())).as(name).isTrue();
        return m;
    }
}
