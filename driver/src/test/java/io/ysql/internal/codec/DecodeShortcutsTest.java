package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The shortcuts give exactly what the general binary path gives, or step aside. */
class DecodeShortcutsTest {
    private static final TimeZone ZONE = TimeZone.getTimeZone("America/New_York");

    private static byte[] int8(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }

    private static void assertSameNumeric(BigDecimal value) throws SQLException {
        byte[] bytes = NumericBinary.encode(value);
        if (bytes == null) return;
        BigDecimal general = NumericBinary.decode(Oids.NUMERIC, bytes, 0, bytes.length);
        BigDecimal quick = DecodeShortcuts.numeric(bytes, 0, bytes.length);
        if (quick != null) {
            assertThat(quick).as("%s", value).isEqualTo(general); // equals: same value and same scale
            assertThat(quick.scale()).isEqualTo(general.scale());
        }
    }

    @Test
    void numericsMatchTheGeneralPath() throws SQLException {
        Random random = new Random(7);
        for (String s : new String[] {"0", "0.00", "1", "-1", "1000.50", "-0.01", "9999", "10000", "123456789.12",
                "99999999999999.99", "0.0001", "1E+20", "1E-20", "12345678901234567.8", "92233720368547758.07",
                "-92233720368547758.08", "10000000000000000000", "0.000000000000000001", "5E+3"}) {
            assertSameNumeric(new BigDecimal(s));
        }
        for (int i = 0; i < 50_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(70), random);
            if (random.nextBoolean()) unscaled = unscaled.negate();
            assertSameNumeric(new BigDecimal(unscaled, random.nextInt(40) - 12));
        }
    }

    @Test
    void numericsThatDoNotFitStepAside() {
        byte[] big = NumericBinary.encode(new BigDecimal("123456789012345678901234567890"));
        assertThat(DecodeShortcuts.numeric(big, 0, big.length)).isNull();
        byte[] nan = NumericBinary.encodeSpecial(0xC000);
        assertThat(DecodeShortcuts.numeric(nan, 0, nan.length)).isNull();
        assertThat(DecodeShortcuts.numeric(new byte[3], 0, 3)).isNull();
        byte[] badDigit = {0, 1, 0, 0, 0, 0, 0, 0, (byte) 0x27, (byte) 0x10}; // digit 10000
        assertThat(DecodeShortcuts.numeric(badDigit, 0, badDigit.length)).isNull();
    }

    @Test
    void timestampsMatchTheGeneralPath() throws SQLException {
        Random random = new Random(11);
        long[] edges = {0, -1, 1, 999_999, -1_000_000, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
                -13_000_000_000_000_000L, -13_100_000_000_000_000L, 9_000_000_000_000_000L};
        for (long micros : edges) assertSameTimestamp(micros);
        for (int i = 0; i < 50_000; i++) {
            long micros = switch (i % 3) {
                case 0 -> random.nextLong() % 10_000_000_000_000_000L;
                case 1 -> random.nextLong() % 3_000_000_000_000_000L;
                default -> random.nextLong() % 100_000_000_000L;
            };
            assertSameTimestamp(micros);
        }
    }

    private static void assertSameTimestamp(long micros) throws SQLException {
        byte[] b = int8(micros);
        DateTimeText.Parsed parsed = DateTimeBinary.parse(Oids.TIMESTAMPTZ, b, 0, 8);
        Timestamp quick = DecodeShortcuts.timestamptz(b, 0, 8);
        if (quick != null) {
            Timestamp general = DateTimeValues.timestamp(parsed, ZONE);
            assertThat(quick).as("%d", micros).isEqualTo(general);
            assertThat(quick.getNanos()).isEqualTo(general.getNanos());
        }
        OffsetDateTime quickOdt = DecodeShortcuts.offsetDateTime(b, 0, 8);
        if (quickOdt != null) {
            assertThat(quickOdt).as("%d", micros).isEqualTo(DateTimeValues.offsetDateTime(parsed));
        } else {
            assertThat(micros > Long.MAX_VALUE / 2 || micros < Long.MIN_VALUE / 2)
                    .as("only infinities and the far edges step aside: %d", micros).isTrue();
        }
    }

    @Test
    void isoTextTimestampsMatchTheGeneralPath() throws SQLException {
        Random random = new Random(13);
        String[] fixed = {"2024-01-01 00:00:01.5+00", "2000-01-01 00:00:00+00", "1999-12-31 23:59:59.999999-03:30",
            "1900-01-01 00:19:32+00:19:32", "2024-02-29 12:00:00+05:45", "1583-01-01 00:00:00+14",
            "1582-10-15 00:00:00+00", "0044-03-15 12:00:00+00 BC", "infinity", "-infinity", "2024-02-30 00:00:00+00",
            "12345-01-01 00:00:00+00", "2024-01-01 24:00:00+00", "2024-01-01 00:00:00", "2024-01-01 00:00:00.+00",
            "2024-01-01 00:00:00.1234567+00", "2024-01-01 00:00:00+0", "2024-01-01 00:00:00+00:1"};
        for (String s : fixed) assertSameText(s);
        for (int i = 0; i < 50_000; i++) {
            long second = random.nextLong() % 70_000_000_000L; // about 300 BC to 4200 AD
            int micros = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000);
            int offset = (random.nextInt(36) - 18) * 3600 + (random.nextInt(3) == 0 ? random.nextInt(3600) : 0);
            java.time.OffsetDateTime t = java.time.Instant.ofEpochSecond(second, micros * 1000L)
                    .atOffset(java.time.ZoneOffset.ofTotalSeconds(offset));
            if (t.getYear() < 1 || t.getYear() > 9999) continue;
            StringBuilder sb = new StringBuilder(String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(),
                    t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
            if (micros != 0) sb.append(String.format(".%06d", micros).replaceAll("0+$", ""));
            int abs = Math.abs(offset);
            sb.append(offset < 0 ? '-' : '+').append(String.format("%02d", abs / 3600));
            if (abs % 3600 != 0) sb.append(String.format(":%02d", abs / 60 % 60));
            if (abs % 60 != 0) sb.append(String.format(":%02d", abs % 60));
            assertSameText(sb.toString());
        }
    }

    private static void assertSameText(String text) throws SQLException {
        byte[] padded = ("xx" + text + "yy").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int len = padded.length - 4;
        Timestamp quick = DecodeShortcuts.timestamptzText(padded, 2, len);
        java.time.OffsetDateTime quickOdt = DecodeShortcuts.offsetDateTimeText(padded, 2, len);
        DateTimeText.Parsed parsed;
        try {
            parsed = DateTimeText.parse("timestamptz", padded, 2, len);
        } catch (SQLException e) {
            assertThat(quick).as(text).isNull();
            assertThat(quickOdt).as(text).isNull();
            return;
        }
        if (quick != null) {
            Timestamp general = DateTimeValues.timestamp(parsed, ZONE);
            assertThat(quick).as(text).isEqualTo(general);
            assertThat(quick.getNanos()).as(text).isEqualTo(general.getNanos());
        }
        if (quickOdt != null) assertThat(quickOdt).as(text).isEqualTo(DateTimeValues.offsetDateTime(parsed));
        if (text.startsWith("2024-01-01 00:00:01.5")) assertThat(quick).isNotNull();
    }

    @Test
    void infinitiesAndOldDatesStepAside() {
        assertThat(DecodeShortcuts.timestamptz(int8(Long.MAX_VALUE), 0, 8)).isNull();
        assertThat(DecodeShortcuts.timestamptz(int8(Long.MIN_VALUE), 0, 8)).isNull();
        assertThat(DecodeShortcuts.offsetDateTime(int8(Long.MIN_VALUE), 0, 8)).isNull();
        assertThat(DecodeShortcuts.timestamptz(int8(-15_000_000_000_000_000L), 0, 8)).isNull(); // before 1582
        assertThat(DecodeShortcuts.timestamptz(new byte[4], 0, 4)).isNull();
        assertThat(DecodeShortcuts.timestamptz(int8(0), 0, 8).toInstant()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(DecodeShortcuts.timestamptz(int8(-1), 0, 8).toInstant()).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
    }
}
