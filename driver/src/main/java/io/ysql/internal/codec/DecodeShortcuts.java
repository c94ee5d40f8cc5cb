package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Direct decodings of values that big reads meet on every row, without the intermediate
 * objects of the general path: a {@code numeric} whose unscaled value fits a {@code
 * long} becomes one compact {@link BigDecimal}; a {@code timestamptz}, binary or in the ISO text
 * the server prints, becomes a {@link Timestamp} or an {@link OffsetDateTime} straight from its
 * microseconds since 1970. Each method returns {@code null} for anything it does not take (special values, out of its
 * range, malformed bytes), and the caller then takes the general path, which gives the same value
 * or the error; so these shortcuts never change a result, only its cost.
 */
final class DecodeShortcuts {
    private static final int NUMERIC_HEADER = 8;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    /** 2000-01-01T00:00Z, the zero of the server's timestamps, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    /** 1582-10-18T00:00Z: before it, java.sql's hybrid calendar needs the general path. */
    private static final long GREGORIAN_MILLIS = -12_219_120_000_000L + 86_400_000L;
    private static final long[] POWERS_OF_TEN = new long[19];
    /** No value: the shortcut does not apply. */
    private static final long NONE = Long.MIN_VALUE;

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++, p *= 10) POWERS_OF_TEN[i] = p;
    }

    private DecodeShortcuts() {}

    /** A binary {@code numeric} of at most 4 base-10000 digits whose unscaled value fits a long, else null. */
    static BigDecimal numeric(byte[] b, int off, int len) {
        if (len < NUMERIC_HEADER) return null;
        int ndigits = ByteReader.getShort(b, off);
        int weight = ByteReader.getShort(b, off + 2);
        int sign = ByteReader.getShort(b, off + 4) & 0xFFFF;
        int dscale = ByteReader.getShort(b, off + 6);
        if (ndigits < 0 || ndigits > 4 || dscale < 0 || len != NUMERIC_HEADER + 2 * ndigits
                || (sign != 0 && sign != NUMERIC_NEGATIVE)) {
            return null;
        }
        long v = 0;
        for (int i = 0, at = off + NUMERIC_HEADER; i < ndigits; i++, at += 2) {
            int d = ByteReader.getShort(b, at);
            if (d < 0 || d > 9999) return null;
            v = v * 10_000 + d;
        }
        if (v != 0) {
            // the last digit stands for 10000^(weight - ndigits + 1); the unscaled value has dscale fraction digits
            int e = 4 * (weight - ndigits + 1) + dscale;
            if (e >= 0) {
                if (e >= POWERS_OF_TEN.length) return null;
                long p = POWERS_OF_TEN[e];
                if (v > Long.MAX_VALUE / p) return null;
                v *= p;
            } else {
                if (-e >= POWERS_OF_TEN.length) return null;
                long p = POWERS_OF_TEN[-e];
                if (v % p != 0) return null;
                v /= p;
            }
        }
        return BigDecimal.valueOf(sign == NUMERIC_NEGATIVE ? -v : v, dscale);
    }

    /** A binary {@code timestamptz} from the Gregorian era on, as a Timestamp, else null. */
    static Timestamp timestamptz(byte[] b, int off, int len) {
        return timestamp(binaryEpochMicros(b, off, len));
    }

    /** A binary {@code timestamptz} as an OffsetDateTime in UTC, else null. */
    static OffsetDateTime offsetDateTime(byte[] b, int off, int len) {
        return offsetDateTime(binaryEpochMicros(b, off, len));
    }

    /** A {@code timestamptz} in ISO text from the Gregorian era on, as a Timestamp, else null. */
    static Timestamp timestamptzText(byte[] b, int off, int len) {
        return timestamp(textEpochMicros(b, off, len));
    }

    /** A {@code timestamptz} in ISO text as an OffsetDateTime in UTC, else null. */
    static OffsetDateTime offsetDateTimeText(byte[] b, int off, int len) {
        return offsetDateTime(textEpochMicros(b, off, len));
    }

    private static Timestamp timestamp(long epochMicros) {
        if (epochMicros == NONE) return null;
        long millis = Math.floorDiv(epochMicros, 1000);
        if (millis < GREGORIAN_MILLIS) return null;
        Timestamp ts = new Timestamp(millis);
        ts.setNanos((int) Math.floorMod(epochMicros, 1_000_000L) * 1000);
        return ts;
    }

    private static OffsetDateTime offsetDateTime(long epochMicros) {
        if (epochMicros == NONE) return null;
        LocalDateTime utc = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                (int) Math.floorMod(epochMicros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return OffsetDateTime.of(utc, ZoneOffset.UTC);
    }

    /** Microseconds since 1970 of a binary {@code timestamptz}, or {@link #NONE} when it is not a finite one. */
    private static long binaryEpochMicros(byte[] b, int off, int len) {
        if (len != 8) return NONE;
        long micros = ByteReader.getLong(b, off);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) return NONE; // infinity
        long sum = micros + PG_EPOCH_MICROS;
        return ((micros ^ sum) & (PG_EPOCH_MICROS ^ sum)) < 0 ? NONE : sum; // overflow
    }

    /**
     * Microseconds since 1970 of ISO text {@code yyyy-mm-dd hh:mm:ss[.f{1,6}]±hh[:mm[:ss]]} with
     * a four-digit year, as the server prints a {@code timestamptz} with DateStyle ISO; {@link
     * #NONE} for any other spelling (BC, longer years, infinity), left to the general parser.
     */
    private static long textEpochMicros(byte[] b, int off, int len) {
        if (len < 22) return NONE;
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || b[off + 4] != '-' || b[off + 7] != '-'
                || b[off + 10] != ' ' || b[off + 13] != ':' || b[off + 16] != ':') {
            return NONE;
        }
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return NONE;
        }
        int p = off + 19;
        int end = off + len;
        int micros = 0;
        if (b[p] == '.') {
            int scale = 100_000;
            for (p++; p < end && b[p] >= '0' && b[p] <= '9'; p++) {
                if (scale == 0) return NONE;
                micros += (b[p] - '0') * scale;
                scale /= 10;
            }
            if (scale == 100_000) return NONE;
        }
        if (end - p < 3 || (b[p] != '+' && b[p] != '-')) return NONE;
        int sign = b[p] == '-' ? -1 : 1;
        int offsetSeconds = digits(b, p + 1, 2) * 3600;
        p += 3;
        for (int unit = 60; p < end && unit > 0; unit /= 60) {
            if (end - p < 3 || b[p] != ':') return NONE;
            int v = digits(b, p + 1, 2);
            if (v < 0 || v > 59) return NONE;
            offsetSeconds += v * unit;
            p += 3;
        }
        if (p != end || offsetSeconds < 0 || offsetSeconds > 18 * 3600) return NONE;
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86_400 + hour * 3600 + minute * 60 + second - sign * offsetSeconds;
        return epochSecond * 1_000_000L + micros;
    }

    /** The value of {@code n} ASCII digits at {@code at}, or -1 when one is not a digit. */
    private static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = b[at + i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }
}
