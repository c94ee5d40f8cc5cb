package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver jar as users get it: on the module path it is module {@code io.ysql}, exports only
 * the public packages, needs nothing beyond the JDK and provides {@link Driver}; on the class path
 * {@link ServiceLoader} finds the driver, which connects to a real server.
 */
class PackagingIT {
    private static Path jar;

    @BeforeAll
    static void findJar() throws IOException {
        Path target = Path.of("..", "driver", "target");
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "ysql-driver-*.jar")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.contains("-sources") && !n.contains("-javadoc") && !n.contains("-tests")) jars.add(p);
            }
        }
        assertThat(jars).as("the driver jar built in " + target.toAbsolutePath()).hasSize(1);
        jar = jars.get(0);
    }

    @Test
    void isModuleIoYsqlExportingOnlyThePublicPackages() {
        ModuleDescriptor d = ModuleFinder.of(jar).find("io.ysql").orElseThrow().descriptor();
        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrder("io.ysql", "io.ysql.jdbc", "io.ysql.config", "io.ysql.error",
                "io.ysql.errors", "io.ysql.types");
        assertThat(d.packages()).anyMatch(p -> p.startsWith("io.ysql.internal."));
        assertThat(d.requires()).allMatch(r -> r.name().startsWith("java.") || r.name().equals("jdk.net"),
                "requires only JDK modules");
        assertThat(d.provides()).anyMatch(p -> p.service().equals("java.sql.Driver")
                && p.providers().contains("io.ysql.jdbc.YsqlDriver"));
    }

    @Test
    void resolvesOnTheModulePathAndProvidesTheDriver() {
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(ModuleFinder.of(jar), ModuleFinder.of(), Set.of("io.ysql"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        List<String> drivers = ServiceLoader.load(layer, Driver.class).stream()
                .map(p -> p.type().getName()).collect(Collectors.toList());
        assertThat(drivers).contains("io.ysql.jdbc.YsqlDriver");
        Module m = layer.findModule("io.ysql").orElseThrow();
        assertThat(m.isExported("io.ysql.internal.session")).isFalse();
        assertThat(m.isExported("io.ysql")).isTrue();
    }

    @Test
    void onTheClassPathServiceLoaderFindsADriverThatConnects() throws Exception {
        try (JarFile jf = new JarFile(jar.toFile())) {
            assertThat(jf.getEntry("META-INF/services/java.sql.Driver")).isNotNull();
        }
        PgCluster cluster = PgCluster.shared();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = null;
            for (Driver d : ServiceLoader.load(Driver.class, loader)) {
                if (d.getClass().getName().equals("io.ysql.jdbc.YsqlDriver")) driver = d;
            }
            assertThat(driver).as("YsqlDriver through ServiceLoader").isNotNull();
            assertThat(driver.getClass().getClassLoader()).isSameAs(loader);
            Properties p = new Properties();
            p.setProperty("user", cluster.superuser());
            p.setProperty("password", cluster.superuserPassword());
            try (Connection c = driver.connect(cluster.jdbcUrl(), p);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }
}
