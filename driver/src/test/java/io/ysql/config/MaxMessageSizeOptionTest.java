package io.ysql.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** max_message_size takes bytes with an optional unit and refuses sizes no connection could live with. */
class MaxMessageSizeOptionTest {

    @Test
    void bytesAndUnitsAreParsed() throws SQLException {
        assertThat(Options.MAX_MESSAGE_SIZE.parse("65536")).isEqualTo(65536);
        assertThat(Options.MAX_MESSAGE_SIZE.parse("64kB")).isEqualTo(64 << 10);
        assertThat(Options.MAX_MESSAGE_SIZE.parse("8 MB")).isEqualTo(8 << 20);
        assertThat(Options.MAX_MESSAGE_SIZE.parse("1GiB")).isEqualTo(1 << 30);
        assertThat(Options.MAX_MESSAGE_SIZE.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Options.MAX_MESSAGE_SIZE.defaultText()).isEmpty();
    }

    @Test
    void zeroAndNegativeSizesAreRefusedClearly() {
        for (String bad : new String[] {"0", "-1", "-64MB"}) {
            assertThatThrownBy(() -> Options.MAX_MESSAGE_SIZE.parse(bad)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("max_message_size").hasMessageContaining("must be positive");
        }
    }

    @Test
    void tooSmallTooLargeAndUnknownUnitsAreRefused() {
        assertThatThrownBy(() -> Options.MAX_MESSAGE_SIZE.parse("100")).hasMessageContaining("at least 1024 bytes");
        assertThatThrownBy(() -> Options.MAX_MESSAGE_SIZE.parse("2GB")).hasMessageContaining("at most 2147483647");
        assertThatThrownBy(() -> Options.MAX_MESSAGE_SIZE.parse("64 TB")).hasMessageContaining("kB, MB or GB");
        assertThatThrownBy(() -> Options.MAX_MESSAGE_SIZE.parse("lots")).hasMessageContaining("kB, MB or GB");
    }
}
