package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumericBinaryTest {
    private static final HexFormat HEX = HexFormat.of();
    private final ValueDecoder d = new ValueDecoder();

    private static byte[] bytes(String hex) { return HEX.parseHex(hex.replace(" ", "")); }

    private static BigDecimal decode(String hex) throws SQLException {
        byte[] b = bytes(hex);
        return NumericBinary.decode(Oids.NUMERIC, b, 0, b.length);
    }

    @Test
    void goldenValues() throws SQLException {
        // ndigits weight sign dscale digits...
        assertThat(decode("0000 0000 0000 0000")).isEqualTo(new BigDecimal("0"));
        assertThat(decode("0000 0000 0000 0002")).isEqualTo(new BigDecimal("0.00"));
        assertThat(decode("0002 0000 4000 0004 000c 0d48")).isEqualTo(new BigDecimal("-12.3400"));
        assertThat(decode("0001 0005 0000 0000 0001")).isEqualTo(new BigDecimal("100000000000000000000"));
        assertThat(decode("0001 ffff 0000 0001 1388")).isEqualTo(new BigDecimal("0.5"));
        assertThat(decode("0001 fffe 0000 0008 04d2")).isEqualTo(new BigDecimal("0.00001234"));
        assertThat(decode("0003 0001 0000 0004 0001 0000 0001")).isEqualTo(new BigDecimal("10000.0001"));
    }

    @Test
    void specialValuesAreNotDecimals() throws SQLException {
        for (String[] c : new String[][] {{"0000 0000 c000 0000", "NaN"}, {"0000 0000 d000 0000", "Infinity"},
                {"0000 0000 f000 0000", "-Infinity"}}) {
            byte[] b = bytes(c[0]);
            assertThat(NumericBinary.toText(Oids.NUMERIC, b, 0, b.length)).isEqualTo(c[1]);
            assertThatThrownBy(() -> d.getBigDecimal(Oids.NUMERIC, FormatCode.BINARY, b, 0, b.length))
                .isInstanceOf(SQLException.class)
                .hasMessage("numeric value " + c[1] + " cannot be represented as a BigDecimal; read it with getDouble or getString")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
            assertThat(d.getObject(Oids.NUMERIC, FormatCode.BINARY, b, 0, b.length))
                .isEqualTo(Double.parseDouble(c[1]));
            assertThat(d.getString(Oids.NUMERIC, FormatCode.BINARY, b, 0, b.length)).isEqualTo(c[1]);
        }
        byte[] nan = "NaN".getBytes();
        assertThatThrownBy(() -> d.getBigDecimal(Oids.NUMERIC, FormatCode.TEXT, nan, 0, 3))
            .hasMessageStartingWith("numeric value NaN cannot be represented as a BigDecimal");
    }

    @Test
    void malformedBinaryIsRefused() {
        byte[] shortHeader = bytes("0001 0000");
        assertThatThrownBy(() -> NumericBinary.decode(Oids.NUMERIC, shortHeader, 0, shortHeader.length))
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P03"));
        byte[] badDigit = bytes("0001 0000 0000 0000 2710");
        assertThatThrownBy(() -> NumericBinary.decode(Oids.NUMERIC, badDigit, 0, badDigit.length))
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P03"));
    }

    @Test
    void encodeIsTheInverseOfDecode() throws SQLException {
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            int digits = 1 + random.nextInt(i % 50 == 0 ? 1200 : 30);
            BigInteger unscaled = new BigInteger(digits * 4, random);
            if (random.nextBoolean()) unscaled = unscaled.negate();
            int scale = random.nextInt(60) - 20;
            if (i % 50 == 0) scale = random.nextInt(1001);
            BigDecimal v = new BigDecimal(unscaled, scale);
            byte[] b = NumericBinary.encode(v);
            BigDecimal back = NumericBinary.decode(Oids.NUMERIC, b, 0, b.length);
            String where = "seed 42, value " + i + ": " + v;
            assertThat(back.compareTo(v)).as(where).isZero();
            assertThat(back.scale()).as(where).isEqualTo(Math.max(0, scale));
            assertThat(NumericBinary.toText(Oids.NUMERIC, b, 0, b.length)).as(where)
                .isEqualTo(v.setScale(Math.max(0, scale)).toPlainString());
        }
    }

    @Test
    void encodeDropsTrailingZeroDigitsAndFallsBackBeyondTheFormat() {
        assertThat(HEX.formatHex(NumericBinary.encode(new BigDecimal("10000")))).isEqualTo("0001000100000000" + "0001");
        assertThat(HEX.formatHex(NumericBinary.encode(new BigDecimal("-0.000")))).isEqualTo("0000000000000003");
        assertThat(NumericBinary.encode(new BigDecimal(BigInteger.ONE, -200_000))).isNull();
        assertThat(NumericBinary.encode(new BigDecimal(BigInteger.ONE, 20_000))).isNull();
    }
}
