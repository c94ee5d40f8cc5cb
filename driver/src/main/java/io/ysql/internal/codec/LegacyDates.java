package io.ysql.internal.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.SimpleTimeZone;
import java.util.TimeZone;

/**
 * Wall-clock fields ↔ epoch milliseconds for {@code java.sql.Date}, {@code Time} and {@code
 * Timestamp}, which count in the hybrid Julian/Gregorian calendar of {@link GregorianCalendar}:
 * the fields the server prints become the fields those classes print back (as pgjdbc does), also
 * before the 1582 cutover, where the instant differs from the proleptic calendar of {@code
 * java.time}. After the cutover both calendars agree and {@code java.time} does the work. Also
 * holds pgjdbc's millisecond values that stand for {@code infinity} and {@code -infinity}.
 */
final class LegacyDates {
    private LegacyDates() {}

    /** {@code java.sql} value for {@code infinity}, as pgjdbc's {@code PGStatement.DATE_POSITIVE_INFINITY}. */
    static final long POSITIVE_INFINITY = 9223372036825200000L;
    /** {@code java.sql} value for {@code -infinity}, as pgjdbc's {@code PGStatement.DATE_NEGATIVE_INFINITY}. */
    static final long NEGATIVE_INFINITY = -9223372036832400000L;

    /** A day past the cutover (1582-10-15), so no offset can carry a value back across it. */
    private static final LocalDate SAFE_GREGORIAN = LocalDate.of(1582, 10, 17);
    private static final long SAFE_GREGORIAN_MILLIS = -12219120000000L; // 1582-10-17T00:00Z

    /** Milliseconds of these wall-clock fields (nanos below a millisecond dropped) in {@code zone}. */
    static long toEpochMillis(LocalDateTime wall, TimeZone zone) {
        if (!wall.toLocalDate().isBefore(SAFE_GREGORIAN)) {
            // A wall time skipped by a DST gap moves forward, a repeated one takes the later
            // (standard-time) offset: both as GregorianCalendar resolves them.
            return wall.atZone(zone.toZoneId()).withLaterOffsetAtOverlap().toInstant().toEpochMilli();
        }
        return viaCalendar(wall, zone);
    }

    /** Milliseconds of these wall-clock fields at a fixed offset. */
    static long toEpochMillis(LocalDateTime wall, ZoneOffset offset) {
        if (!wall.toLocalDate().isBefore(SAFE_GREGORIAN)) {
            return wall.toEpochSecond(offset) * 1000 + wall.getNano() / 1_000_000;
        }
        return viaCalendar(wall, new SimpleTimeZone(offset.getTotalSeconds() * 1000, offset.getId()));
    }

    /** The wall-clock fields, to the millisecond, of an instant in {@code zone}. */
    static LocalDateTime toLocalDateTime(long epochMillis, TimeZone zone) {
        if (epochMillis >= SAFE_GREGORIAN_MILLIS + 86_400_000L) {
            return LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMillis), zone.toZoneId());
        }
        GregorianCalendar cal = new GregorianCalendar(zone);
        cal.setTimeInMillis(epochMillis);
        int yearOfEra = cal.get(Calendar.YEAR);
        int year = cal.get(Calendar.ERA) == GregorianCalendar.BC ? 1 - yearOfEra : yearOfEra;
        return LocalDateTime.of(year, cal.get(Calendar.MONTH) + 1, cal.get(Calendar.DAY_OF_MONTH),
            cal.get(Calendar.HOUR_OF_DAY), cal.get(Calendar.MINUTE), cal.get(Calendar.SECOND),
            cal.get(Calendar.MILLISECOND) * 1_000_000);
    }

    static TimeZone zoneOrDefault(TimeZone zone) {
        return zone != null ? zone : TimeZone.getDefault();
    }

    private static long viaCalendar(LocalDateTime wall, TimeZone zone) {
        GregorianCalendar cal = new GregorianCalendar(zone);
        cal.clear();
        int year = wall.getYear();
        cal.set(Calendar.ERA, year <= 0 ? GregorianCalendar.BC : GregorianCalendar.AD);
        cal.set(Calendar.YEAR, year <= 0 ? 1 - year : year);
        cal.set(Calendar.MONTH, wall.getMonthValue() - 1);
        cal.set(Calendar.DAY_OF_MONTH, wall.getDayOfMonth());
        cal.set(Calendar.HOUR_OF_DAY, wall.getHour());
        cal.set(Calendar.MINUTE, wall.getMinute());
        cal.set(Calendar.SECOND, wall.getSecond());
        cal.set(Calendar.MILLISECOND, wall.getNano() / 1_000_000);
        return cal.getTimeInMillis();
    }
}
