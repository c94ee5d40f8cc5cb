package io.ysql.testkit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Removes cluster directories left behind by a JVM that was killed before its shutdown hook ran.
 * A {@code ysql-pg-*} directory is stale when the JVM that made it (its {@code owner.pid}) is gone;
 * a postmaster still running in it is stopped with {@code pg_ctl stop -m immediate} first, but only
 * when its pid really is a {@code postgres} process. Directories of live JVMs, and very young
 * directories without an owner file yet, are never touched, so parallel test JVMs are safe.
 */
final class StaleClusters {
    private static final System.Logger LOG = System.getLogger("io.ysql.testkit");
    private static final Duration YOUNG = Duration.ofMinutes(1);

    private StaleClusters() {}

    /** Sweeps {@code tmp}; returns the directories removed. Never throws for one bad directory. */
    static List<Path> sweep(Path tmp, PgBinaries binaries) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, ClusterLauncher.PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && isStale(dir) && remove(dir, binaries)) {
                    removed.add(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot sweep " + tmp + " for stale clusters", e);
        }
        return removed;
    }

    static boolean isStale(Path dir) {
        OptionalLong owner = readPid(dir.resolve(ClusterLauncher.OWNER));
        if (owner.isPresent()) return !isAlive(owner.getAsLong());
        try {
            Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
            return modified.isBefore(Instant.now().minus(YOUNG));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean remove(Path dir, PgBinaries binaries) {
        Path data = dir.resolve(ClusterLauncher.DATA);
        Path pidFile = data.resolve("postmaster.pid");
        OptionalLong postmaster = readPid(pidFile);
        if (postmaster.isPresent() && isAlive(postmaster.getAsLong())) {
            if (!isPostgres(postmaster.getAsLong())) return false;
            CommandRunner runner = CommandRunner.forServer(dir);
            runner.run(List.of(binaries.tool("pg_ctl").toString(), "stop", "-w", "-t", "30", "-m", "immediate",
                    "-D", data.toString()), null, Duration.ofSeconds(60));
            // A stopped postmaster removes its pid file; its process may linger as a zombie.
            if (Files.exists(pidFile)) return false;
        }
        try {
            ClusterTeardown.deleteRecursively(dir);
            LOG.log(Level.DEBUG, () -> "removed stale cluster directory " + dir);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot remove stale cluster directory " + dir, e);
            return false;
        }
    }

    /** The number on the first line of a pid file, if it exists and has one. */
    static OptionalLong readPid(Path file) {
        try {
            String first = Files.readAllLines(file).stream().findFirst().orElse("").strip();
            return first.matches("\\d+") ? OptionalLong.of(Long.parseLong(first)) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the process exists and is not a zombie waiting for its parent to reap it. */
    static boolean isAlive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean isPostgres(long pid) {
        Optional<String> command = ProcessHandle.of(pid).flatMap(handle -> handle.info().command());
        return command.map(path -> Path.of(path).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postmaster")).isPresent();
    }
}
