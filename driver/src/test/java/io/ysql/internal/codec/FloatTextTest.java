package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what PostgreSQL 12+ prints with the default extra_float_digits = 1. */
class FloatTextTest {

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "1.5, 1.5",
        "100, 100",
        "-2.5e-7, -2.5e-07",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "123456789012345, 123456789012345",
        "1e15, 1e+15",
        "1.2345e15, 1.2345e+15",
        "9007199254740992, 9.007199254740992e+15",
        "1e100, 1e+100",
        "1e23, 1e+23",
        "0.3333333333333333, 0.3333333333333333",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "4.9e-324, 5e-324",
        "2.2250738585072014e-308, 2.2250738585072014e-308",
    })
    void float8LikeTheServer(double value, String expected) {
        assertThat(FloatText.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "1.1, 1.1",
        "100000, 100000",
        "1000000, 1e+06",
        "123456.7, 123456.7",
        "3.4028235e38, 3.4028235e+38",
        "1.4e-45, 1e-45",
        "-0.00012, -0.00012",
    })
    void float4LikeTheServer(float value, String expected) {
        assertThat(FloatText.format(value)).isEqualTo(expected);
    }

    @Test
    void specialValues() {
        assertThat(FloatText.format(Double.NaN)).isEqualTo("NaN");
        assertThat(FloatText.format(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(FloatText.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(FloatText.format(0.0)).isEqualTo("0");
        assertThat(FloatText.format(-0.0)).isEqualTo("-0");
        assertThat(FloatText.format(-0.0f)).isEqualTo("-0");
        assertThat(FloatText.format(Float.NaN)).isEqualTo("NaN");
    }

    @Test
    void everyOutputReadsBackAsTheSameValueAndIsNoLongerThanJavas() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) continue;
            String s = FloatText.format(d);
            assertThat(Double.parseDouble(s)).as(s).isEqualTo(d);
            assertThat(significantDigits(s)).as(s).isLessThanOrEqualTo(significantDigits(Double.toString(d)));
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isFinite(f)) continue;
            String t = FloatText.format(f);
            assertThat(Float.parseFloat(t)).as(t).isEqualTo(f);
        }
    }

    private static int significantDigits(String s) {
        String mantissa = s.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return mantissa.length();
    }
}
