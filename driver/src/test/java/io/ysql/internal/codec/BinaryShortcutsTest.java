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
class BinaryShortcutsTest {
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
        BigDecimal quick = BinaryShortcuts.numeric(bytes, 0, bytes.length);
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
        assertThat(BinaryShortcuts.numeric(big, 0, big.length)).isNull();
        byte[] nan = NumericBinary.encodeSpecial(0xC000);
        assertThat(BinaryShortcuts.numeric(nan, 0, nan.length)).isNull();
        assertThat(BinaryShortcuts.numeric(new byte[3], 0, 3)).isNull();
        byte[] badDigit = {0, 1, 0, 0, 0, 0, 0, 0, (byte) 0x27, (byte) 0x10}; // digit 10000
        assertThat(BinaryShortcuts.numeric(badDigit, 0, badDigit.length)).isNull();
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
        Timestamp quick = BinaryShortcuts.timestamptz(b, 0, 8);
        if (quick != null) {
            Timestamp general = DateTimeValues.timestamp(parsed, ZONE);
            assertThat(quick).as("%d", micros).isEqualTo(general);
            assertThat(quick.getNanos()).isEqualTo(general.getNanos());
        }
        OffsetDateTime quickOdt = BinaryShortcuts.offsetDateTime(b, 0, 8);
        if (quickOdt != null) {
            assertThat(quickOdt).as("%d", micros).isEqualTo(DateTimeValues.offsetDateTime(parsed));
        } else {
            assertThat(micros).isIn(Long.MAX_VALUE, Long.MIN_VALUE);
        }
    }

    @Test
    void infinitiesAndOldDatesStepAside() {
        assertThat(BinaryShortcuts.timestamptz(int8(Long.MAX_VALUE), 0, 8)).isNull();
        assertThat(BinaryShortcuts.timestamptz(int8(Long.MIN_VALUE), 0, 8)).isNull();
        assertThat(BinaryShortcuts.offsetDateTime(int8(Long.MIN_VALUE), 0, 8)).isNull();
        assertThat(BinaryShortcuts.timestamptz(int8(-15_000_000_000_000_000L), 0, 8)).isNull(); // before 1582
        assertThat(BinaryShortcuts.timestamptz(new byte[4], 0, 4)).isNull();
        assertThat(BinaryShortcuts.timestamptz(int8(0), 0, 8).toInstant()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(BinaryShortcuts.timestamptz(int8(-1), 0, 8).toInstant()).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
    }
}
