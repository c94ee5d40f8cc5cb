package io.ysql.internal.codec;

import static io.ysql.internal.codec.FormatCode.BINARY;
import static io.ysql.internal.codec.FormatCode.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextValueDecodingTest {
    private final ValueDecoder d = new ValueDecoder();

    private boolean boolOf(int oid, String text) throws SQLException {
        Slices s = Slices.text(text);
        return d.getBoolean(oid, TEXT, s.b(), s.off(), s.len());
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "true", "TRUE", "y", "yes", "on", "1", " On ", "1.0"})
    void trueSpellings(String text) throws SQLException {
        assertThat(boolOf(Oids.TEXT, text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "false", "False", "n", "no", "off", "0", "0.00"})
    void falseSpellings(String text) throws SQLException {
        assertThat(boolOf(Oids.TEXT, text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "", "tru"})
    void otherTextIsNotABoolean(String text) {
        assertThatThrownBy(() -> boolOf(Oids.TEXT, text)).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
    }

    @Test
    void binaryBooleansReadAndPrintLikeTheServer() throws SQLException {
        Slices t = Slices.of((byte) 1);
        Slices f = Slices.of((byte) 0);
        assertThat(d.getBoolean(Oids.BOOL, BINARY, t.b(), t.off(), t.len())).isTrue();
        assertThat(d.getBoolean(Oids.BOOL, BINARY, f.b(), f.off(), f.len())).isFalse();
        assertThat(d.getString(Oids.BOOL, BINARY, t.b(), t.off(), t.len())).isEqualTo("t");
        assertThat(d.getString(Oids.BOOL, BINARY, f.b(), f.off(), f.len())).isEqualTo("f");
        assertThat(d.getInt(Oids.BOOL, TEXT, "1".getBytes(), 0, 1)).isEqualTo(1);
        Slices one = Slices.int4(1);
        Slices two = Slices.int4(2);
        assertThat(d.getBoolean(Oids.INT4, BINARY, one.b(), one.off(), one.len())).isTrue();
        assertThatThrownBy(() -> d.getBoolean(Oids.INT4, BINARY, two.b(), two.off(), two.len()))
            .isInstanceOf(SQLException.class);
    }

    @Test
    void stringsAreUtf8() throws SQLException {
        Slices s = Slices.text("héllo wörld ☃ 𝄞");
        assertThat(d.getString(Oids.TEXT, TEXT, s.b(), s.off(), s.len())).isEqualTo("héllo wörld ☃ 𝄞");
        assertThat(d.getString(Oids.VARCHAR, BINARY, s.b(), s.off(), s.len())).isEqualTo("héllo wörld ☃ 𝄞");
        assertThat(d.getString(Oids.TEXT, TEXT, s.b(), s.off(), 0)).isEmpty();
    }

    @Test
    void byteaHexFormat() throws SQLException {
        Slices s = Slices.text("\\x00ff7f80DEad");
        assertThat(d.getBytes(Oids.BYTEA, TEXT, s.b(), s.off(), s.len()))
            .containsExactly(0x00, 0xff, 0x7f, 0x80, 0xde, 0xad);
        Slices empty = Slices.text("\\x");
        assertThat(d.getBytes(Oids.BYTEA, TEXT, empty.b(), empty.off(), empty.len())).isEmpty();
        Slices odd = Slices.text("\\x0");
        assertThatThrownBy(() -> d.getBytes(Oids.BYTEA, TEXT, odd.b(), odd.off(), odd.len()))
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
    }

    @Test
    void byteaEscapeFormat() throws SQLException {
        Slices s = Slices.text("ab\\000\\\\c\\377\\047");
        assertThat(d.getBytes(Oids.BYTEA, TEXT, s.b(), s.off(), s.len()))
            .containsExactly('a', 'b', 0, '\\', 'c', 0xff, '\'');
        Slices bad = Slices.text("a\\9");
        assertThatThrownBy(() -> d.getBytes(Oids.BYTEA, TEXT, bad.b(), bad.off(), bad.len()))
            .isInstanceOf(SQLException.class);
    }

    @Test
    void binaryByteaIsCopiedAndPrintsAsHex() throws SQLException {
        Slices s = Slices.of((byte) 0xde, (byte) 0xad, (byte) 0x01);
        byte[] copy = d.getBytes(Oids.BYTEA, BINARY, s.b(), s.off(), s.len());
        assertThat(copy).containsExactly(0xde, 0xad, 0x01);
        copy[0] = 0;
        assertThat(s.b()[s.off()]).isEqualTo((byte) 0xde);
        assertThat(d.getString(Oids.BYTEA, BINARY, s.b(), s.off(), s.len())).isEqualTo("\\xdead01");
        assertThat(d.getObject(Oids.BYTEA, BINARY, s.b(), s.off(), s.len())).isEqualTo(new byte[] {(byte) 0xde, (byte) 0xad, 1});
    }

    @Test
    void otherTypesGiveTheirRawBytes() throws SQLException {
        Slices s = Slices.text("\\x41");
        assertThat(d.getBytes(Oids.TEXT, TEXT, s.b(), s.off(), s.len())).containsExactly('\\', 'x', '4', '1');
        Slices i = Slices.int4(-1);
        assertThat(d.getBytes(Oids.INT4, BINARY, i.b(), i.off(), i.len())).containsExactly(0xff, 0xff, 0xff, 0xff);
    }

    @Test
    void uuids() throws SQLException {
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        Slices s = Slices.text("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(d.getUuid(Oids.UUID, TEXT, s.b(), s.off(), s.len())).isEqualTo(u);
        assertThat(d.getObject(Oids.UUID, TEXT, s.b(), s.off(), s.len())).isEqualTo(u);
        Slices upper = Slices.text("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
        assertThat(d.getUuid(Oids.VARCHAR, TEXT, upper.b(), upper.off(), upper.len())).isEqualTo(u);
        Slices bin = Slices.of(java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits()).array());
        assertThat(d.getUuid(Oids.UUID, BINARY, bin.b(), bin.off(), bin.len())).isEqualTo(u);
        assertThat(d.getString(Oids.UUID, BINARY, bin.b(), bin.off(), bin.len())).isEqualTo(u.toString());
        Slices bad = Slices.text("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g");
        assertThatThrownBy(() -> d.getUuid(Oids.UUID, TEXT, bad.b(), bad.off(), bad.len()))
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
        Slices i = Slices.int4(1);
        assertThatThrownBy(() -> d.getUuid(Oids.INT4, BINARY, i.b(), i.off(), i.len()))
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
    }

    @Test
    void binaryFormatOfAnUnsupportedTypeIs0A000() {
        Slices s = Slices.int4(0);
        assertThatThrownBy(() -> d.getString(Oids.INTERVAL, BINARY, s.b(), s.off(), s.len()))
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
    }
}
