package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class BitStringTest {

    @Test
    void bitsAreKeptHighBitFirst() throws SQLException {
        BitString b = BitString.parse("1011000011");
        assertThat(b.length()).isEqualTo(10);
        assertThat(b.toByteArray()).containsExactly(0xb0, 0xc0);
        assertThat(b).hasToString("1011000011");
        assertThat(b.get(0)).isTrue();
        assertThat(b.get(1)).isFalse();
        assertThat(BitString.of(new byte[] {(byte) 0xff, (byte) 0xff}, 10)).hasToString("1111111111")
            .isEqualTo(BitString.parse("1111111111"));
        assertThat(BitString.parse("")).hasToString("").extracting(BitString::length).isEqualTo(0);
        assertThat(BitString.of(true, false)).isEqualTo(BitString.parse("10"));
    }

    @Test
    void otherCharactersRaise22P02() {
        assertThatThrownBy(() -> BitString.parse("1021")).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
        assertThatThrownBy(() -> BitString.of(new byte[1], 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitString.parse("1").get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
