package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgBinariesTest {
    @TempDir
    Path root;

    @Test
    void pgBinComesFirst() throws IOException {
        Path bin = fakeInstallation(root.resolve("custom"));
        fakeInstallation(root.resolve("debian/16/bin"));
        PgBinaries found = PgBinaries.locate(Map.of("PG_BIN", bin.toString()), root.resolve("debian"));
        assertThat(found.binDirectory()).isEqualTo(bin);
        assertThat(found.tool("psql")).isEqualTo(bin.resolve("psql"));
    }

    @Test
    void pgBinWithoutTheProgramsIsAnError() {
        assertThatThrownBy(() -> PgBinaries.locate(Map.of("PG_BIN", root.toString()), root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PG_BIN=" + root)
                .hasMessageContaining("initdb");
    }

    @Test
    void highestDebianVersionWinsNumerically() throws IOException {
        fakeInstallation(root.resolve("9.6/bin"));
        fakeInstallation(root.resolve("15/bin"));
        fakeInstallation(root.resolve("13/bin"));
        Files.createDirectories(root.resolve("17/bin")); // no programs: not an installation
        PgBinaries found = PgBinaries.locate(Map.of("PATH", root.resolve("nowhere").toString()), root);
        assertThat(found.binDirectory()).isEqualTo(root.resolve("15/bin"));
    }

    @Test
    void pgConfigOnPathIsAskedBeforeTheDebianLayout() throws IOException {
        Path bin = fakeInstallation(root.resolve("from-pg-config/bin"));
        fakeInstallation(root.resolve("debian/16/bin"));
        Path path = fakePgConfig(root.resolve("path"), bin);
        PgBinaries found = PgBinaries.locate(Map.of("PATH", path.toString()), root.resolve("debian"));
        assertThat(found.binDirectory()).isEqualTo(bin);
    }

    @Test
    void pgConfigWithoutServerProgramsFallsThrough() throws IOException {
        Path debian = fakeInstallation(root.resolve("debian/16/bin"));
        Path path = fakePgConfig(root.resolve("path"), root.resolve("client-only"));
        PgBinaries found = PgBinaries.locate(Map.of("PATH", path.toString()), root.resolve("debian"));
        assertThat(found.binDirectory()).isEqualTo(debian);
    }

    @Test
    void nothingFoundSaysHowToInstall() {
        assertThatThrownBy(() -> PgBinaries.locate(Map.of("PATH", ""), root.resolve("none")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install -y postgresql")
                .hasMessageContaining("PG_BIN");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(PgBinaries.compareVersions("15", "9.6")).isPositive();
        assertThat(PgBinaries.compareVersions("9.6", "9.10")).isNegative();
        assertThat(PgBinaries.compareVersions("16", "16.0")).isZero();
    }

    /** A directory holding a pg_config that prints {@code bindir}. */
    private static Path fakePgConfig(Path dir, Path bindir) throws IOException {
        Files.createDirectories(dir);
        Path script = Files.writeString(dir.resolve("pg_config"), "#!/bin/sh\necho '" + bindir + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static Path fakeInstallation(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String name : new String[] {"initdb", "pg_ctl", "psql"}) {
            Path file = Files.createFile(bin.resolve(name));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }
}
