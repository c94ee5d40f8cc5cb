package io.ysql.integration.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory: a child JVM with a 64 MiB heap reads 10,000,000 rows in autocommit mode with a
 * fetch size of 1000 ({@link StreamTenMillionRowsMain}). Every row must arrive, with the right
 * checksums; loaded all at once the rows would need several times that heap. The child reports
 * its peak heap use, which the test prints.
 */
class StreamTenMillionRowsIT {
    private static final long ROWS = 10_000_000;

    @Test
    void tenMillionRowsStreamThroughA64MiBHeap(@TempDir Path dir) throws Exception {
        PgCluster cluster = PgCluster.shared();
        Path output = dir.resolve("child.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamTenMillionRowsMain.class.getName(), cluster.jdbcUrl(), cluster.superuser(),
                cluster.superuserPassword(), Long.toString(ROWS))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(10, TimeUnit.MINUTES); // a hang guard only
        if (!ended) child.destroyForcibly();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the child JVM ended; its output:%n%s", out).isTrue();
        assertThat(child.exitValue()).as("exit status of the child JVM; its output:%n%s", out).isZero();
        System.out.print(out);
        for (String key : new String[] {"rows", "sum", "text", "flags", "halves"}) {
            Matcher m = Pattern.compile("(?m)^" + key + "=(\\d+) expected=(\\d+)$").matcher(out);
            assertThat(m.find()).as("%s in the child's output:%n%s", key, out).isTrue();
            assertThat(m.group(1)).as("%s", key).isEqualTo(m.group(2));
        }
        assertThat(out).contains("rows=" + ROWS + " ").contains("after=still usable");
        Matcher peak = Pattern.compile("(?m)^peakHeapMiB=(\\d+)$").matcher(out);
        assertThat(peak.find()).isTrue();
        assertThat(Long.parseLong(peak.group(1))).as("peak heap MiB").isLessThanOrEqualTo(64);
    }
}
