package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built driver jar as a program and as a bundle: {@code java -jar} answers {@code --version}
 * and {@code --help} and rejects an unknown command with status 2; the same entry point runs from
 * the module path; the manifest carries the OSGi headers, in step with the project version; and
 * the GraalVM native-image resource list covers every resource the driver loads.
 */
class ExecutableJarIT {
    private static Path jar;
    private static String version;

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
        String name = jar.getFileName().toString();
        version = name.substring("ysql-driver-".length(), name.length() - ".jar".length());
    }

    @Test
    void javaJarVersionPrintsTheDriverAndJdbcVersions() throws Exception {
        Run r = java("-jar", jar.toString(), "--version");
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).startsWith("ysql-driver " + version + System.lineSeparator()).contains("JDBC 4.2");
        assertThat(r.err).isEmpty();
    }

    @Test
    void javaJarHelpPrintsUsage() throws Exception {
        Run r = java("-jar", jar.toString(), "--help");
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).contains("usage: java -jar ysql-driver.jar", "--version");
    }

    @Test
    void anUnknownCommandPrintsUsageOnStderrAndExitsWithTwo() throws Exception {
        Run r = java("-jar", jar.toString(), "bogus");
        assertThat(r.status).as(r.toString()).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertThat(r.err).contains("unknown command 'bogus'", "usage:");
    }

    @Test
    void javaJarCheckAndQueryRunAgainstAServer() throws Exception {
        io.ysql.testkit.PgCluster pg = io.ysql.testkit.PgCluster.shared();
        String conninfo = pg.conninfo(io.ysql.testkit.AuthRole.SCRAM) + " sslmode=disable";
        Run check = java("-jar", jar.toString(), "check", conninfo);
        assertThat(check.status).as(check.toString()).isZero();
        assertThat(check.out).contains("[ok]    auth", "Result: connected in");
        Run query = java("-jar", jar.toString(), "query", "--csv", conninfo, "SELECT 1 AS one");
        assertThat(query.status).as(query.toString()).isZero();
        assertThat(query.out).isEqualTo("one\r\n1\r\n");
        Run failing = java("-jar", jar.toString(), "query", conninfo, "SELECT * FROM no_such_table");
        assertThat(failing.status).isEqualTo(1);
        assertThat(failing.err).startsWith("ERROR: 42P01: ");
    }

    @Test
    void runsFromTheModulePath() throws Exception {
        Run r = java("--module-path", jar.toString(), "--module", "io.ysql/io.ysql.internal.cli.Main", "--version");
        assertThat(r.status).as(r.toString()).isZero();
        assertThat(r.out).startsWith("ysql-driver " + version);
    }

    @Test
    void manifestCarriesTheOsgiHeaders() throws IOException {
        Attributes a;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            a = m.getMainAttributes();
        }
        String numeric = version.replaceFirst("-.*$", "");
        String osgiVersion = version.replace('-', '.');
        assertThat(a.getValue("Main-Class")).isEqualTo("io.ysql.internal.cli.Main");
        assertThat(a.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(a.getValue("Bundle-SymbolicName")).isEqualTo("io.ysql");
        assertThat(a.getValue("Bundle-Version")).as("the project version %s in OSGi form", version).isEqualTo(osgiVersion);
        List<String> exports = new ArrayList<>();
        for (String clause : a.getValue("Export-Package").split(",")) {
            String[] parts = clause.split(";", 2);
            assertThat(parts[1]).as("version of exported package %s", parts[0]).isEqualTo("version=\"" + numeric + "\"");
            exports.add(parts[0]);
        }
        assertThat(exports).containsExactlyInAnyOrder("io.ysql", "io.ysql.jdbc", "io.ysql.config", "io.ysql.error",
                "io.ysql.errors", "io.ysql.types");
        assertThat(a.getValue("Import-Package")).isEqualTo("javax.crypto,javax.crypto.spec,javax.net.ssl,javax.sql");
        assertThat(a.getValue("Require-Capability")).isEqualTo("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version>=17))\"");
    }

    @Test
    void nativeImageResourceListCoversEveryResourceTheDriverLoads() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            JarEntry config = jf.getJarEntry("META-INF/native-image/io.ysql/ysql-driver/resource-config.json");
            assertThat(config).as("native-image resource-config.json").isNotNull();
            String json = new String(jf.getInputStream(config).readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"pattern\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            while (m.find()) patterns.add(Pattern.compile(m.group(1).replace("\\\\", "\\")));
            for (JarEntry e : Collections.list(jf.entries())) {
                String n = e.getName();
                if (n.endsWith(".sql") || n.endsWith(".properties") && !n.startsWith("META-INF/")) resources.add(n);
            }
        }
        assertThat(resources).contains("io/ysql/version.properties").anyMatch(n -> n.endsWith(".sql"));
        assertThat(resources).allSatisfy(n -> assertThat(patterns).as("a pattern for %s", n)
                .anyMatch(p -> p.matcher(n).matches()));
    }

    private record Run(int status, String out, String err) {}

    /** Runs the JDK's {@code java} that runs this test with {@code args}. */
    private static Run java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(args));
        Path dir = Files.createTempDirectory("ysql-jar-run");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("java " + String.join(" ", args) + " did not end within 60 s");
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        Files.delete(dir);
        return r;
    }
}
