package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.codec.DateTimeText.Parsed;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The binary formats of the date/time types: {@code date} is an int32 count of days since
 * 2000-01-01, {@code time} an int64 count of microseconds since midnight (up to {@code
 * 24:00:00}), {@code timetz} that plus an int32 zone in seconds <em>west</em> of Greenwich,
 * {@code timestamp} and {@code timestamptz} an int64 count of microseconds since 2000-01-01
 * 00:00:00 (UTC for {@code timestamptz}); the extreme int32/int64 values stand for {@code
 * -infinity} and {@code infinity}. Reads them into the same {@link Parsed} form as the text
 * parser, so every conversion behaves alike in both formats; prints them exactly as the server's
 * text output ({@code timestamptz} in the session's time zone); and writes Java values in them,
 * rounding nanoseconds half-even to microseconds as the server rounds a typed-in fraction.
 */
final class DateTimeBinary {
    private DateTimeBinary() {}

    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final Parsed POSITIVE_INFINITY = new Parsed(1, null, null, false, null);
    private static final Parsed NEGATIVE_INFINITY = new Parsed(-1, null, null, false, null);

    /** The binary value of a date/time type as the text parser would have read its text. */
    static Parsed parse(int oid, byte[] b, int off, int len) throws SQLException {
        switch (oid) {
            case Oids.DATE: {
                int days = BinaryValues.int4(oid, b, off, len);
                if (days == Integer.MAX_VALUE) return POSITIVE_INFINITY;
                if (days == Integer.MIN_VALUE) return NEGATIVE_INFINITY;
                return new Parsed(0, date(days), null, false, null);
            }
            case Oids.TIME: {
                long micros = time(oid, BinaryValues.int8(oid, b, off, len), len);
                return new Parsed(0, null, localTime(micros), micros == MICROS_PER_DAY, null);
            }
            case Oids.TIMETZ: {
                if (len != 12) throw CodecErrors.badBinary(oid, len);
                long micros = time(oid, ByteReader.getLong(b, off), len);
                ZoneOffset offset = offset(oid, ByteReader.getInt(b, off + 8), len);
                return new Parsed(0, null, localTime(micros), micros == MICROS_PER_DAY, offset);
            }
            case Oids.TIMESTAMP, Oids.TIMESTAMPTZ: {
                long micros = BinaryValues.int8(oid, b, off, len);
                if (micros == Long.MAX_VALUE) return POSITIVE_INFINITY;
                if (micros == Long.MIN_VALUE) return NEGATIVE_INFINITY;
                LocalDateTime t = localDateTime(micros);
                return new Parsed(0, t.toLocalDate(), t.toLocalTime(), false, oid == Oids.TIMESTAMPTZ ? ZoneOffset.UTC : null);
            }
            default:
                throw CodecErrors.binaryNotSupported(oid);
        }
    }

    /** The server's text output of the value; {@code timestamptz} in {@code zone}. */
    static String toText(int oid, byte[] b, int off, int len, ZoneId zone) throws SQLException {
        Parsed p = parse(oid, b, off, len);
        if (p.infinity() != 0) return p.infinity() > 0 ? "infinity" : "-infinity";
        StringBuilder sb = new StringBuilder(40);
        switch (oid) {
            case Oids.DATE -> DateTimeFormat.appendEra(DateTimeFormat.appendDate(sb, p.date()), p.date());
            case Oids.TIME -> appendTime(sb, p);
            case Oids.TIMETZ -> DateTimeFormat.appendOffset(appendTime(sb, p), p.offset());
            case Oids.TIMESTAMP -> {
                DateTimeFormat.appendTime(DateTimeFormat.appendDate(sb, p.date()).append(' '), p.time());
                DateTimeFormat.appendEra(sb, p.date());
            }
            default -> {
                Instant instant = p.date().atTime(p.time()).toInstant(ZoneOffset.UTC);
                ZoneOffset offset = zone.getRules().getOffset(instant);
                LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
                DateTimeFormat.appendTime(DateTimeFormat.appendDate(sb, local.toLocalDate()).append(' '), local.toLocalTime());
                DateTimeFormat.appendEra(DateTimeFormat.appendOffset(sb, offset), local.toLocalDate());
            }
        }
        return sb.toString();
    }

    // ---- encoding -------------------------------------------------------------------------

    /** {@code date}, or null when beyond the int32 range of days. */
    static byte[] date(LocalDate d) {
        if (d.equals(LocalDate.MAX)) return int4(Integer.MAX_VALUE);
        if (d.equals(LocalDate.MIN)) return int4(Integer.MIN_VALUE);
        long days = d.toEpochDay() - PG_EPOCH_DAY;
        if (days >= Integer.MAX_VALUE || days <= Integer.MIN_VALUE) return null;
        return int4((int) days);
    }

    /** {@code time}; a value that rounds up past the last microsecond is {@code 24:00:00}. */
    static byte[] time(LocalTime t) {
        return int8(micros(t));
    }

    static byte[] timeWithOffset(OffsetTime t) {
        byte[] b = new byte[12];
        long micros = micros(t.toLocalTime());
        int west = -t.getOffset().getTotalSeconds();
        for (int i = 0; i < 8; i++) b[i] = (byte) (micros >>> (56 - 8 * i));
        for (int i = 0; i < 4; i++) b[8 + i] = (byte) (west >>> (24 - 8 * i));
        return b;
    }

    /** {@code timestamp}, or null when beyond the int64 range of microseconds. */
    static byte[] timestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) return int8(Long.MAX_VALUE);
        if (t.equals(LocalDateTime.MIN)) return int8(Long.MIN_VALUE);
        return micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
    }

    /** {@code timestamptz}, or null when beyond the int64 range of microseconds. */
    static byte[] timestampWithOffset(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) return int8(Long.MAX_VALUE);
        if (t.equals(OffsetDateTime.MIN)) return int8(Long.MIN_VALUE);
        return micros(t.toEpochSecond(), t.getNano());
    }

    /** {@code timestamptz}, or null when beyond the int64 range of microseconds. */
    static byte[] timestampWithOffset(Instant t) {
        if (t.equals(Instant.MAX)) return int8(Long.MAX_VALUE);
        if (t.equals(Instant.MIN)) return int8(Long.MIN_VALUE);
        return micros(t.getEpochSecond(), t.getNano());
    }

    /** Nanoseconds rounded half-even to microseconds. */
    static long roundNanos(long nanos) {
        long micros = nanos / 1000;
        long rest = nanos % 1000;
        if (rest > 500 || rest == 500 && (micros & 1) == 1) micros++;
        return micros;
    }

    private static long micros(LocalTime t) {
        return roundNanos(t.toNanoOfDay());
    }

    private static byte[] micros(long epochSecond, int nano) {
        try {
            long micros = Math.addExact(Math.multiplyExact(epochSecond - PG_EPOCH_SECOND, 1_000_000L), roundNanos(nano));
            return micros == Long.MAX_VALUE || micros == Long.MIN_VALUE ? null : int8(micros);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static LocalDate date(int days) {
        return LocalDate.ofEpochDay(PG_EPOCH_DAY + days);
    }

    private static LocalTime localTime(long micros) {
        return micros == MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    private static LocalDateTime localDateTime(long micros) {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long ofDay = Math.floorMod(micros, MICROS_PER_DAY);
        return LocalDateTime.of(LocalDate.ofEpochDay(PG_EPOCH_DAY + days), LocalTime.ofNanoOfDay(ofDay * 1000));
    }

    private static long time(int oid, long micros, int len) throws SQLException {
        if (micros < 0 || micros > MICROS_PER_DAY) throw CodecErrors.badBinary(oid, len);
        return micros;
    }

    private static ZoneOffset offset(int oid, int secondsWest, int len) throws SQLException {
        // not Math.abs: it stays negative for Integer.MIN_VALUE
        if (secondsWest < -18 * 3600 || secondsWest > 18 * 3600) throw CodecErrors.badBinary(oid, len);
        return ZoneOffset.ofTotalSeconds(-secondsWest);
    }

    private static StringBuilder appendTime(StringBuilder sb, Parsed p) {
        return p.endOfDay() ? sb.append("24:00:00") : DateTimeFormat.appendTime(sb, p.time());
    }

    private static byte[] int4(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] int8(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }
}
