package io.ysql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.jdbc.TestServer;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link YsqlDataSource} against the real server, configured the way pools and containers do it:
 * by class name and bean property names, with string values converted to each setter's parameter
 * type (what HikariCP does with {@code dataSourceClassName} and {@code dataSource.*} properties);
 * through a base URL with options on top; and with {@code getConnection(user, password)}
 * overriding the configured credentials.
 */
class DataSourceIT {
    private static PgCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestServer.cluster();
    }

    private static String one(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    /** Sets bean properties by name from text, as a pool does from its configuration file. */
    private static DataSource configureLikeAPool(String className, Map<String, String> props) throws Exception {
        Object ds = Class.forName(className).getDeclaredConstructor().newInstance();
        BeanInfo info = Introspector.getBeanInfo(ds.getClass());
        for (Map.Entry<String, String> e : props.entrySet()) {
            Method setter = writeMethod(info, e.getKey())
                    .orElseThrow(() -> new AssertionError("no bean setter for " + e.getKey()));
            Class<?> type = setter.getParameterTypes()[0];
            Object value = type == int.class ? Integer.valueOf(e.getValue())
                    : type == boolean.class ? Boolean.valueOf(e.getValue()) : e.getValue();
            setter.invoke(ds, value);
        }
        return (DataSource) ds;
    }

    private static Optional<Method> writeMethod(BeanInfo info, String property) {
        return Arrays.stream(info.getPropertyDescriptors())
                .filter(d -> d.getName().equals(property) && d.getWriteMethod() != null)
                .map(PropertyDescriptor::getWriteMethod).findFirst();
    }

    @Test
    void beanIntrospectionFindsTheStandardAndOptionProperties() throws IntrospectionException {
        BeanInfo info = Introspector.getBeanInfo(YsqlDataSource.class);
        for (String p : new String[] {"serverName", "portNumber", "databaseName", "user", "password", "url",
                "sslmode", "connectTimeout", "applicationName", "loginTimeout", "currentSchema"}) {
            assertThat(writeMethod(info, p)).as("setter of %s", p).isPresent();
        }
        PropertyDescriptor port = Arrays.stream(info.getPropertyDescriptors())
                .filter(d -> d.getName().equals("portNumber")).findFirst().orElseThrow();
        assertThat(port.getPropertyType()).isEqualTo(int.class);
        assertThat(port.getReadMethod()).isNotNull();
    }

    @Test
    void connectsWhenConfiguredByPropertyNamesAsHikariDoes() throws Exception {
        AuthRole role = AuthRole.SCRAM;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("serverName", cluster.host());
        props.put("portNumber", Integer.toString(cluster.port()));
        props.put("databaseName", cluster.database());
        props.put("user", role.user());
        props.put("password", role.password());
        props.put("sslmode", "disable");
        props.put("applicationName", "datasource-it");
        props.put("connectTimeout", "20");
        DataSource ds = configureLikeAPool("io.ysql.jdbc.YsqlDataSource", props);

        try (Connection conn = ds.getConnection()) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(role.user());
            assertThat(one(conn, "SELECT current_database()")).isEqualTo(cluster.database());
            assertThat(one(conn, "SELECT current_setting('application_name')")).isEqualTo("datasource-it");
            assertThat(one(conn, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    .isEqualTo("false");
        }
        assertThat(ds.toString()).doesNotContain(role.password());
    }

    @Test
    void urlWithOptionsOnTop() throws SQLException {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl(cluster.jdbcUrl() + "?application_name=from-url");
        ds.setProperty("ApplicationName", "from-property");
        ds.setProperty("currentSchema", "pg_catalog");
        ds.setLoginTimeout(15);
        try (Connection conn = ds.getConnection(cluster.superuser(), cluster.superuserPassword())) {
            assertThat(one(conn, "SELECT current_setting('application_name')")).isEqualTo("from-property");
            assertThat(one(conn, "SELECT current_schema()")).isEqualTo("pg_catalog");
            assertThat(conn.getMetaData().getURL()).startsWith("jdbc:ysql:");
        }
    }

    @Test
    void getConnectionWithCredentialsOverridesTheConfiguredOnes() throws SQLException {
        AuthRole role = AuthRole.SCRAM;
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl(cluster.conninfo(role.user(), "not-the-password"));
        SQLException refused = TestServer.thrown(SQLException.class, ds::getConnection);
        assertThat(refused.getSQLState()).isEqualTo("28P01");
        assertThat(refused.getMessage()).doesNotContain("not-the-password");

        try (Connection conn = ds.getConnection(role.user(), role.password())) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(role.user());
        }
        try (Connection conn = ds.getConnection(cluster.superuser(), cluster.superuserPassword())) {
            assertThat(one(conn, "SELECT current_user")).isEqualTo(cluster.superuser());
        }
    }

    @Test
    void pooledSetterRejectsABadValueBeforeAnyConnection() {
        Throwable t = TestServer.thrown(InvocationTargetException.class,
                () -> configureLikeAPool("io.ysql.jdbc.YsqlDataSource", Map.of("sslmode", "sometimes")));
        assertThat(t.getCause()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sslmode").hasMessageContaining("verify-full");
    }
}
