package io.ysql.internal.codec;

import io.ysql.internal.codec.DateTimeText.Parsed;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * Turns a parsed date/time into the Java type asked for, as pgjdbc does: {@code infinity} and
 * {@code -infinity} become {@code LocalDate/LocalDateTime/OffsetDateTime/Instant.MAX/MIN} and
 * pgjdbc's special millisecond values for {@code java.sql} types; values with an offset ({@code
 * timestamptz}, {@code timetz}) are instants, values without one are wall-clock fields read in the
 * given zone (the JVM's when null) for {@code java.sql} types; {@code OffsetDateTime} comes back
 * in UTC, a value without offset being taken as UTC; a time alone sits on 1970-01-01.
 */
final class DateTimeValues {
    private DateTimeValues() {}

    private static final LocalDate EPOCH_DAY = LocalDate.of(1970, 1, 1);

    static LocalDate localDate(Parsed p) throws SQLException {
        if (p.infinity() != 0) return p.infinity() > 0 ? LocalDate.MAX : LocalDate.MIN;
        if (p.date() == null) throw noField("date", p);
        return p.date();
    }

    static LocalDateTime localDateTime(Parsed p) throws SQLException {
        if (p.infinity() != 0) return p.infinity() > 0 ? LocalDateTime.MAX : LocalDateTime.MIN;
        if (p.date() == null) throw noField("date", p);
        return wall(p.date(), p);
    }

    static LocalTime localTime(Parsed p) throws SQLException {
        if (p.infinity() != 0 || p.time() == null) throw noField("time", p);
        return p.time();
    }

    static OffsetTime offsetTime(Parsed p) throws SQLException {
        return OffsetTime.of(localTime(p), p.offset() != null ? p.offset() : ZoneOffset.UTC);
    }

    static OffsetDateTime offsetDateTime(Parsed p) throws SQLException {
        if (p.infinity() != 0) return p.infinity() > 0 ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        LocalDate date = p.date() != null ? p.date() : EPOCH_DAY;
        ZoneOffset offset = p.offset() != null ? p.offset() : ZoneOffset.UTC;
        try {
            return OffsetDateTime.of(wall(date, p), offset).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw CodecErrors.dateTimeOutOfRange("timestamp", e);
        }
    }

    static Instant instant(Parsed p) throws SQLException {
        if (p.infinity() != 0) return p.infinity() > 0 ? Instant.MAX : Instant.MIN;
        return offsetDateTime(p).toInstant();
    }

    static Timestamp timestamp(Parsed p, TimeZone zone) throws SQLException {
        if (p.infinity() != 0) return new Timestamp(p.infinity() > 0 ? LegacyDates.POSITIVE_INFINITY : LegacyDates.NEGATIVE_INFINITY);
        LocalDateTime wall = wall(p.date() != null ? p.date() : EPOCH_DAY, p);
        Timestamp ts = new Timestamp(millis(wall, p.offset(), zone));
        ts.setNanos(wall.getNano());
        return ts;
    }

    static Date date(Parsed p, TimeZone zone) throws SQLException {
        if (p.infinity() != 0) return new Date(p.infinity() > 0 ? LegacyDates.POSITIVE_INFINITY : LegacyDates.NEGATIVE_INFINITY);
        TimeZone tz = LegacyDates.zoneOrDefault(zone);
        LocalDate day;
        if (p.offset() != null && p.date() != null) {
            // an instant: the day it falls on in the target zone
            day = LegacyDates.toLocalDateTime(millis(wall(p.date(), p), p.offset(), tz), tz).toLocalDate();
        } else {
            day = p.date() != null ? p.date() : EPOCH_DAY;
        }
        return new Date(LegacyDates.toEpochMillis(day.atStartOfDay(), tz));
    }

    static Time time(Parsed p, TimeZone zone) throws SQLException {
        if (p.infinity() != 0 || p.time() == null) throw noField("time", p);
        TimeZone tz = LegacyDates.zoneOrDefault(zone);
        if (p.offset() == null) {
            return new Time(LegacyDates.toEpochMillis(wall(EPOCH_DAY, p), tz));
        }
        if (p.date() == null) { // timetz: the time at its own offset on 1970-01-01
            return new Time(LegacyDates.toEpochMillis(wall(EPOCH_DAY, p), p.offset()));
        }
        LocalDateTime local = LegacyDates.toLocalDateTime(millis(wall(p.date(), p), p.offset(), tz), tz);
        return new Time(LegacyDates.toEpochMillis(local.with(EPOCH_DAY), tz));
    }

    /** The date with the parsed time (midnight when absent; 24:00:00 is the next midnight). */
    private static LocalDateTime wall(LocalDate date, Parsed p) {
        if (p.time() == null) return date.atStartOfDay();
        if (p.endOfDay()) return date.plusDays(1).atStartOfDay();
        return date.atTime(p.time());
    }

    private static long millis(LocalDateTime wall, ZoneOffset offset, TimeZone zone) {
        return offset != null
            ? LegacyDates.toEpochMillis(wall, offset)
            : LegacyDates.toEpochMillis(wall, LegacyDates.zoneOrDefault(zone));
    }

    private static SQLException noField(String what, Parsed p) {
        if (p.infinity() != 0) {
            return CodecErrors.dateTimeOutOfRange((p.infinity() > 0 ? "infinity" : "-infinity") + " as a " + what, null);
        }
        return CodecErrors.missingField(what);
    }
}
