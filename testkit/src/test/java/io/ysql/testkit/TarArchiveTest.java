package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarArchiveTest {
    @TempDir Path target;

    @Test
    void unpacksFilesDirectoriesAndLinksWithTheirModes() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "bin/", '5', 0755, "", new byte[0]);
        entry(tar, "bin/postgres", '0', 0755, "", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII));
        entry(tar, "lib/libpq.so.5.15", '0', 0644, "", new byte[700]);
        entry(tar, "lib/libpq.so.5", '2', 0777, "libpq.so.5.15", new byte[0]);
        entry(tar, "lib/copy.so", '1', 0644, "lib/libpq.so.5.15", new byte[0]);
        tar.write(new byte[1024]);

        TarArchive.extract(new ByteArrayInputStream(tar.toByteArray()), target);

        assertThat(Files.readString(target.resolve("bin/postgres"))).isEqualTo("#!/bin/sh\n");
        assertThat(Files.getPosixFilePermissions(target.resolve("bin/postgres")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.getPosixFilePermissions(target.resolve("lib/libpq.so.5.15")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.size(target.resolve("lib/libpq.so.5.15"))).isEqualTo(700);
        assertThat(Files.readSymbolicLink(target.resolve("lib/libpq.so.5"))).isEqualTo(Path.of("libpq.so.5.15"));
        assertThat(Files.size(target.resolve("lib/copy.so"))).isEqualTo(700);
    }

    @Test
    void readsGnuLongNames() throws IOException {
        String longName = "share/" + "x".repeat(120) + "/file.txt";
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        byte[] name = (longName + "\0").getBytes(StandardCharsets.US_ASCII);
        entry(tar, "././@LongLink", 'L', 0644, "", name);
        entry(tar, "truncated", '0', 0644, "", "long".getBytes(StandardCharsets.US_ASCII));
        tar.write(new byte[1024]);
        TarArchive.extract(new ByteArrayInputStream(tar.toByteArray()), target);
        assertThat(Files.readString(target.resolve(longName))).isEqualTo("long");
    }

    @Test
    void refusesEntriesOutsideTheTarget() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "../escape", '0', 0644, "", new byte[1]);
        assertThatThrownBy(() -> TarArchive.extract(new ByteArrayInputStream(tar.toByteArray()), target))
                .isInstanceOf(IOException.class).hasMessageContaining("outside");
        ByteArrayOutputStream link = new ByteArrayOutputStream();
        entry(link, "lib/evil", '2', 0777, "../../etc/passwd", new byte[0]);
        assertThatThrownBy(() -> TarArchive.extract(new ByteArrayInputStream(link.toByteArray()), target))
                .isInstanceOf(IOException.class).hasMessageContaining("outside");
    }

    @Test
    void modeBitsMapToPermissions() {
        assertThat(TarArchive.permissions(0750)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_EXECUTE);
    }

    /** One ustar entry: header (checksum left blank, the reader does not check it) and padded data. */
    private static void entry(ByteArrayOutputStream out, String name, char type, int mode, String link, byte[] data)
            throws IOException {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, String.format("%07o", mode));
        put(h, 124, String.format("%011o", data.length));
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        out.write(h);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    private static void put(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
