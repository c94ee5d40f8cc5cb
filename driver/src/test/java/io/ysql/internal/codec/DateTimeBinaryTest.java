package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateTimeBinaryTest {
    private static final HexFormat HEX = HexFormat.of();
    private final ValueDecoder d = new ValueDecoder();

    private static String text(int oid, String hex, String zone) throws SQLException {
        byte[] b = HEX.parseHex(hex);
        return DateTimeBinary.toText(oid, b, 0, b.length, ZoneId.of(zone));
    }

    @Test
    void goldenTexts() throws SQLException {
        assertThat(text(Oids.DATE, "00000000", "UTC")).isEqualTo("2000-01-01");
        assertThat(text(Oids.DATE, "ffffffff", "UTC")).isEqualTo("1999-12-31");
        assertThat(text(Oids.DATE, "7fffffff", "UTC")).isEqualTo("infinity");
        assertThat(text(Oids.DATE, "80000000", "UTC")).isEqualTo("-infinity");
        assertThat(text(Oids.TIME, "000000141dd76000", "UTC")).isEqualTo("24:00:00");
        assertThat(text(Oids.TIME, "0000000000000001", "UTC")).isEqualTo("00:00:00.000001");
        assertThat(text(Oids.TIMETZ, "0000000000000000" + "ffffeabc", "UTC")).isEqualTo("00:00:00+01:30:44");
        assertThat(text(Oids.TIMETZ, "0000000000000000" + "00007080", "UTC")).isEqualTo("00:00:00-08");
        assertThat(text(Oids.TIMESTAMP, "0000000000000000", "UTC")).isEqualTo("2000-01-01 00:00:00");
        assertThat(text(Oids.TIMESTAMP, "ffffffffffffffff", "UTC")).isEqualTo("1999-12-31 23:59:59.999999");
        assertThat(text(Oids.TIMESTAMP, "7fffffffffffffff", "UTC")).isEqualTo("infinity");
        assertThat(text(Oids.TIMESTAMPTZ, "0000000000000000", "Asia/Kathmandu")).isEqualTo("2000-01-01 05:45:00+05:45");
        assertThat(text(Oids.TIMESTAMPTZ, "0000000000000000", "America/New_York")).isEqualTo("1999-12-31 19:00:00-05");
        assertThat(text(Oids.TIMESTAMPTZ, "8000000000000000", "UTC")).isEqualTo("-infinity");
    }

    @Test
    void bcAndFarFutureValues() throws SQLException {
        LocalDateTime bc = LocalDateTime.of(-4712, 11, 24, 0, 0);
        byte[] b = DateTimeBinary.timestamp(bc);
        assertThat(DateTimeBinary.toText(Oids.TIMESTAMP, b, 0, b.length, ZoneOffset.UTC)).isEqualTo("4713-11-24 00:00:00 BC");
        b = DateTimeBinary.timestampWithOffset(Instant.parse("+294276-12-31T23:59:59.999999Z"));
        assertThat(DateTimeBinary.toText(Oids.TIMESTAMPTZ, b, 0, b.length, ZoneOffset.UTC))
            .isEqualTo("294276-12-31 23:59:59.999999+00");
        b = DateTimeBinary.date(LocalDate.of(0, 1, 1));
        assertThat(DateTimeBinary.toText(Oids.DATE, b, 0, b.length, ZoneOffset.UTC)).isEqualTo("0001-01-01 BC");
    }

    @Test
    void halfEvenRoundingOfNanoseconds() {
        assertThat(DateTimeBinary.roundNanos(500)).isZero();
        assertThat(DateTimeBinary.roundNanos(1_500)).isEqualTo(2);
        assertThat(DateTimeBinary.roundNanos(2_500)).isEqualTo(2);
        assertThat(DateTimeBinary.roundNanos(2_501)).isEqualTo(3);
        assertThat(DateTimeBinary.roundNanos(2_499)).isEqualTo(2);
    }

    @Test
    void randomValuesRoundTripThroughTheDecoder() throws SQLException {
        Random random = new Random(7);
        long min = LocalDateTime.of(-4712, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long max = LocalDateTime.of(294276, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 5000; i++) {
            long second = min + (long) (random.nextDouble() * (max - min));
            int micros = random.nextInt(1_000_000);
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, micros * 1000, ZoneOffset.UTC);
            String where = "seed 7, value " + i + ": " + t;
            byte[] b = DateTimeBinary.timestamp(t);
            assertThat(d.getLocalDateTime(Oids.TIMESTAMP, FormatCode.BINARY, b, 0, b.length)).as(where).isEqualTo(t);
            String text = d.getString(Oids.TIMESTAMP, FormatCode.BINARY, b, 0, b.length);
            byte[] tb = text.getBytes();
            assertThat(d.getLocalDateTime(Oids.TIMESTAMP, FormatCode.TEXT, tb, 0, tb.length)).as(where).isEqualTo(t);
            OffsetDateTime odt = t.atOffset(ZoneOffset.UTC);
            b = DateTimeBinary.timestampWithOffset(odt);
            assertThat(d.getOffsetDateTime(Oids.TIMESTAMPTZ, FormatCode.BINARY, b, 0, b.length)).as(where).isEqualTo(odt);
            b = DateTimeBinary.date(t.toLocalDate());
            assertThat(d.getLocalDate(Oids.DATE, FormatCode.BINARY, b, 0, b.length)).as(where).isEqualTo(t.toLocalDate());
            LocalTime time = t.toLocalTime();
            b = DateTimeBinary.time(time);
            assertThat(d.getLocalTime(Oids.TIME, FormatCode.BINARY, b, 0, b.length)).as(where).isEqualTo(time);
            OffsetTime ot = time.atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(2 * 57_600) - 57_600));
            b = DateTimeBinary.timeWithOffset(ot);
            assertThat(d.getOffsetTime(Oids.TIMETZ, FormatCode.BINARY, b, 0, b.length)).as(where).isEqualTo(ot);
        }
    }

    @Test
    void legacyClassesReadBinaryAsTheyReadText() throws SQLException {
        java.util.TimeZone zone = java.util.TimeZone.getTimeZone("Europe/Amsterdam");
        for (String s : new String[] {"1900-01-01 00:00:00", "0044-03-15 12:00:00 BC", "2024-03-31 02:30:00"}) {
            byte[] text = s.getBytes();
            byte[] bin = DateTimeBinary.timestamp(d.getLocalDateTime(Oids.TIMESTAMP, FormatCode.TEXT, text, 0, text.length));
            assertThat(d.getTimestamp(Oids.TIMESTAMP, FormatCode.BINARY, bin, 0, bin.length, zone))
                .as(s).isEqualTo(d.getTimestamp(Oids.TIMESTAMP, FormatCode.TEXT, text, 0, text.length, zone));
        }
    }
}
