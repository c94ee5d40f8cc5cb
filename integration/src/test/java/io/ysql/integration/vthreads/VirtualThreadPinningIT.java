package io.ysql.integration.vthreads;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual threads on JDK 25, whatever JDK runs the tests: launches a child JVM from
 * {@code /usr/lib/jvm/temurin-25*} with this test class path, running
 * {@link VirtualThreadPinningMain}: 10,000 virtual threads doing point selects through a HikariCP
 * pool of eight against the shared test server, under a JFR recording of every
 * {@code jdk.VirtualThreadPinned} event. Every task must succeed and no carrier may be pinned.
 * A missing JDK 25 fails the test and names where it looked.
 */
class VirtualThreadPinningIT {
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    @Test
    void tenThousandVirtualThreadsThroughAPoolNeverPinTheirCarrier(@TempDir Path dir) throws Exception {
        Path java = jdk25();
        PgCluster cluster = PgCluster.shared();
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                VirtualThreadPinningMain.class.getName(), cluster.jdbcUrl(), cluster.superuser(),
                cluster.superuserPassword(), dir.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(5, TimeUnit.MINUTES);
        if (!ended) child.destroyForcibly();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the child JVM ended; its output:%n%s", out).isTrue();
        assertThat(child.exitValue()).as("exit status of the child JVM; its output:%n%s", out).isZero();
        assertThat(out).as("child output").contains("succeeded=" + VirtualThreadPinningMain.TASKS + "\n");
        assertThat(out).as("pinned carrier threads; the child's output with their stacks:%n%s", out).contains("pinned=0\n");
    }

    /** The {@code bin/java} of the first {@code /usr/lib/jvm/temurin-25*} directory. */
    private static Path jdk25() throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(JVM_DIR)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(JVM_DIR, "temurin-25*")) {
                for (Path p : ds) if (Files.isExecutable(p.resolve("bin/java"))) found.add(p.resolve("bin/java"));
            }
        }
        assertThat(found).as("a JDK 25 at %s/temurin-25*/bin/java (install Temurin 25 there)", JVM_DIR).isNotEmpty();
        found.sort(null);
        return found.get(0);
    }
}
