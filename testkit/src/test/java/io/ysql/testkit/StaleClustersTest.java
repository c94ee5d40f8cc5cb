package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleClustersTest {
    @TempDir
    Path tmp;

    /** Only used to stop a live postmaster, which these directories do not have. */
    private final PgBinaries binaries = new PgBinaries(Path.of("/nonexistent"));

    @Test
    void directoryOfADeadJvmIsRemoved() throws IOException, InterruptedException {
        Path stale = cluster("ysql-pg-dead", deadPid());
        Files.createDirectories(stale.resolve("data"));
        Files.writeString(stale.resolve("data/postmaster.pid"), deadPid() + "\n/some/where\n");
        assertThat(StaleClusters.sweep(tmp, binaries)).containsExactly(stale);
        assertThat(stale).doesNotExist();
    }

    @Test
    void directoryOfALiveJvmIsKept() throws IOException {
        Path live = cluster("ysql-pg-live", ProcessHandle.current().pid());
        assertThat(StaleClusters.sweep(tmp, binaries)).isEmpty();
        assertThat(live).isDirectory();
    }

    @Test
    void ownerlessDirectoryIsKeptWhileYoungAndRemovedWhenOld() throws IOException {
        Path young = Files.createDirectory(tmp.resolve("ysql-pg-young"));
        Path old = Files.createDirectory(tmp.resolve("ysql-pg-old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        assertThat(StaleClusters.sweep(tmp, binaries)).containsExactly(old);
        assertThat(young).isDirectory();
    }

    @Test
    void otherDirectoriesAreIgnored() throws IOException {
        Path other = Files.createDirectory(tmp.resolve("something-else"));
        Files.writeString(other.resolve("owner.pid"), "1");
        assertThat(StaleClusters.sweep(tmp, binaries)).isEmpty();
        assertThat(other).isDirectory();
    }

    private Path cluster(String name, long ownerPid) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Files.writeString(dir.resolve("owner.pid"), Long.toString(ownerPid));
        return dir;
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
