package io.ysql.internal.codec;

import static io.ysql.internal.codec.FormatCode.BINARY;
import static io.ysql.internal.codec.FormatCode.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberDecodingTest {
    private final ValueDecoder d = new ValueDecoder();

    private int intOf(int oid, String text) throws SQLException {
        Slices s = Slices.text(text);
        return d.getInt(oid, TEXT, s.b(), s.off(), s.len());
    }

    private long longOf(int oid, String text) throws SQLException {
        Slices s = Slices.text(text);
        return d.getLong(oid, TEXT, s.b(), s.off(), s.len());
    }

    private static void assertState(ThrowingCall call, String state) {
        assertThatThrownBy(call::run).isInstanceOf(SQLDataException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(state));
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void intExtremesInText() throws SQLException {
        assertThat(intOf(Oids.INT4, "2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(intOf(Oids.INT4, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(intOf(Oids.INT4, "0")).isZero();
        assertThat(intOf(Oids.INT4, "+17")).isEqualTo(17);
        assertThat(intOf(Oids.BPCHAR, "  42  ")).isEqualTo(42);
    }

    @Test
    void intExtremesInBinary() throws SQLException {
        Slices max = Slices.int4(Integer.MAX_VALUE);
        Slices min = Slices.int4(Integer.MIN_VALUE);
        assertThat(d.getInt(Oids.INT4, BINARY, max.b(), max.off(), max.len())).isEqualTo(Integer.MAX_VALUE);
        assertThat(d.getInt(Oids.INT4, BINARY, min.b(), min.off(), min.len())).isEqualTo(Integer.MIN_VALUE);
        assertThat(d.getLong(Oids.INT4, BINARY, min.b(), min.off(), min.len())).isEqualTo(Integer.MIN_VALUE);
        assertThat(d.getString(Oids.INT4, BINARY, min.b(), min.off(), min.len())).isEqualTo("-2147483648");
        Slices s = Slices.int2(-32768);
        assertThat(d.getShort(Oids.INT2, BINARY, s.b(), s.off(), s.len())).isEqualTo((short) -32768);
        assertThat(d.getInt(Oids.INT2, BINARY, s.b(), s.off(), s.len())).isEqualTo(-32768);
    }

    @Test
    void int8ExtremesInTextAndBinary() throws SQLException {
        assertThat(longOf(Oids.INT8, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(longOf(Oids.INT8, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        Slices s = Slices.int8(Long.MIN_VALUE);
        assertThat(d.getLong(Oids.INT8, BINARY, s.b(), s.off(), s.len())).isEqualTo(Long.MIN_VALUE);
        assertThat(d.getString(Oids.INT8, BINARY, s.b(), s.off(), s.len())).isEqualTo("-9223372036854775808");
        assertThat(d.getBigDecimal(Oids.INT8, BINARY, s.b(), s.off(), s.len())).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE));
    }

    @Test
    void narrowingOutOfRangeIs22003() {
        assertState(() -> intOf(Oids.INT8, "2147483648"), "22003");
        assertState(() -> intOf(Oids.INT8, "-2147483649"), "22003");
        assertState(() -> longOf(Oids.NUMERIC, "9223372036854775808"), "22003");
        assertState(() -> longOf(Oids.NUMERIC, "1e30"), "22003");
        Slices big = Slices.int8(1L << 40);
        assertState(() -> d.getInt(Oids.INT8, BINARY, big.b(), big.off(), big.len()), "22003");
        Slices s = Slices.int4(40000);
        assertState(() -> d.getShort(Oids.INT4, BINARY, s.b(), s.off(), s.len()), "22003");
        assertState(() -> d.getByte(Oids.INT4, BINARY, s.b(), s.off(), s.len()), "22003");
        Slices f = Slices.float8(3e9);
        assertState(() -> d.getInt(Oids.FLOAT8, BINARY, f.b(), f.off(), f.len()), "22003");
        Slices nan = Slices.float8(Double.NaN);
        assertState(() -> d.getLong(Oids.FLOAT8, BINARY, nan.b(), nan.off(), nan.len()), "22003");
        assertState(() -> intOf(Oids.FLOAT8, "NaN"), "22003");
        Slices huge = Slices.float8(1e300);
        assertState(() -> d.getFloat(Oids.FLOAT8, BINARY, huge.b(), huge.off(), huge.len()), "22003");
    }

    @Test
    void badTextIs22P02() {
        assertState(() -> intOf(Oids.TEXT, "abc"), "22P02");
        assertState(() -> intOf(Oids.TEXT, ""), "22P02");
        assertState(() -> longOf(Oids.TEXT, "12x"), "22P02");
        assertState(() -> longOf(Oids.TEXT, "0x10"), "22P02");
        Slices s = Slices.text("1.5d");
        assertState(() -> d.getDouble(Oids.TEXT, TEXT, s.b(), s.off(), s.len()), "22P02");
        assertState(() -> d.getBigDecimal(Oids.TEXT, TEXT, s.b(), s.off(), s.len()), "22P02");
    }

    @Test
    void fractionsTruncateTowardZeroAsPgjdbc() throws SQLException {
        assertThat(intOf(Oids.NUMERIC, "12.5")).isEqualTo(12);
        assertThat(intOf(Oids.NUMERIC, "-12.9")).isEqualTo(-12);
        assertThat(longOf(Oids.FLOAT8, "1e+15")).isEqualTo(1_000_000_000_000_000L);
        Slices f = Slices.float8(-2.99);
        assertThat(d.getInt(Oids.FLOAT8, BINARY, f.b(), f.off(), f.len())).isEqualTo(-2);
        Slices edge = Slices.float8(-9.223372036854775808E18);
        assertThat(d.getLong(Oids.FLOAT8, BINARY, edge.b(), edge.off(), edge.len())).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void floatSpecialValuesInText() throws SQLException {
        assertThat(doubleOf("NaN")).isNaN();
        assertThat(doubleOf("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(doubleOf("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(doubleOf("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(doubleOf("1.7976931348623157e+308")).isEqualTo(Double.MAX_VALUE);
        assertThat(doubleOf("5e-324")).isEqualTo(Double.MIN_VALUE);
        Slices s = Slices.text("3.4028235e+38");
        assertThat(d.getFloat(Oids.FLOAT4, TEXT, s.b(), s.off(), s.len())).isEqualTo(Float.MAX_VALUE);
    }

    private double doubleOf(String text) throws SQLException {
        Slices s = Slices.text(text);
        return d.getDouble(Oids.FLOAT8, TEXT, s.b(), s.off(), s.len());
    }

    @Test
    void floatSpecialValuesInBinary() throws SQLException {
        Slices nan = Slices.float8(Double.NaN);
        Slices negZero = Slices.float8(-0.0);
        Slices inf = Slices.float4(Float.NEGATIVE_INFINITY);
        assertThat(d.getDouble(Oids.FLOAT8, BINARY, nan.b(), nan.off(), nan.len())).isNaN();
        assertThat(d.getString(Oids.FLOAT8, BINARY, nan.b(), nan.off(), nan.len())).isEqualTo("NaN");
        assertThat(d.getString(Oids.FLOAT8, BINARY, negZero.b(), negZero.off(), negZero.len())).isEqualTo("-0");
        assertThat(d.getFloat(Oids.FLOAT4, BINARY, inf.b(), inf.off(), inf.len())).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(d.getString(Oids.FLOAT4, BINARY, inf.b(), inf.off(), inf.len())).isEqualTo("-Infinity");
        assertThat(d.getDouble(Oids.FLOAT4, BINARY, inf.b(), inf.off(), inf.len())).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void numericWithExponentsAndSpecials() throws SQLException {
        assertThat(decimalOf("123.4500")).isEqualTo(new BigDecimal("123.4500"));
        assertThat(decimalOf("-0.000001")).isEqualTo(new BigDecimal("-0.000001"));
        assertThat(decimalOf("1.5e+20")).isEqualTo(new BigDecimal("1.5E+20"));
        assertThat(decimalOf("2E-3")).isEqualTo(new BigDecimal("0.002"));
        assertThat(decimalOf("123456789012345678901234567890.123456789"))
            .isEqualTo(new BigDecimal("123456789012345678901234567890.123456789"));
        assertState(() -> decimalOf("NaN"), "22003");
        assertState(() -> decimalOf("Infinity"), "22003");
        assertState(() -> decimalOf("1.2.3"), "22P02");
    }

    private BigDecimal decimalOf(String text) throws SQLException {
        Slices s = Slices.text(text);
        return d.getBigDecimal(Oids.NUMERIC, TEXT, s.b(), s.off(), s.len());
    }

    @Test
    void moneyTextIsReadAsANumber() throws SQLException {
        Slices s = Slices.text("-$1,234.56");
        assertThat(d.getDouble(Oids.MONEY, TEXT, s.b(), s.off(), s.len())).isEqualTo(-1234.56);
        assertThat(d.getBigDecimal(Oids.MONEY, TEXT, s.b(), s.off(), s.len())).isEqualTo(new BigDecimal("-1234.56"));
        assertThat(d.getObject(Oids.MONEY, TEXT, s.b(), s.off(), s.len())).isEqualTo(-1234.56);
        Slices p = Slices.text("($5.00)");
        assertThat(d.getInt(Oids.MONEY, TEXT, p.b(), p.off(), p.len())).isEqualTo(-5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5, 8})
    void binaryWithWrongLengthIs22P03(int len) {
        Slices s = Slices.of(new byte[len]);
        assertState(() -> d.getInt(Oids.INT4, BINARY, s.b(), s.off(), s.len()), "22P03");
    }
}
