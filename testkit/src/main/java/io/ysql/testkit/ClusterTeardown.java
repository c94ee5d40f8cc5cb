package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a cluster's server and deletes its directory, exactly once: on an explicit stop, on a
 * failed start, or from a JVM shutdown hook registered as soon as the directory exists, so that a
 * test run that fails or is interrupted leaves nothing behind. Tries {@code pg_ctl stop -m fast}
 * first and {@code -m immediate} when that fails.
 */
final class ClusterTeardown {
    private static final System.Logger LOG = System.getLogger("io.ysql.testkit");
    private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(60);

    private final PgBinaries binaries;
    private final Path directory;
    private final CommandRunner runner;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;

    private ClusterTeardown(PgBinaries binaries, Path directory) {
        this.binaries = binaries;
        this.directory = directory;
        this.runner = CommandRunner.forServer(directory);
        this.hook = new Thread(this::runAtExit, "testkit-teardown-" + directory.getFileName());
    }

    /** Creates the teardown of the cluster in {@code directory} and registers it for JVM exit. */
    static ClusterTeardown register(PgBinaries binaries, Path directory) {
        ClusterTeardown teardown = new ClusterTeardown(binaries, directory);
        Runtime.getRuntime().addShutdownHook(teardown.hook);
        return teardown;
    }

    boolean isDone() { return done.get(); }

    /** Tears down now; throws when the directory cannot be deleted. */
    void runNow() {
        if (done.getAndSet(true)) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook runs anyway; the flag above keeps it from doing the work twice.
        }
        stopServer(directory.resolve(ClusterLauncher.DATA), binaries, runner);
        deleteRecursively(directory);
    }

    /**
     * Tears down after {@code failure} (a start that did not finish), adding a teardown failure to
     * it as suppressed; returns {@code failure} for the caller to throw.
     */
    RuntimeException afterFailure(RuntimeException failure) {
        try {
            runNow();
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
        return failure;
    }

    private void runAtExit() {
        if (done.getAndSet(true)) return;
        try {
            stopServer(directory.resolve(ClusterLauncher.DATA), binaries, runner);
            deleteRecursively(directory);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not remove the cluster in " + directory, e);
        }
    }

    /** Stops the server of {@code dataDirectory} if its postmaster.pid exists; fast, else immediate. */
    static void stopServer(Path dataDirectory, PgBinaries binaries, CommandRunner runner) {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) return;
        for (String mode : List.of("fast", "immediate")) {
            CommandRunner.Result result = runner.run(List.of(binaries.tool("pg_ctl").toString(), "stop", "-w",
                    "-t", "30", "-m", mode, "-D", dataDirectory.toString()), null, PG_CTL_TIMEOUT);
            if (result.ok() || !Files.exists(dataDirectory.resolve("postmaster.pid"))) return;
            LOG.log(Level.WARNING, "pg_ctl stop -m " + mode + " failed for " + dataDirectory + ": "
                    + result.stderr().strip());
        }
    }

    /** Deletes a directory tree; files that vanish meanwhile are fine. */
    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) throw e;
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
