package io.ysql.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command to completion and collects its exit code, stdout and stderr. A runner
 * made by {@link #forServer} runs commands as the {@code postgres} OS user when the JVM is root
 * (PostgreSQL refuses to run as root), through {@code runuser -u postgres --}, or {@code su} where
 * runuser is missing. Every {@code PG*} variable is removed from the child's environment so that a
 * developer's PGHOST or PGPASSWORD cannot redirect administration.
 */
final class CommandRunner {
    static final String SERVER_OS_USER = "postgres";
    private static final List<Path> RUNUSER_CANDIDATES =
            List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"), Path.of("/usr/bin/runuser"));

    private final Path workingDirectory;
    private final boolean asPostgres;

    private CommandRunner(Path workingDirectory, boolean asPostgres) {
        this.workingDirectory = workingDirectory;
        this.asPostgres = asPostgres;
    }

    /** Runs commands as the JVM's own user. */
    static CommandRunner asCurrentUser(Path workingDirectory) {
        return new CommandRunner(workingDirectory, false);
    }

    /** Runs commands as {@code postgres} when the JVM is root, else as the JVM's own user. */
    static CommandRunner forServer(Path workingDirectory) {
        return new CommandRunner(workingDirectory, jvmIsRoot());
    }

    /** Whether the JVM runs with user id 0. */
    static boolean jvmIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The outcome of one command. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() { return exitCode == 0; }
    }

    /** Runs {@code command}, feeding {@code stdin} (may be null), and waits up to {@code timeout}. */
    Result run(List<String> command, String stdin, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(wrap(command)).directory(workingDirectory.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PG"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
        StreamCollector out = StreamCollector.start(process.getInputStream(), "stdout");
        StreamCollector err = StreamCollector.start(process.getErrorStream(), "stderr");
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The command exited without reading its input; its exit code and stderr tell why.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout
                        + "; stderr so far: " + err.text());
            }
            return new Result(process.exitValue(), out.await(), err.await());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        }
    }

    private List<String> wrap(List<String> command) {
        if (!asPostgres) return command;
        List<String> wrapped = new ArrayList<>();
        Optional<Path> runuser = RUNUSER_CANDIDATES.stream().filter(Files::isExecutable).findFirst();
        if (runuser.isPresent()) {
            wrapped.addAll(List.of(runuser.get().toString(), "-u", SERVER_OS_USER, "--"));
            wrapped.addAll(command);
        } else {
            wrapped.addAll(List.of("su", SERVER_OS_USER, "-s", "/bin/sh", "-c", Quoting.shellCommand(command)));
        }
        return wrapped;
    }

    /** Drains one output stream of a child process on a daemon thread. */
    private static final class StreamCollector {
        private static final long JOIN_MILLIS = 10_000;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private StreamCollector(InputStream stream, String name) {
            thread = new Thread(() -> drain(stream), "testkit-" + name);
            thread.setDaemon(true);
        }

        static StreamCollector start(InputStream stream, String name) {
            StreamCollector collector = new StreamCollector(stream, name);
            collector.thread.start();
            return collector;
        }

        private void drain(InputStream stream) {
            byte[] chunk = new byte[8192];
            try (InputStream in = stream) {
                for (int n; (n = in.read(chunk)) != -1; ) bytes.write(chunk, 0, n);
            } catch (IOException e) {
                bytes.writeBytes(("[output lost: " + e.getMessage() + "]").getBytes(StandardCharsets.UTF_8));
            }
        }

        String text() { return bytes.toString(StandardCharsets.UTF_8); }

        /** The whole output; a grandchild that keeps the pipe open cannot block this for long. */
        String await() throws InterruptedException {
            thread.join(JOIN_MILLIS);
            return text();
        }
    }
}
