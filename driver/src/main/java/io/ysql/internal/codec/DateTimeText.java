package io.ysql.internal.codec;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Parses the server's ISO output of {@code date}, {@code time}, {@code timetz}, {@code timestamp}
 * and {@code timestamptz} ({@code DateStyle=ISO}): {@code 2024-01-15}, {@code 13:45:10.123456},
 * {@code 13:45:10+05:30}, {@code 2024-01-15 13:45:10.5-08}, {@code 0044-03-15 12:00:00+00:53:28 BC},
 * {@code infinity}, {@code -infinity}; also {@code T} between date and time, {@code Z} as an
 * offset and up to nine fraction digits, for ISO strings kept in text columns
 * (<a href="https://www.postgresql.org/docs/current/datatype-datetime.html#DATATYPE-DATETIME-OUTPUT">Date/Time
 * Output</a>). Reads the bytes directly; bad syntax raises 22007, impossible fields 22008.
 */
final class DateTimeText {
    private DateTimeText() {}

    /**
     * One parsed value. Any of date, time and offset may be absent (null); {@code infinity} is +1
     * or -1 for {@code infinity}/{@code -infinity} (then all else is null), 0 otherwise; {@code
     * endOfDay} marks a time of {@code 24:00:00}, which {@code time} holds as {@link LocalTime#MAX}.
     */
    record Parsed(int infinity, LocalDate date, LocalTime time, boolean endOfDay, ZoneOffset offset) {}

    private static final Parsed POSITIVE_INFINITY = new Parsed(1, null, null, false, null);
    private static final Parsed NEGATIVE_INFINITY = new Parsed(-1, null, null, false, null);

    static Parsed parse(String typeName, byte[] b, int off, int len) throws SQLException {
        Cursor c = new Cursor(b, off, off + len);
        c.skipSpaces();
        c.trimEnd();
        if (c.rest("infinity") || c.rest("+infinity")) return POSITIVE_INFINITY;
        if (c.rest("-infinity")) return NEGATIVE_INFINITY;
        try {
            return parse(c);
        } catch (IllegalArgumentException e) {
            throw CodecErrors.badDateTime(typeName, b, off, len);
        } catch (DateTimeException e) {
            throw CodecErrors.dateTimeOutOfRange("value \"" + Text.utf8(b, off, Math.min(len, 60)) + "\"", e);
        }
    }

    private static Parsed parse(Cursor c) {
        int year = 0;
        int month = 0;
        int day = 0;
        boolean hasDate = false;
        int begin = c.pos;
        int first = c.digits(1, 9);
        if (c.peek() == '-') {
            hasDate = true;
            year = first;
            c.expect('-');
            month = c.digits(1, 2);
            c.expect('-');
            day = c.digits(1, 2);
            if (c.peek() == ' ' || c.peek() == 'T') {
                c.pos++;
                c.skipSpaces();
            }
        } else {
            c.pos = begin; // a time: re-read the hour
        }
        LocalTime time = null;
        boolean endOfDay = false;
        ZoneOffset offset = null;
        if (isDigit(c.peek())) {
            int hour = c.digits(1, 2);
            c.expect(':');
            int minute = c.digits(2, 2);
            int second = 0;
            int nanos = 0;
            if (c.peek() == ':') {
                c.pos++;
                second = c.digits(2, 2);
                if (c.peek() == '.') {
                    c.pos++;
                    nanos = c.fraction();
                }
            }
            endOfDay = hour == 24 && minute == 0 && second == 0 && nanos == 0;
            time = endOfDay ? LocalTime.MAX : LocalTime.of(hour, minute, second, nanos);
            offset = offset(c);
        } else if (!hasDate) {
            throw new IllegalArgumentException("neither date nor time");
        }
        c.skipSpaces();
        boolean bc = false;
        if (hasDate && c.rest("BC")) {
            bc = true;
            c.pos = c.end;
        } else if (hasDate && c.rest("AD")) {
            c.pos = c.end;
        }
        if (c.pos != c.end) throw new IllegalArgumentException("trailing characters");
        if (bc && year == 0) throw new IllegalArgumentException("no year 0 BC");
        LocalDate date = hasDate ? LocalDate.of(bc ? 1 - year : year, month, day) : null;
        return new Parsed(0, date, time, endOfDay, offset);
    }

    /** An offset after the time: {@code Z}, {@code +05}, {@code -08:00}, {@code +05:30:15}. */
    private static ZoneOffset offset(Cursor c) {
        c.skipSpaces();
        int sign = c.peek();
        if (sign == 'Z') {
            c.pos++;
            return ZoneOffset.UTC;
        }
        if (sign != '+' && sign != '-') return null;
        c.pos++;
        int hours = c.digits(1, 2);
        int minutes = 0;
        int seconds = 0;
        if (c.peek() == ':') {
            c.pos++;
            minutes = c.digits(2, 2);
            if (c.peek() == ':') {
                c.pos++;
                seconds = c.digits(2, 2);
            }
        }
        int total = hours * 3600 + minutes * 60 + seconds;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    }

    private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

    /** A position in the slice being parsed. */
    private static final class Cursor {
        final byte[] b;
        int end;
        int pos;

        Cursor(byte[] b, int start, int end) {
            this.b = b;
            this.pos = start;
            this.end = end;
        }

        int peek() { return pos < end ? b[pos] : -1; }

        void skipSpaces() {
            while (pos < end && b[pos] == ' ') pos++;
        }

        void trimEnd() {
            while (end > pos && b[end - 1] == ' ') end--;
        }

        /** Whether the rest of the slice is exactly {@code s}. */
        boolean rest(String s) { return Text.equalsAscii(b, pos, end - pos, s); }

        void expect(char ch) {
            if (peek() != ch) throw new IllegalArgumentException("expected " + ch);
            pos++;
        }

        int digits(int min, int max) {
            int v = 0;
            int n = 0;
            while (n < max && isDigit(peek())) {
                v = v * 10 + (b[pos++] - '0');
                n++;
            }
            if (n < min || isDigit(peek())) throw new IllegalArgumentException("bad number");
            return v;
        }

        /** Up to nine fraction digits as nanoseconds. */
        int fraction() {
            int v = 0;
            int n = 0;
            while (isDigit(peek())) {
                if (n == 9) throw new IllegalArgumentException("too many fraction digits");
                v = v * 10 + (b[pos++] - '0');
                n++;
            }
            if (n == 0) throw new IllegalArgumentException("empty fraction");
            for (int i = n; i < 9; i++) v *= 10;
            return v;
        }
    }
}
