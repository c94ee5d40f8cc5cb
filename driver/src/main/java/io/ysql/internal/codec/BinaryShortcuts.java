package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Direct decodings of the binary values that big reads meet on every row, without the
 * intermediate objects of the general path: a {@code numeric} whose unscaled value fits a {@code
 * long} becomes one compact {@link BigDecimal}; a {@code timestamptz} becomes a {@link Timestamp}
 * straight from its microseconds, or an {@link OffsetDateTime} from its date and time of day.
 * Each method returns {@code null} for anything it does not take (special values, out of its
 * range, malformed bytes), and the caller then takes the general path, which gives the same value
 * or the error; so these shortcuts never change a result, only its cost.
 */
final class BinaryShortcuts {
    private static final int NUMERIC_HEADER = 8;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** 2000-01-01T00:00Z, the zero of the server's timestamps, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final long PG_EPOCH_DAY = 10_957;
    /** 1582-10-18T00:00Z: before it, java.sql's hybrid calendar needs the general path. */
    private static final long GREGORIAN_MILLIS = -12_219_120_000_000L + 86_400_000L;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++, p *= 10) POWERS_OF_TEN[i] = p;
    }

    private BinaryShortcuts() {}

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
        long epochMicros = epochMicros(b, off, len);
        if (epochMicros == Long.MIN_VALUE) return null;
        long millis = Math.floorDiv(epochMicros, 1000);
        if (millis < GREGORIAN_MILLIS) return null;
        Timestamp ts = new Timestamp(millis);
        ts.setNanos((int) Math.floorMod(epochMicros, 1_000_000L) * 1000);
        return ts;
    }

    /** A binary {@code timestamptz} as an OffsetDateTime in UTC, else null. */
    static OffsetDateTime offsetDateTime(byte[] b, int off, int len) {
        if (len != 8) return null;
        long micros = ByteReader.getLong(b, off);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) return null; // infinity
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long ofDay = Math.floorMod(micros, MICROS_PER_DAY);
        return OffsetDateTime.of(LocalDateTime.of(LocalDate.ofEpochDay(PG_EPOCH_DAY + days),
                LocalTime.ofNanoOfDay(ofDay * 1000)), ZoneOffset.UTC);
    }

    /** Microseconds since 1970 of a binary {@code timestamptz}, or Long.MIN_VALUE when it is not a finite one. */
    private static long epochMicros(byte[] b, int off, int len) {
        if (len != 8) return Long.MIN_VALUE;
        long micros = ByteReader.getLong(b, off);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) return Long.MIN_VALUE; // infinity
        long sum = micros + PG_EPOCH_MICROS;
        return ((micros ^ sum) & (PG_EPOCH_MICROS ^ sum)) < 0 ? Long.MIN_VALUE : sum; // overflow
    }
}
