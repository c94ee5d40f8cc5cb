package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link Driver#getPropertyInfo} as a tool sees it: the driver found through {@link DriverManager}
 * for each accepted URL prefix lists the common options with their descriptions, the choices of
 * sslmode, the values it was given (never a password), and answers {@code acceptsURL} only for
 * its own prefixes.
 */
class DriverPropertyInfoIT {

    private static Map<String, DriverPropertyInfo> byName(DriverPropertyInfo[] infos) {
        return Arrays.stream(infos).collect(Collectors.toMap(i -> i.name, Function.identity()));
    }

    @Test
    void theDriverIsFoundForEveryPrefix() throws SQLException {
        String url = TestServer.cluster().jdbcUrl();
        Driver driver = DriverManager.getDriver(url);
        assertThat(driver.getClass().getName()).isEqualTo("io.ysql.jdbc.YsqlDriver");
        assertThat(driver.acceptsURL("jdbc:ysql://h/db")).isTrue();
        assertThat(driver.acceptsURL("jdbc:postgresql://h/db")).isTrue();
        assertThat(driver.acceptsURL("jdbc:yugabytedb://h/db")).isTrue();
        assertThat(driver.acceptsURL("jdbc:mysql://h/db")).isFalse();
        assertThat(driver.connect("jdbc:mysql://h/db", new Properties())).isNull();
        assertThat(DriverManager.getDriver("jdbc:yugabytedb://h/db")).isSameAs(driver);
    }

    @Test
    void listsTheCommonOptionsWithSslmodeChoices() throws SQLException {
        Driver driver = DriverManager.getDriver(TestServer.cluster().jdbcUrl());
        Map<String, DriverPropertyInfo> infos = byName(driver.getPropertyInfo(TestServer.cluster().jdbcUrl(), new Properties()));

        assertThat(infos).containsKeys("host", "port", "dbname", "user", "password", "sslmode", "connect_timeout",
                "application_name");
        for (DriverPropertyInfo info : infos.values()) {
            assertThat(info.description).as("description of %s", info.name).isNotBlank();
        }
        assertThat(infos.get("sslmode").choices)
                .containsExactlyInAnyOrder("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        assertThat(infos.get("sslmode").value).isEqualTo("prefer");
        assertThat(infos.get("port").choices).isNull();
        assertThat(infos.get("port").value).isEqualTo(String.valueOf(TestServer.cluster().port()));
    }

    @Test
    void showsGivenValuesButNeverThePassword() throws SQLException {
        Driver driver = DriverManager.getDriver("jdbc:ysql://h/db");
        Properties given = new Properties();
        given.setProperty("user", "someone");
        given.setProperty("password", "Top-Secret-42");
        given.setProperty("sslmode", "require");
        given.setProperty("ApplicationName", "tool");
        Map<String, DriverPropertyInfo> infos = byName(driver.getPropertyInfo("jdbc:ysql://h/db", given));

        assertThat(infos.get("user").value).isEqualTo("someone");
        assertThat(infos.get("sslmode").value).isEqualTo("require");
        assertThat(infos.get("application_name").value).isEqualTo("tool");
        assertThat(infos.get("password").value).isNull();
        for (DriverPropertyInfo info : infos.values()) {
            assertThat(String.valueOf(info.value)).doesNotContain("Top-Secret-42");
        }
    }

    @Test
    void showsTheUrlsValues() throws SQLException {
        String url = "jdbc:ysql://db.example:6543/sales?sslmode=disable";
        Map<String, DriverPropertyInfo> infos = byName(DriverManager.getDriver(url).getPropertyInfo(url, new Properties()));

        assertThat(infos.get("host").value).isEqualTo("db.example");
        assertThat(infos.get("port").value).isEqualTo("6543");
        assertThat(infos.get("dbname").value).isEqualTo("sales");
        assertThat(infos.get("sslmode").value).isEqualTo("disable");
    }
}
