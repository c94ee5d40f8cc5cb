package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFilePermissionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "uid {0}, mode {1} -> refused {2}")
    @CsvSource({"1000, 0600, false", "1000, 0400, false", "1000, 0640, true", "1000, 0644, true", "1000, 0604, true",
            "1000, 0610, true", "0, 0600, false", "0, 0640, false", "0, 0644, true", "0, 0660, true", "0, 0650, true",
            "-1, 0640, true"})
    void libpqRule(int uid, String octal, boolean refused) {
        assertThat(KeyFilePermissions.tooOpen(uid, Integer.parseInt(octal, 8))).isEqualTo(refused);
    }

    @Test
    void ownerOnlyFileIsAccepted() throws Exception {
        Path key = TestPki.write(dir.resolve("client.key"), "x", "rw-------");
        assertThatCode(() -> KeyFilePermissions.check(key)).doesNotThrowAnyException();
    }

    @Test
    void worldReadableFileIsRefused() throws Exception {
        Path key = TestPki.write(dir.resolve("client.key"), "x", "rw-r--r--");
        assertThatThrownBy(() -> KeyFilePermissions.check(key))
                .hasMessageContaining("private key file \"" + key + "\" has group or world access")
                .hasMessageContaining("0600");
    }

    @Test
    void directoryIsRefused() {
        assertThatThrownBy(() -> KeyFilePermissions.check(dir)).hasMessageContaining("is not a regular file");
    }
}
