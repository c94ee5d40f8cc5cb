package io.ysql.internal.codec;

import static io.ysql.internal.codec.FormatCode.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeDecodingTest {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final TimeZone TOKYO = TimeZone.getTimeZone("Asia/Tokyo");
    private final ValueDecoder d = new ValueDecoder();

    private interface Getter<T> {
        T get(int oid, int format, byte[] b, int off, int len) throws SQLException;
    }

    private static <T> T read(Getter<T> getter, int oid, String text) throws SQLException {
        Slices s = Slices.text(text);
        return getter.get(oid, TEXT, s.b(), s.off(), s.len());
    }

    private static String stateOf(Throwable e) { return ((SQLException) e).getSQLState(); }

    @Test
    void dates() throws SQLException {
        assertThat(read(d::getLocalDate, Oids.DATE, "2024-01-15")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(read(d::getLocalDate, Oids.DATE, "0044-03-15 BC")).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThat(read(d::getLocalDate, Oids.DATE, "0001-01-01 BC")).isEqualTo(LocalDate.of(0, 1, 1));
        assertThat(read(d::getLocalDate, Oids.DATE, "10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
        assertThat(read(d::getLocalDate, Oids.DATE, "infinity")).isEqualTo(LocalDate.MAX);
        assertThat(read(d::getLocalDate, Oids.DATE, "-infinity")).isEqualTo(LocalDate.MIN);
        assertThat(read(d::getLocalDate, Oids.TIMESTAMP, "2024-01-15 23:59:59")).isEqualTo(LocalDate.of(2024, 1, 15));
    }

    @Test
    void timestampsWithMicrosecondsAndEras() throws SQLException {
        assertThat(read(d::getLocalDateTime, Oids.TIMESTAMP, "2024-01-15 13:45:10.123456"))
            .isEqualTo(LocalDateTime.of(2024, 1, 15, 13, 45, 10, 123_456_000));
        assertThat(read(d::getLocalDateTime, Oids.TIMESTAMP, "2024-01-15 13:45:10.5"))
            .isEqualTo(LocalDateTime.of(2024, 1, 15, 13, 45, 10, 500_000_000));
        assertThat(read(d::getLocalDateTime, Oids.TIMESTAMP, "0044-03-15 12:00:00 BC"))
            .isEqualTo(LocalDateTime.of(-43, 3, 15, 12, 0));
        assertThat(read(d::getLocalDateTime, Oids.TIMESTAMP, "infinity")).isEqualTo(LocalDateTime.MAX);
        assertThat(read(d::getLocalDateTime, Oids.TIMESTAMP, "-infinity")).isEqualTo(LocalDateTime.MIN);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-15 13:45:10.5+05:30, 2024-01-15T08:15:10.500Z",
        "2024-01-15 00:00:00-08, 2024-01-15T08:00:00Z",
        "2024-01-15 12:00:00+05:30:15, 2024-01-15T06:29:45Z",
        "2024-06-30 23:59:59.999999+00, 2024-06-30T23:59:59.999999Z",
        "2024-01-15T13:45:10Z, 2024-01-15T13:45:10Z",
    })
    void timestamptzIsAnInstantAndComesBackInUtc(String text, String instant) throws SQLException {
        OffsetDateTime odt = read(d::getOffsetDateTime, Oids.TIMESTAMPTZ, text);
        assertThat(odt.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(odt.toInstant()).isEqualTo(Instant.parse(instant));
        assertThat(read(d::getInstant, Oids.TIMESTAMPTZ, text)).isEqualTo(Instant.parse(instant));
        Timestamp ts = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, TOKYO), Oids.TIMESTAMPTZ, text);
        assertThat(ts.toInstant()).isEqualTo(Instant.parse(instant));
    }

    @Test
    void infinityMapsToPgjdbcSpecialValues() throws SQLException {
        assertThat(read(d::getOffsetDateTime, Oids.TIMESTAMPTZ, "infinity")).isEqualTo(OffsetDateTime.MAX);
        assertThat(read(d::getOffsetDateTime, Oids.TIMESTAMPTZ, "-infinity")).isEqualTo(OffsetDateTime.MIN);
        assertThat(read(d::getInstant, Oids.TIMESTAMPTZ, "infinity")).isEqualTo(Instant.MAX);
        Timestamp plus = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, null), Oids.TIMESTAMP, "infinity");
        Timestamp minus = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, null), Oids.TIMESTAMPTZ, "-infinity");
        assertThat(plus.getTime()).isEqualTo(9223372036825200000L);
        assertThat(minus.getTime()).isEqualTo(-9223372036832400000L);
        java.sql.Date date = read((o, f, b, off, len) -> d.getDate(o, f, b, off, len, null), Oids.DATE, "infinity");
        assertThat(date.getTime()).isEqualTo(9223372036825200000L);
        assertThatThrownBy(() -> read(d::getLocalTime, Oids.TEXT, "infinity"))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22008"));
    }

    @Test
    void wallClockTimestampsAreReadInTheGivenZone() throws SQLException {
        Timestamp utc = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, UTC), Oids.TIMESTAMP,
            "2024-01-15 13:45:10.123456");
        assertThat(utc.toInstant()).isEqualTo(Instant.parse("2024-01-15T13:45:10.123456Z"));
        assertThat(utc.getNanos()).isEqualTo(123_456_000);
        Timestamp tokyo = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, TOKYO), Oids.TIMESTAMP,
            "2024-01-15 13:45:10");
        assertThat(tokyo.toInstant()).isEqualTo(Instant.parse("2024-01-15T04:45:10Z"));
        Timestamp local = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, null), Oids.TIMESTAMP,
            "2024-03-31 02:30:00.25");
        assertThat(local).isEqualTo(Timestamp.valueOf(LocalDateTime.of(2024, 3, 31, 2, 30, 0, 250_000_000)));
    }

    @Test
    void oldDatesKeepTheirFieldsInTheHybridCalendarAsPgjdbc() throws SQLException {
        Timestamp ts = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, UTC), Oids.TIMESTAMP,
            "1000-01-01 10:00:00");
        GregorianCalendar cal = new GregorianCalendar(UTC);
        cal.setTime(ts);
        assertThat(cal.get(Calendar.YEAR)).isEqualTo(1000);
        assertThat(cal.get(Calendar.DAY_OF_MONTH)).isEqualTo(1);
        assertThat(cal.get(Calendar.HOUR_OF_DAY)).isEqualTo(10);
        Timestamp bc = read((o, f, b, off, len) -> d.getTimestamp(o, f, b, off, len, UTC), Oids.TIMESTAMP,
            "0044-03-15 12:00:00 BC");
        cal.setTime(bc);
        assertThat(cal.get(Calendar.ERA)).isEqualTo(GregorianCalendar.BC);
        assertThat(cal.get(Calendar.YEAR)).isEqualTo(44);
        assertThat(cal.get(Calendar.MONTH)).isEqualTo(Calendar.MARCH);
        assertThat(cal.get(Calendar.DAY_OF_MONTH)).isEqualTo(15);
    }

    @Test
    void datesAndTimesOfInstantsFollowTheTargetZone() throws SQLException {
        java.sql.Date date = read((o, f, b, off, len) -> d.getDate(o, f, b, off, len, TOKYO), Oids.TIMESTAMPTZ,
            "2024-01-15 23:30:00+00");
        assertThat(LegacyDates.toLocalDateTime(date.getTime(), TOKYO)).isEqualTo(LocalDateTime.of(2024, 1, 16, 0, 0));
        java.sql.Time timetz = read((o, f, b, off, len) -> d.getTime(o, f, b, off, len, TOKYO), Oids.TIMETZ,
            "13:45:10+05:30");
        assertThat(timetz.getTime()).isEqualTo(Instant.parse("1970-01-01T08:15:10Z").toEpochMilli());
        java.sql.Time time = read((o, f, b, off, len) -> d.getTime(o, f, b, off, len, UTC), Oids.TIME,
            "13:45:10.123456");
        assertThat(time.getTime()).isEqualTo(Instant.parse("1970-01-01T13:45:10.123Z").toEpochMilli());
    }

    @Test
    void timesAndOffsets() throws SQLException {
        assertThat(read(d::getLocalTime, Oids.TIME, "13:45:10.000001")).isEqualTo(LocalTime.of(13, 45, 10, 1000));
        assertThat(read(d::getLocalTime, Oids.TIME, "24:00:00")).isEqualTo(LocalTime.MAX);
        assertThat(read(d::getLocalTime, Oids.TEXT, "  07:05:00  ")).isEqualTo(LocalTime.of(7, 5));
        assertThat(read(d::getLocalDate, Oids.TEXT, " 2024-01-15 ")).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(read(d::getOffsetTime, Oids.TIMETZ, "13:45:10+05:30:15"))
            .isEqualTo(OffsetTime.of(13, 45, 10, 0, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)));
        assertThat(read(d::getOffsetTime, Oids.TIMETZ, "13:45:10.25-08"))
            .isEqualTo(OffsetTime.of(13, 45, 10, 250_000_000, ZoneOffset.ofHours(-8)));
    }

    @Test
    void conversionsPgjdbcRefusesAre22023() {
        assertThatThrownBy(() -> read(d::getLocalDateTime, Oids.TIMESTAMPTZ, "2024-01-15 13:45:10+00"))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22023"))
            .hasMessageContaining("cannot convert timestamptz to java.time.LocalDateTime");
        assertThatThrownBy(() -> read(d::getLocalDate, Oids.INT4, "20240115"))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22023"));
    }

    @Test
    void malformedIs22007AndImpossibleIs22008() {
        assertThatThrownBy(() -> read(d::getLocalDate, Oids.TEXT, "15/01/2024"))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22007"));
        assertThatThrownBy(() -> read(d::getLocalDateTime, Oids.TEXT, "2024-01-15 13:45:10 junk"))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22007"));
        assertThatThrownBy(() -> read(d::getLocalDate, Oids.TEXT, "2024-13-01"))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22008"));
        assertThatThrownBy(() -> read(d::getLocalTime, Oids.TEXT, "25:00:00"))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22008"));
        assertThatThrownBy(() -> read(d::getLocalDate, Oids.DATE, ""))
            .satisfies(e -> assertThat(stateOf(e)).isEqualTo("22007"));
    }
}
