package io.ysql.types;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of ranges and multiranges as the server's {@code range_out} and {@code range_in}
 * define it: {@code empty}, or a bracket, two bounds separated by a comma (an absent bound is
 * unbounded) and a bracket; a bound containing a quote, backslash, bracket, comma or white space,
 * or empty, is quoted, with quotes and backslashes doubled. On reading, a backslash escapes the
 * next character and a doubled quote inside quotes is a quote. Bounds print in the server's
 * spelling for the element classes the driver reads ({@code 2024-01-31 10:00:00} for a
 * timestamp), others by {@code toString()}.
 */
final class RangeText {
    private RangeText() {}

    // ---- printing ---------------------------------------------------------------------------

    static StringBuilder format(Range<?> r, StringBuilder sb) {
        if (r.isEmpty()) return sb.append("empty");
        sb.append(r.isLowerInclusive() ? '[' : '(');
        if (r.lower() != null) bound(sb, spell(r.lower()));
        sb.append(',');
        if (r.upper() != null) bound(sb, spell(r.upper()));
        return sb.append(r.isUpperInclusive() ? ']' : ')');
    }

    private static void bound(StringBuilder sb, String v) {
        boolean quote = v.isEmpty();
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == '[' || c == ']' || c == ','
                || Character.isWhitespace(c);
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') sb.append(c);
            sb.append(c);
        }
        sb.append('"');
    }

    /** A bound as the server prints a value of its type. */
    static String spell(Object v) {
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof LocalDate d) {
            StringBuilder sb = date(new StringBuilder(), d);
            return d.getYear() <= 0 && !d.equals(LocalDate.MIN) ? sb.append(" BC").toString() : sb.toString();
        }
        if (v instanceof LocalDateTime t) return timestamp(new StringBuilder(), t).toString();
        if (v instanceof OffsetDateTime t) {
            if (t.equals(OffsetDateTime.MAX)) return "infinity";
            if (t.equals(OffsetDateTime.MIN)) return "-infinity";
            return offset(timestamp(new StringBuilder(), t.toLocalDateTime()), t.getOffset()).toString();
        }
        if (v instanceof Instant i) return spell(i.atOffset(ZoneOffset.UTC));
        return v.toString();
    }

    private static StringBuilder date(StringBuilder sb, LocalDate d) {
        if (d.equals(LocalDate.MAX)) return sb.append("infinity");
        if (d.equals(LocalDate.MIN)) return sb.append("-infinity");
        int year = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
        String y = Integer.toString(year);
        sb.append("0000", 0, Math.max(0, 4 - y.length())).append(y).append('-');
        two(sb, d.getMonthValue()).append('-');
        return two(sb, d.getDayOfMonth());
    }

    private static StringBuilder timestamp(StringBuilder sb, LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) return sb.append("infinity");
        if (t.equals(LocalDateTime.MIN)) return sb.append("-infinity");
        boolean bc = t.getYear() <= 0;
        date(sb, t.toLocalDate()).append(' ');
        LocalTime time = t.toLocalTime();
        two(sb, time.getHour()).append(':');
        two(sb, time.getMinute()).append(':');
        two(sb, time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            String f = Integer.toString(1_000_000 + micros).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') end--;
            sb.append('.').append(f, 0, end);
        }
        return bc ? sb.append(" BC") : sb;
    }

    private static StringBuilder offset(StringBuilder sb, ZoneOffset o) {
        int s = o.getTotalSeconds();
        sb.append(s < 0 ? '-' : '+');
        s = Math.abs(s);
        two(sb, s / 3600);
        if (s % 3600 != 0) two(sb.append(':'), s / 60 % 60);
        if (s % 60 != 0) two(sb.append(':'), s % 60);
        return sb;
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        return sb.append(v);
    }

    // ---- reading ----------------------------------------------------------------------------

    static <T> Range<T> parseRange(String text, Range.BoundParser<T> bounds)
            throws SQLException {
        Reader r = new Reader(text);
        Range<T> range = r.range(bounds);
        r.skipSpace();
        if (!r.atEnd()) throw bad("range", text);
        return range;
    }

    static <T> Multirange<T> parseMultirange(String text, Range.BoundParser<T> bounds)
            throws SQLException {
        Reader r = new Reader(text);
        r.skipSpace();
        r.expect('{', "multirange");
        List<Range<T>> ranges = new ArrayList<>();
        r.skipSpace();
        if (r.peek() == '}') {
            r.pos++;
        } else {
            while (true) {
                ranges.add(r.range(bounds));
                r.skipSpace();
                char c = r.next("multirange");
                if (c == '}') break;
                if (c != ',') throw bad("multirange", text);
            }
        }
        r.skipSpace();
        if (!r.atEnd()) throw bad("multirange", text);
        return Multirange.of(ranges);
    }

    static SQLException bad(String typeName, String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 60) + "...";
        return SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed " + typeName + " literal: \"" + shown + "\"");
    }

    /** A cursor over the text. */
    private static final class Reader {
        final String s;
        int pos;

        Reader(String s) {
            this.s = s;
        }

        boolean atEnd() { return pos >= s.length(); }

        char peek() { return atEnd() ? '\0' : s.charAt(pos); }

        char next(String typeName) throws SQLException {
            if (atEnd()) throw bad(typeName, s);
            return s.charAt(pos++);
        }

        void expect(char c, String typeName) throws SQLException {
            if (next(typeName) != c) throw bad(typeName, s);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        <T> Range<T> range(Range.BoundParser<T> bounds) throws SQLException {
            skipSpace();
            if (s.regionMatches(true, pos, "empty", 0, 5)) {
                pos += 5;
                return Range.empty();
            }
            char open = next("range");
            if (open != '[' && open != '(') throw bad("range", s);
            String lower = bound();
            expect(',', "range");
            String upper = bound();
            char close = next("range");
            if (close != ']' && close != ')') throw bad("range", s);
            T lo = lower == null ? null : bounds.parse(lower);
            T hi = upper == null ? null : bounds.parse(upper);
            return Range.of(lo, open == '[', hi, close == ']');
        }

        /** One bound's text, or null for an absent (unbounded) one. */
        private String bound() throws SQLException {
            StringBuilder out = new StringBuilder();
            boolean quoted = false;
            boolean inQuotes = false;
            while (true) {
                if (atEnd()) throw bad("range", s);
                char c = s.charAt(pos);
                if (!inQuotes && (c == ',' || c == ')' || c == ']')) break;
                pos++;
                if (c == '\\') {
                    out.append(next("range"));
                } else if (c == '"') {
                    if (inQuotes && peek() == '"') {
                        out.append('"');
                        pos++;
                    } else {
                        inQuotes = !inQuotes;
                        quoted = true;
                    }
                } else {
                    out.append(c);
                }
            }
            return out.length() == 0 && !quoted ? null : out.toString();
        }
    }
}
