package io.ysql.internal.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Spells {@code java.time} values the way the server reads them back: ISO dates with at least
 * four year digits and {@code BC} for years before 1, times with up to six fraction digits
 * (nanoseconds rounded half-even to microseconds, as the server rounds a typed-in fraction), offsets as {@code
 * +05:30}; {@code MAX} and {@code MIN} values as {@code infinity} and {@code -infinity}, and a
 * time that rounds up past midnight as {@code 24:00:00}, as pgjdbc does.
 */
final class DateTimeFormat {
    private DateTimeFormat() {}

    private static final LocalTime LAST_MICROSECOND = LocalTime.MAX.minusNanos(500);
    private static final LocalDateTime LAST_LOCAL = LocalDateTime.MAX.minusNanos(500);

    static String date(LocalDate d) {
        if (d.equals(LocalDate.MAX)) return "infinity";
        if (d.equals(LocalDate.MIN)) return "-infinity";
        StringBuilder sb = new StringBuilder(16);
        appendDate(sb, d);
        return appendEra(sb, d).toString();
    }

    static String time(LocalTime t) {
        if (t.isAfter(LAST_MICROSECOND)) return "24:00:00";
        StringBuilder sb = new StringBuilder(16);
        appendTime(sb, roundToMicros(t));
        return sb.toString();
    }

    static String timeWithOffset(OffsetTime t) {
        StringBuilder sb = new StringBuilder(24);
        if (t.toLocalTime().isAfter(LAST_MICROSECOND)) sb.append("24:00:00");
        else appendTime(sb, roundToMicros(t.toLocalTime()));
        return appendOffset(sb, t.getOffset()).toString();
    }

    static String timestamp(LocalDateTime ts) {
        if (ts.isAfter(LAST_LOCAL)) return "infinity";
        if (ts.equals(LocalDateTime.MIN)) return "-infinity";
        LocalDateTime r = roundToMicros(ts);
        StringBuilder sb = new StringBuilder(32);
        appendDate(sb, r.toLocalDate());
        sb.append(' ');
        appendTime(sb, r.toLocalTime());
        return appendEra(sb, r.toLocalDate()).toString();
    }

    /** An instant, printed in UTC with its {@code +00} offset. */
    static String timestampWithOffset(OffsetDateTime ts) {
        if (ts.equals(OffsetDateTime.MAX)) return "infinity";
        if (ts.equals(OffsetDateTime.MIN)) return "-infinity";
        LocalDateTime utc = ts.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime r = roundToMicros(utc);
        StringBuilder sb = new StringBuilder(40);
        appendDate(sb, r.toLocalDate());
        sb.append(' ');
        appendTime(sb, r.toLocalTime());
        sb.append("+00");
        return appendEra(sb, r.toLocalDate()).toString();
    }

    static String timestampWithOffset(Instant instant) {
        if (instant.equals(Instant.MAX)) return "infinity";
        if (instant.equals(Instant.MIN)) return "-infinity";
        return timestampWithOffset(instant.atOffset(ZoneOffset.UTC));
    }

    private static LocalTime roundToMicros(LocalTime t) {
        return LocalTime.ofNanoOfDay(0).plusNanos(DateTimeBinary.roundNanos(t.toNanoOfDay()) * 1000);
    }

    private static LocalDateTime roundToMicros(LocalDateTime t) {
        long nanos = DateTimeBinary.roundNanos(t.getNano()) * 1000;
        return t.withNano(0).plusNanos(nanos);
    }

    static StringBuilder appendDate(StringBuilder sb, LocalDate d) {
        int year = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
        if (year < 1000) sb.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        sb.append(year).append('-');
        appendTwo(sb, d.getMonthValue()).append('-');
        return appendTwo(sb, d.getDayOfMonth());
    }

    /** {@code HH:MM:SS} and the microseconds without trailing zeros (nanoseconds below ignored). */
    static StringBuilder appendTime(StringBuilder sb, LocalTime t) {
        appendTwo(sb, t.getHour()).append(':');
        appendTwo(sb, t.getMinute()).append(':');
        appendTwo(sb, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros == 0) return sb;
        sb.append('.');
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            digits--;
        }
        String m = Integer.toString(micros);
        for (int i = m.length(); i < digits; i++) sb.append('0');
        return sb.append(m);
    }

    /** {@code +05}, {@code -08:30}, {@code +00:19:32}: minutes and seconds only when not zero. */
    static StringBuilder appendOffset(StringBuilder sb, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        sb.append(total < 0 ? '-' : '+');
        appendTwo(sb, abs / 3600);
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (minutes != 0 || seconds != 0) appendTwo(sb.append(':'), minutes);
        if (seconds != 0) appendTwo(sb.append(':'), seconds);
        return sb;
    }

    static StringBuilder appendEra(StringBuilder sb, LocalDate d) {
        return d.getYear() <= 0 ? sb.append(" BC") : sb;
    }

    private static StringBuilder appendTwo(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        return sb.append(v);
    }
}
