package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

class TypeInfoTest {

    private static int numericTypmod(int precision, int scale) { return ((precision << 16) | scale) + 4; }

    @Test
    void fixedPrecisions() {
        assertThat(TypeInfo.precision(Oids.INT2, -1)).isEqualTo(5);
        assertThat(TypeInfo.precision(Oids.INT4, -1)).isEqualTo(10);
        assertThat(TypeInfo.precision(Oids.INT8, -1)).isEqualTo(19);
        assertThat(TypeInfo.precision(Oids.FLOAT4, -1)).isEqualTo(8);
        assertThat(TypeInfo.precision(Oids.FLOAT8, -1)).isEqualTo(17);
        assertThat(TypeInfo.precision(Oids.BOOL, -1)).isEqualTo(1);
        assertThat(TypeInfo.precision(Oids.DATE, -1)).isEqualTo(13);
        assertThat(TypeInfo.precision(Oids.TIMESTAMP, -1)).isEqualTo(29);
        assertThat(TypeInfo.precision(Oids.TIMESTAMPTZ, -1)).isEqualTo(35);
        assertThat(TypeInfo.precision(Oids.TEXT, -1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(TypeInfo.precision(Oids.BYTEA, -1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void modifiersGivePrecisionScaleAndLength() {
        assertThat(TypeInfo.precision(Oids.NUMERIC, numericTypmod(10, 2))).isEqualTo(10);
        assertThat(TypeInfo.scale(Oids.NUMERIC, numericTypmod(10, 2))).isEqualTo(2);
        assertThat(TypeInfo.displaySize(Oids.NUMERIC, numericTypmod(10, 2))).isEqualTo(12);
        assertThat(TypeInfo.displaySize(Oids.NUMERIC, numericTypmod(5, 0))).isEqualTo(6);
        assertThat(TypeInfo.precision(Oids.NUMERIC, -1)).isZero();
        assertThat(TypeInfo.precision(Oids.VARCHAR, 20 + 4)).isEqualTo(20);
        assertThat(TypeInfo.displaySize(Oids.BPCHAR, 3 + 4)).isEqualTo(3);
        assertThat(TypeInfo.precision(Oids.VARCHAR, -1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(TypeInfo.scale(Oids.TIMESTAMP, 3)).isEqualTo(3);
        assertThat(TypeInfo.scale(Oids.TIMESTAMP, -1)).isEqualTo(6);
        assertThat(TypeInfo.displaySize(Oids.TIMESTAMP, 0)).isEqualTo(22);
        assertThat(TypeInfo.displaySize(Oids.TIME, -1)).isEqualTo(15);
    }

    @Test
    void arraysReportTheirElementAndNamesComeFromTheTable() {
        assertThat(TypeInfo.precision(Oids.INT4_ARRAY, -1)).isEqualTo(10);
        assertThat(TypeInfo.typeName(Oids.INT4_ARRAY)).isEqualTo("_int4");
        assertThat(TypeInfo.sqlType(Oids.INT4_ARRAY)).isEqualTo(Types.ARRAY);
        assertThat(TypeInfo.typeName(Oids.VARCHAR)).isEqualTo("varchar");
        assertThat(TypeInfo.javaClassName(Oids.NUMERIC)).isEqualTo("java.math.BigDecimal");
    }

    @Test
    void signedAndCaseSensitive() {
        assertThat(TypeInfo.isSigned(Oids.INT4)).isTrue();
        assertThat(TypeInfo.isSigned(Oids.NUMERIC)).isTrue();
        assertThat(TypeInfo.isSigned(Oids.TEXT)).isFalse();
        assertThat(TypeInfo.isSigned(Oids.OID)).isFalse();
        assertThat(TypeInfo.isCaseSensitive(Oids.TEXT)).isTrue();
        assertThat(TypeInfo.isCaseSensitive(Oids.INT4)).isFalse();
        assertThat(TypeInfo.isCaseSensitive(Oids.TIMESTAMPTZ)).isFalse();
        assertThat(TypeInfo.isCurrency(Oids.MONEY)).isTrue();
    }
}
