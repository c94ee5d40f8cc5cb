package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterEncoderTest {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private final ParameterEncoder e = new ParameterEncoder();

    private static String hex(EncodedParameter p) { return HexFormat.of().formatHex(p.value()); }

    private static String text(EncodedParameter p) { return new String(p.value(), StandardCharsets.UTF_8); }

    private static void assertBinary(EncodedParameter p, int oid, String hex) {
        assertThat(p.typeOid()).isEqualTo(oid);
        assertThat(p.format()).isEqualTo(FormatCode.BINARY);
        assertThat(hex(p)).isEqualTo(hex);
    }

    /** A binary parameter whose value the server would print as {@code text} (timestamptz in UTC). */
    private static void assertBinaryText(EncodedParameter p, int oid, String text) throws SQLException {
        assertThat(p.typeOid()).isEqualTo(oid);
        assertThat(p.format()).isEqualTo(FormatCode.BINARY);
        assertThat(BinaryValues.toText(oid, p.value(), 0, p.value().length, ZoneOffset.UTC)).isEqualTo(text);
    }

    private static void assertText(EncodedParameter p, int oid, String text) {
        assertThat(p.typeOid()).isEqualTo(oid);
        assertThat(p.format()).isEqualTo(FormatCode.TEXT);
        assertThat(text(p)).isEqualTo(text);
    }

    @Test
    void integersInBinary() {
        assertBinary(e.ofInt(-1), Oids.INT4, "ffffffff");
        assertBinary(e.ofInt(Integer.MIN_VALUE), Oids.INT4, "80000000");
        assertBinary(e.ofInt(0x01020304), Oids.INT4, "01020304");
        assertBinary(e.ofShort((short) -2), Oids.INT2, "fffe");
        assertBinary(e.ofLong(Long.MAX_VALUE), Oids.INT8, "7fffffffffffffff");
        assertBinary(e.ofLong(1), Oids.INT8, "0000000000000001");
    }

    @Test
    void floatsAndBooleansInBinary() {
        assertBinary(e.ofDouble(1.0), Oids.FLOAT8, "3ff0000000000000");
        assertBinary(e.ofDouble(-0.0), Oids.FLOAT8, "8000000000000000");
        assertBinary(e.ofDouble(Double.NaN), Oids.FLOAT8, "7ff8000000000000");
        assertBinary(e.ofDouble(Double.NEGATIVE_INFINITY), Oids.FLOAT8, "fff0000000000000");
        assertBinary(e.ofFloat(1.5f), Oids.FLOAT4, "3fc00000");
        assertBinary(e.ofBoolean(true), Oids.BOOL, "01");
        assertBinary(e.ofBoolean(false), Oids.BOOL, "00");
    }

    @Test
    void byteaIsCopied() {
        byte[] data = {1, 2, (byte) 0xff};
        EncodedParameter p = e.ofBytes(data);
        data[0] = 9;
        assertBinary(p, Oids.BYTEA, "0102ff");
        assertThat(e.ofBytes(null)).isEqualTo(new EncodedParameter(Oids.BYTEA, FormatCode.TEXT, null));
    }

    @Test
    void stringsAreVarcharByDefaultAndUntypedOnRequest() throws SQLException {
        assertText(e.ofString("héllo"), Oids.VARCHAR, "héllo");
        assertThat(e.ofString("héllo").value()).hasSize(6);
        assertThat(e.ofString(null).isNull()).isTrue();
        assertText(e.ofUntypedString("x"), Oids.UNSPECIFIED, "x");
        assertText(new ParameterEncoder(CodecContext.BUILT_IN, true).ofString("x"), Oids.UNSPECIFIED, "x");
        assertText(e.ofString("emoji \uD83D\uDE00"), Oids.VARCHAR, "emoji \uD83D\uDE00");
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefused() {
        for (String bad : new String[] {"a\u0000b", "\uD800", "x\uDC00y", "\uD83D"}) {
            assertThatThrownBy(() -> e.ofString(bad))
                .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22021"));
            assertThatThrownBy(() -> e.ofObject(bad))
                .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22021"));
        }
        assertThatThrownBy(() -> e.ofString("a\u0000b")).hasMessageContaining("NUL").hasMessageContaining("index 1");
        SQLException named = ParameterEncoder.atParameter(3, new SQLException("the string holds NUL", "22021"));
        assertThat(named.getMessage()).startsWith("parameter 3: ");
        SQLException other = new SQLException("x", "22003");
        assertThat((Object) ParameterEncoder.atParameter(3, other)).isSameAs(other);
    }

    @Test
    void numericAndUuidInBinary() throws SQLException {
        assertBinary(e.ofBigDecimal(new BigDecimal("-12.3400")), Oids.NUMERIC, "0002" + "0000" + "4000" + "0004" + "000c0d48");
        assertBinary(e.ofBigDecimal(new BigDecimal("1E+20")), Oids.NUMERIC, "0001" + "0005" + "0000" + "0000" + "0001");
        assertBinary(e.ofBigDecimal(new BigDecimal("0.00")), Oids.NUMERIC, "0000" + "0000" + "0000" + "0002");
        assertBinaryText(e.ofBigDecimal(new BigDecimal("1E+20")), Oids.NUMERIC, "100000000000000000000");
        assertBinaryText(e.ofBigDecimal(new BigDecimal("0.000012345")), Oids.NUMERIC, "0.000012345");
        assertBinary(e.ofUuid(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")), Oids.UUID,
            "a0eebc999c0b4ef8bb6d6bb9bd380a11");
    }

    @Test
    void datesAndTimesInBinary() throws SQLException {
        assertBinary(e.ofLocalDate(LocalDate.of(2000, 1, 2)), Oids.DATE, "00000001");
        assertBinary(e.ofLocalDate(LocalDate.MAX), Oids.DATE, "7fffffff");
        assertBinary(e.ofLocalDate(LocalDate.MIN), Oids.DATE, "80000000");
        assertBinaryText(e.ofLocalDate(LocalDate.of(2024, 1, 5)), Oids.DATE, "2024-01-05");
        assertBinaryText(e.ofLocalDate(LocalDate.of(-43, 3, 15)), Oids.DATE, "0044-03-15 BC");
        assertBinaryText(e.ofLocalDate(LocalDate.MAX), Oids.DATE, "infinity");
        assertBinaryText(e.ofLocalTime(LocalTime.of(13, 45, 10, 123_456_789)), Oids.TIME, "13:45:10.123457");
        assertBinaryText(e.ofLocalTime(LocalTime.of(13, 45)), Oids.TIME, "13:45:00");
        assertBinaryText(e.ofLocalTime(LocalTime.MAX), Oids.TIME, "24:00:00");
        assertBinaryText(e.ofLocalTime(LocalTime.of(0, 0, 0, 500)), Oids.TIME, "00:00:00");
        assertBinaryText(e.ofLocalTime(LocalTime.of(0, 0, 0, 1500)), Oids.TIME, "00:00:00.000002");
        assertBinaryText(e.ofLocalDateTime(LocalDateTime.of(2024, 1, 15, 13, 45, 10, 500_000_000)), Oids.TIMESTAMP,
            "2024-01-15 13:45:10.5");
        assertBinaryText(e.ofLocalDateTime(LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_500)), Oids.TIMESTAMP,
            "2025-01-01 00:00:00");
        assertBinary(e.ofLocalDateTime(LocalDateTime.MAX), Oids.TIMESTAMP, "7fffffffffffffff");
        assertBinary(e.ofLocalDateTime(LocalDateTime.of(2000, 1, 1, 0, 0, 1)), Oids.TIMESTAMP, "00000000000f4240");
        assertBinaryText(e.ofOffsetDateTime(OffsetDateTime.of(2024, 1, 15, 13, 45, 10, 0, ZoneOffset.ofHoursMinutes(5, 30))),
            Oids.TIMESTAMPTZ, "2024-01-15 08:15:10+00");
        assertBinaryText(e.ofInstant(Instant.parse("2024-01-15T08:15:10.000001Z")), Oids.TIMESTAMPTZ,
            "2024-01-15 08:15:10.000001+00");
        assertBinaryText(e.ofInstant(Instant.MIN), Oids.TIMESTAMPTZ, "-infinity");
        assertBinary(e.ofOffsetTime(OffsetTime.of(0, 0, 1, 0, ZoneOffset.ofHours(-8))), Oids.TIMETZ,
            "00000000000f4240" + "00007080");
        assertBinaryText(e.ofOffsetTime(OffsetTime.of(13, 45, 10, 0, ZoneOffset.ofHoursMinutesSeconds(-8, 0, 0))),
            Oids.TIMETZ, "13:45:10-08");
    }

    @Test
    void valuesBeyondTheBinaryRangeGoAsTextForTheServerToRefuse() throws SQLException {
        assertText(e.ofLocalDateTime(LocalDateTime.of(999_999, 1, 1, 0, 0)), Oids.TIMESTAMP, "999999-01-01 00:00:00");
        assertText(e.ofLocalDate(LocalDate.of(99_999_999, 1, 1)), Oids.DATE, "99999999-01-01");
    }

    @Test
    void legacyValuesUseTheGivenZoneAndPgjdbcInfinity() throws SQLException {
        Timestamp ts = Timestamp.from(Instant.parse("2024-01-15T13:45:10.123456Z"));
        assertBinaryText(e.ofTimestamp(ts, UTC), Oids.TIMESTAMP, "2024-01-15 13:45:10.123456");
        assertBinaryText(e.ofTimestamp(ts, TimeZone.getTimeZone("Asia/Tokyo")), Oids.TIMESTAMP, "2024-01-15 22:45:10.123456");
        assertBinaryText(e.ofTimestamp(new Timestamp(9223372036825200000L), null), Oids.TIMESTAMP, "infinity");
        assertBinaryText(e.ofDate(new java.sql.Date(-9223372036832400000L), null), Oids.DATE, "-infinity");
        assertBinaryText(e.ofDate(java.sql.Date.valueOf("1000-01-01"), null), Oids.DATE, "1000-01-01");
        assertBinaryText(e.ofTimestamp(Timestamp.valueOf("2024-01-15 13:45:10.25"), null), Oids.TIMESTAMP, "2024-01-15 13:45:10.25");
        assertBinaryText(e.ofTime(java.sql.Time.valueOf("13:45:10"), null), Oids.TIME, "13:45:10");
    }

    @Test
    void nullsAreTypedAfterTheJdbcCode() {
        assertThat(e.ofNull(Types.INTEGER)).isEqualTo(new EncodedParameter(Oids.INT4, FormatCode.TEXT, null));
        assertThat(e.ofNull(Types.BIGINT).typeOid()).isEqualTo(Oids.INT8);
        assertThat(e.ofNull(Types.BOOLEAN).typeOid()).isEqualTo(Oids.BOOL);
        assertThat(e.ofNull(Types.TIMESTAMP_WITH_TIMEZONE).typeOid()).isEqualTo(Oids.TIMESTAMPTZ);
        assertThat(e.ofNull(Types.VARBINARY).typeOid()).isEqualTo(Oids.BYTEA);
        assertThat(e.ofNull(Types.VARCHAR).typeOid()).isEqualTo(Oids.UNSPECIFIED);
        assertThat(e.ofNull(Types.OTHER).typeOid()).isEqualTo(Oids.UNSPECIFIED);
        assertThat(e.ofNull(Types.NULL).typeOid()).isEqualTo(Oids.UNSPECIFIED);
    }

    @Test
    void ofObjectDispatchesOnTheClass() throws SQLException {
        assertThat(e.ofObject(7)).isEqualTo(e.ofInt(7));
        assertThat(e.ofObject(7L)).isEqualTo(e.ofLong(7));
        assertThat(e.ofObject((short) 7)).isEqualTo(e.ofShort((short) 7));
        assertThat(e.ofObject((byte) 7)).isEqualTo(e.ofShort((short) 7));
        assertThat(e.ofObject(1.5)).isEqualTo(e.ofDouble(1.5));
        assertThat(e.ofObject(1.5f)).isEqualTo(e.ofFloat(1.5f));
        assertThat(e.ofObject(true)).isEqualTo(e.ofBoolean(true));
        assertBinaryText(e.ofObject(new BigInteger("123456789012345678901234567890")), Oids.NUMERIC, "123456789012345678901234567890");
        assertText(e.ofObject('x'), Oids.UNSPECIFIED, "x");
        assertText(e.ofObject("s"), Oids.UNSPECIFIED, "s");
        assertThat(e.ofObject(null)).isEqualTo(EncodedParameter.NULL);
        assertThat(e.ofObject(LocalDate.of(2024, 1, 5)).typeOid()).isEqualTo(Oids.DATE);
        assertThat(e.ofObject(new java.util.Date(0)).typeOid()).isEqualTo(Oids.TIMESTAMP);
        assertThat(e.ofObject(java.sql.Date.valueOf("2024-01-05")).typeOid()).isEqualTo(Oids.DATE);
        assertThat(e.ofObject(new byte[] {1}).typeOid()).isEqualTo(Oids.BYTEA);
    }

    @Test
    void unsupportedClassIs22023AndNamesIt() {
        assertThatThrownBy(() -> e.ofObject(new ArrayList<>()))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("java.util.ArrayList")
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22023"));
    }

    @Test
    void targetTypeConversions() throws SQLException {
        assertText(e.ofObject("42", Types.INTEGER), Oids.INT4, "42");
        assertThat(e.ofObject(42L, Types.INTEGER)).isEqualTo(e.ofInt(42));
        assertThat(e.ofObject(12.9, Types.INTEGER)).isEqualTo(e.ofInt(12));
        assertThat(e.ofObject(true, Types.SMALLINT)).isEqualTo(e.ofShort((short) 1));
        assertThat(e.ofObject(1, Types.BOOLEAN)).isEqualTo(e.ofBoolean(true));
        assertThat(e.ofObject(3, Types.DOUBLE)).isEqualTo(e.ofDouble(3.0));
        assertBinaryText(e.ofObject(0.1, Types.NUMERIC), Oids.NUMERIC, "0.1");
        assertBinaryText(e.ofObject(Double.NaN, Types.NUMERIC), Oids.NUMERIC, "NaN");
        assertBinaryText(e.ofObject(Double.NEGATIVE_INFINITY, Types.NUMERIC), Oids.NUMERIC, "-Infinity");
        assertText(e.ofObject(42, Types.VARCHAR), Oids.VARCHAR, "42");
        assertText(e.ofObject(LocalDate.of(2024, 1, 5), Types.VARCHAR), Oids.VARCHAR, "2024-01-05");
        assertText(e.ofObject(Instant.parse("2024-01-05T10:00:00Z"), Types.VARCHAR), Oids.VARCHAR, "2024-01-05 10:00:00+00");
        assertBinaryText(e.ofObject(LocalDateTime.of(2024, 1, 5, 10, 0), Types.DATE), Oids.DATE, "2024-01-05");
        assertBinaryText(e.ofObject(LocalDate.of(2024, 1, 5), Types.TIMESTAMP), Oids.TIMESTAMP, "2024-01-05 00:00:00");
        assertText(e.ofObject("{\"a\":1}", Types.OTHER), Oids.UNSPECIFIED, "{\"a\":1}");
        assertThat(e.ofObject(null, Types.DATE)).isEqualTo(e.ofNull(Types.DATE));
        assertThatThrownBy(() -> e.ofObject(3_000_000_000L, Types.INTEGER))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22003"));
        assertThatThrownBy(() -> e.ofObject(LocalTime.NOON, Types.DATE))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22023"));
        assertThatThrownBy(() -> e.ofObject(new byte[0], Types.INTEGER))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22023"));
        assertThatThrownBy(() -> e.ofObject(1, Types.ARRAY))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("0A000"));
    }

    @Test
    void toStringNeverShowsTheValue() throws SQLException {
        String s = e.ofString("hunter2").toString();
        assertThat(s).doesNotContain("hunter2").contains("7 bytes");
        assertThat(e.ofInt(5).toString()).contains("int4").contains("binary");
    }

    @Test
    void formatCodeIsValidated() {
        assertThatThrownBy(() -> new EncodedParameter(0, (short) 2, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
