package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server version number of {@code info()}, as libpq's PQserverVersion computes it. */
class CursorApiSettingsTest {

    @Test
    void serverVersionNumbers() {
        assertThat(CursorApiSettings.serverVersionNumber("15.18 (Debian 15.18-0+deb12u1)")).isEqualTo(150018);
        assertThat(CursorApiSettings.serverVersionNumber("11.2-YB-2.25.1.0-b0")).isEqualTo(110002);
        assertThat(CursorApiSettings.serverVersionNumber("9.6.24")).isEqualTo(90624);
        assertThat(CursorApiSettings.serverVersionNumber("17.0")).isEqualTo(170000);
        assertThat(CursorApiSettings.serverVersionNumber(null)).isZero();
    }
}
