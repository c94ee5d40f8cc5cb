package io.ysql.internal.codec;

import static io.ysql.internal.codec.FormatCode.BINARY;
import static io.ysql.internal.codec.FormatCode.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectMappingTest {
    private final ValueDecoder d = new ValueDecoder();

    private Object objectOf(int oid, String text) throws SQLException {
        Slices s = Slices.text(text);
        return d.getObject(oid, TEXT, s.b(), s.off(), s.len());
    }

    private <T> T objectOf(int oid, String text, Class<T> type) throws SQLException {
        Slices s = Slices.text(text);
        return d.getObject(oid, TEXT, s.b(), s.off(), s.len(), type);
    }

    @ParameterizedTest
    @CsvSource({
        "16, t, java.lang.Boolean",
        "21, 7, java.lang.Integer",
        "23, 7, java.lang.Integer",
        "20, 7, java.lang.Long",
        "26, 4000000000, java.lang.Long",
        "700, 1.5, java.lang.Float",
        "701, 1.5, java.lang.Double",
        "1700, 1.5, java.math.BigDecimal",
        "25, x, java.lang.String",
        "1043, x, java.lang.String",
        "1042, x, java.lang.String",
        "19, x, java.lang.String",
        "114, '{}', java.lang.String",
        "3802, '{}', java.lang.String",
        "1082, 2024-01-15, java.sql.Date",
        "1083, 13:45:10, java.sql.Time",
        "1266, 13:45:10+02, java.sql.Time",
        "1114, 2024-01-15 13:45:10, java.sql.Timestamp",
        "1184, 2024-01-15 13:45:10+02, java.sql.Timestamp",
        "2950, a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11, java.util.UUID",
        "1186, 1 day, io.ysql.types.Interval",
        "600, '(1,2)', io.ysql.types.Point",
        "869, 10.0.0.1, io.ysql.types.Inet",
        "650, 10.0.0.0/8, io.ysql.types.Cidr",
        "829, 08:00:2b:01:02:03, io.ysql.types.MacAddress",
        "1562, 101, io.ysql.types.BitString",
        "3904, '[1,2)', io.ysql.types.Range",
        "4451, '{[1,2)}', io.ysql.types.Multirange",
        "123456, whatever, java.lang.String",
    })
    void getObjectClassMatchesTheTable(int oid, String text, String className) throws SQLException {
        Object value = objectOf(oid, text);
        assertThat(value.getClass().getName()).isEqualTo(className);
        assertThat(TypeInfo.javaClassName(oid)).isEqualTo(className);
    }

    @Test
    void binaryColumnsGiveTheSameClasses() throws SQLException {
        Slices i2 = Slices.int2(7);
        Slices f4 = Slices.float4(1.5f);
        Slices bool = Slices.of((byte) 1);
        assertThat(d.getObject(Oids.INT2, BINARY, i2.b(), i2.off(), i2.len())).isEqualTo(7);
        assertThat(d.getObject(Oids.FLOAT4, BINARY, f4.b(), f4.off(), f4.len())).isEqualTo(1.5f);
        assertThat(d.getObject(Oids.BOOL, BINARY, bool.b(), bool.off(), bool.len())).isEqualTo(true);
    }

    @Test
    void numericSpecialValuesBecomeDoubles() throws SQLException {
        assertThat(objectOf(Oids.NUMERIC, "NaN")).isEqualTo(Double.NaN);
        assertThat(objectOf(Oids.NUMERIC, "Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(objectOf(Oids.NUMERIC, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(objectOf(Oids.NUMERIC, "-12.50")).isEqualTo(new BigDecimal("-12.50"));
    }

    @Test
    void bitOfOneIsABooleanLongerBitStringsAreBitStrings() throws SQLException {
        assertThat(objectOf(Oids.BIT, "1")).isEqualTo(true);
        assertThat(objectOf(Oids.BIT, "0")).isEqualTo(false);
        assertThat(objectOf(Oids.BIT, "101")).hasToString("101").isInstanceOf(io.ysql.types.BitString.class);
    }

    @Test
    void requestedClasses() throws SQLException {
        assertThat(objectOf(Oids.INT4, "42", String.class)).isEqualTo("42");
        assertThat(objectOf(Oids.INT4, "42", Long.class)).isEqualTo(42L);
        assertThat(objectOf(Oids.INT2, "42", Short.class)).isEqualTo((short) 42);
        assertThat(objectOf(Oids.NUMERIC, "42.9", Integer.class)).isEqualTo(42);
        assertThat(objectOf(Oids.NUMERIC, "42.9", BigInteger.class)).isEqualTo(BigInteger.valueOf(42));
        assertThat(objectOf(Oids.FLOAT8, "0.5", Double.class)).isEqualTo(0.5);
        assertThat(objectOf(Oids.INT8, "5", BigDecimal.class)).isEqualTo(new BigDecimal("5"));
        assertThat(objectOf(Oids.BOOL, "f", Boolean.class)).isFalse();
        assertThat(objectOf(Oids.DATE, "2024-01-15", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(objectOf(Oids.TIMESTAMPTZ, "2024-01-15 13:45:10+02", OffsetDateTime.class))
            .isEqualTo(OffsetDateTime.parse("2024-01-15T11:45:10Z"));
        assertThat(objectOf(Oids.TIMESTAMP, "2024-01-15 13:45:10", Timestamp.class)).isNotNull();
        assertThat(objectOf(Oids.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", UUID.class))
            .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(objectOf(Oids.INT4, "42", Object.class)).isEqualTo(42);
        assertThat(objectOf(Oids.TEXT, "abc", byte[].class)).containsExactly('a', 'b', 'c');
    }

    @Test
    void unsupportedConversionsAre22023AndNameBothSides() {
        assertThatThrownBy(() -> objectOf(Oids.INT4, "42", List.class))
            .isInstanceOf(SQLException.class)
            .hasMessage("cannot convert int4 to java.util.List")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
        assertThatThrownBy(() -> objectOf(Oids.DATE, "2024-01-15", Integer.class))
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
        assertThatThrownBy(() -> objectOf(Oids.BYTEA, "\\x00", Boolean.class))
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"));
    }
}
