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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory holding a PostgreSQL installation's server programs ({@code initdb},
 * {@code pg_ctl}, {@code psql}). Looked up in order: the {@code PG_BIN} environment variable;
 * {@code pg_config --bindir} when pg_config is on the PATH; the highest version under
 * {@code /usr/lib/postgresql/<version>/bin} (the Debian and Ubuntu layout). Another major
 * version ({@link #forVersion}, or {@code -Dysql.server.version=N} for every cluster) comes from
 * {@code /usr/lib/postgresql/N/bin} or from a server build on Maven Central ({@link PgArchives});
 * psql is then the machine's own, which administers any server version.
 */
record PgBinaries(Path binDirectory, Path psqlDirectory) {
    /** The system property that picks the major version of every cluster that does not name one. */
    static final String VERSION_PROPERTY = "ysql.server.version";

    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    static final String NOT_FOUND = "No PostgreSQL server binaries found (looked at $PG_BIN, `pg_config --bindir` "
            + "and " + DEBIAN_ROOT + "/<version>/bin). Install PostgreSQL, e.g. `apt-get install -y postgresql`, "
            + "or set PG_BIN to the directory that holds initdb, pg_ctl and psql.";
    private static final List<String> REQUIRED = List.of("initdb", "pg_ctl", "psql");
    private static final Pattern VERSION_OUTPUT = Pattern.compile("\\) (\\d+)");

    PgBinaries(Path binDirectory) {
        this(binDirectory, binDirectory);
    }

    /**
     * The binaries of major version {@code major}; 0 means the one {@code -Dysql.server.version}
     * names, or else the machine's ({@link #locate()}).
     */
    static PgBinaries forVersion(int major) {
        int wanted = major != 0 ? major : requestedVersion();
        if (wanted == 0) return locate();
        PgBinaries machine = locate();
        if (machine.majorVersion() == wanted) return machine;
        Path debian = DEBIAN_ROOT.resolve(Integer.toString(wanted)).resolve("bin");
        if (hasServerTools(debian)) return new PgBinaries(debian);
        return new PgBinaries(PgArchives.serverFor(wanted), machine.psqlDirectory());
    }

    /** The major version {@code -Dysql.server.version} asks for; 0 when unset. */
    static int requestedVersion() {
        String value = System.getProperty(VERSION_PROPERTY, "").strip();
        if (value.isEmpty()) return 0;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + VERSION_PROPERTY + " must be a major version such as 17: " + value);
        }
    }

    /** The major version of these server programs ({@code postgres --version}); 0 when unknown. */
    int majorVersion() {
        try {
            CommandRunner.Result result = CommandRunner.asCurrentUser(Path.of(System.getProperty("java.io.tmpdir")))
                    .run(List.of(binDirectory.resolve("postgres").toString(), "--version"), null, Duration.ofSeconds(30));
            Matcher m = VERSION_OUTPUT.matcher(result.stdout());
            return result.ok() && m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

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
        return ("psql".equals(name) ? psqlDirectory : binDirectory).resolve(name);
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
