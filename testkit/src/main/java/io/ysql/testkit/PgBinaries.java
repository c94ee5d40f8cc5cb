package io.ysql.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory holding a PostgreSQL installation's server programs ({@code initdb},
 * {@code pg_ctl}, {@code psql}). Looked up in order: the {@code PG_BIN} environment variable;
 * {@code pg_config --bindir} when pg_config is on the PATH; the highest version under
 * {@code /usr/lib/postgresql/<version>/bin} (the Debian and Ubuntu layout).
 */
record PgBinaries(Path binDirectory) {
    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    static final String NOT_FOUND = "No PostgreSQL server binaries found (looked at $PG_BIN, `pg_config --bindir` "
            + "and " + DEBIAN_ROOT + "/<version>/bin). Install PostgreSQL, e.g. `apt-get install -y postgresql`, "
            + "or set PG_BIN to the directory that holds initdb, pg_ctl and psql.";
    private static final List<String> REQUIRED = List.of("initdb", "pg_ctl", "psql");

    /** Finds the binaries from this process's environment. */
    static PgBinaries locate() {
        return locate(System.getenv(), DEBIAN_ROOT);
    }

    /** Finds the binaries from the given environment and Debian-layout root. */
    static PgBinaries locate(Map<String, String> env, Path debianRoot) {
        String pgBin = env.get("PG_BIN");
        if (pgBin != null && !pgBin.isBlank()) {
            Path dir = Path.of(pgBin);
            if (!hasServerTools(dir)) {
                throw new IllegalStateException("PG_BIN=" + pgBin + " does not hold executable "
                        + String.join(", ", REQUIRED) + ". " + NOT_FOUND);
            }
            return new PgBinaries(dir);
        }
        return onPath(env, "pg_config").flatMap(PgBinaries::bindirOf).filter(PgBinaries::hasServerTools)
                .or(() -> highestVersionUnder(debianRoot))
                .map(PgBinaries::new)
                .orElseThrow(() -> new IllegalStateException(NOT_FOUND));
    }

    /** The path of one program in this installation. */
    Path tool(String name) {
        return binDirectory.resolve(name);
    }

    static boolean hasServerTools(Path dir) {
        return REQUIRED.stream().allMatch(name -> Files.isExecutable(dir.resolve(name)));
    }

    private static Optional<Path> onPath(Map<String, String> env, String program) {
        String path = env.getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Optional<Path> bindirOf(Path pgConfig) {
        try {
            CommandRunner.Result result = CommandRunner.asCurrentUser(Path.of(System.getProperty("java.io.tmpdir")))
                    .run(List.of(pgConfig.toString(), "--bindir"), null, Duration.ofSeconds(30));
            return result.ok() && !result.stdout().isBlank()
                    ? Optional.of(Path.of(result.stdout().strip())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> highestVersionUnder(Path root) {
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> versions = Files.list(root)) {
            return versions
                    .filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .map(dir -> dir.resolve("bin"))
                    .filter(PgBinaries::hasServerTools)
                    .max(Comparator.comparing(bin -> bin.getParent().getFileName().toString(),
                            PgBinaries::compareVersions));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Compares dotted version numbers numerically, so that 15 is above 9.6. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long xi = i < x.length ? Long.parseLong(x[i]) : 0;
            long yi = i < y.length ? Long.parseLong(y[i]) : 0;
            if (xi != yi) return Long.compare(xi, yi);
        }
        return 0;
    }
}
