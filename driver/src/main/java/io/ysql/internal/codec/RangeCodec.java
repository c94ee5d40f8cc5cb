package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.types.Multirange;
import io.ysql.types.Range;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in range types and their multiranges, read into {@link Range} and {@link Multirange}
 * with bounds decoded through the element type ({@code Integer}, {@code Long}, {@code
 * BigDecimal}, {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, the cursor API's
 * classes, for JDBC too). Binary ranges are a flags byte then each present bound as an int32
 * length and the element's binary value; a binary multirange is an int32 count of such ranges,
 * each behind its int32 length. Ranges are sent as text typed after the class of their bounds
 * ({@code Integer} → {@code int4range} …), untyped when no bound tells (empty or {@code (,)}).
 */
final class RangeCodec implements TypeCodec, ValueEncoder {
    static final RangeCodec INSTANCE = new RangeCodec();

    static final int INT4RANGE = 3904;
    static final int NUMRANGE = 3906;
    static final int TSRANGE = 3908;
    static final int TSTZRANGE = 3910;
    static final int DATERANGE = 3912;
    static final int INT8RANGE = 3926;
    static final int INT4MULTIRANGE = 4451;
    static final int NUMMULTIRANGE = 4532;
    static final int TSMULTIRANGE = 4533;
    static final int TSTZMULTIRANGE = 4534;
    static final int DATEMULTIRANGE = 4535;
    static final int INT8MULTIRANGE = 4536;

    private static final int EMPTY = 0x01;
    private static final int LB_INC = 0x02;
    private static final int UB_INC = 0x04;
    private static final int LB_INF = 0x08;
    private static final int UB_INF = 0x10;

    private RangeCodec() {}

    /** The element type of a range type, or of the range type of a multirange type. */
    static int elementOid(int oid) {
        return switch (oid) {
            case INT4RANGE, INT4MULTIRANGE -> Oids.INT4;
            case INT8RANGE, INT8MULTIRANGE -> Oids.INT8;
            case NUMRANGE, NUMMULTIRANGE -> Oids.NUMERIC;
            case DATERANGE, DATEMULTIRANGE -> Oids.DATE;
            case TSRANGE, TSMULTIRANGE -> Oids.TIMESTAMP;
            case TSTZRANGE, TSTZMULTIRANGE -> Oids.TIMESTAMPTZ;
            default -> Oids.UNSPECIFIED;
        };
    }

    /** The element type of a built-in range type, or the subtype of one the connection learned. */
    private static int element(int oid, CodecContext ctx) {
        int element = elementOid(oid);
        if (element != Oids.UNSPECIFIED) return element;
        LearnedType learned = ctx.learned(oid);
        return learned != null && learned.rangeSubtype() != 0 ? learned.rangeSubtype() : Oids.UNSPECIFIED;
    }

    private static boolean isMultirange(int oid) {
        return oid == INT4MULTIRANGE || (oid >= NUMMULTIRANGE && oid <= INT8MULTIRANGE);
    }

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return read(oid, format, b, off, len, new ValueDecoder(ctx), false);
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return read(oid, FormatCode.BINARY, b, off, len, new ValueDecoder(ctx), true).toString();
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        if (target != Range.class && target != Multirange.class) return null;
        Object v = decode(oid, format, b, off, len, ctx);
        return target.isInstance(v) ? v : null;
    }

    /** The value with bounds as element values, or as the element's text when {@code asText}. */
    private static Object read(int oid, int format, byte[] b, int off, int len, ValueDecoder d, boolean asText)
            throws SQLException {
        int element = element(oid, d.context());
        if (format == FormatCode.TEXT) {
            String s = Text.utf8(b, off, len);
            Range.BoundParser<Object> bounds = text -> bound(d, element, FormatCode.TEXT,
                text.getBytes(StandardCharsets.UTF_8), asText);
            return isMultirange(oid) ? Multirange.parse(s, bounds) : Range.parse(s, bounds);
        }
        if (!isMultirange(oid)) return range(oid, element, b, off, len, d, asText);
        if (len < 4) throw CodecErrors.badBinary(oid, len);
        int n = ByteReader.getInt(b, off);
        if (n < 0 || n > (len - 4) / 5) throw CodecErrors.badBinary(oid, len);
        List<Range<Object>> ranges = new ArrayList<>(n);
        int at = off + 4;
        int end = off + len;
        for (int i = 0; i < n; i++) {
            int rlen = at + 4 <= end ? ByteReader.getInt(b, at) : -1;
            if (rlen < 1 || rlen > end - at - 4) throw CodecErrors.badBinary(oid, len);
            ranges.add(range(oid, element, b, at + 4, rlen, d, asText));
            at += 4 + rlen;
        }
        if (at != end) throw CodecErrors.badBinary(oid, len);
        return Multirange.of(ranges);
    }

    private static Range<Object> range(int oid, int element, byte[] b, int off, int len, ValueDecoder d,
                                           boolean asText) throws SQLException {
        if (len < 1) throw CodecErrors.badBinary(oid, len);
        int flags = b[off];
        if ((flags & EMPTY) != 0) return Range.empty();
        int at = off + 1;
        int end = off + len;
        Object lower = null;
        Object upper = null;
        for (int side = 0; side < 2; side++) {
            if ((flags & (side == 0 ? LB_INF : UB_INF)) != 0) continue;
            int blen = at + 4 <= end ? ByteReader.getInt(b, at) : -1;
            if (blen < 0 || blen > end - at - 4) throw CodecErrors.badBinary(oid, len);
            Object v = asText ? d.getString(element, FormatCode.BINARY, b, at + 4, blen)
                : d.getModernObject(element, FormatCode.BINARY, b, at + 4, blen);
            if (side == 0) lower = v; else upper = v;
            at += 4 + blen;
        }
        if (at != end) throw CodecErrors.badBinary(oid, len);
        return Range.of(lower, (flags & LB_INC) != 0, upper, (flags & UB_INC) != 0);
    }

    private static Object bound(ValueDecoder d, int element, int format, byte[] text, boolean asText)
            throws SQLException {
        if (asText) return new String(text, StandardCharsets.UTF_8);
        return d.getModernObject(element, format, text, 0, text.length);
    }

    // ---- parameters -------------------------------------------------------------------------

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) throws SQLException {
        if (x instanceof Range<?> r) {
            int rangeOid = rangeOidOf(r);
            return ParameterEncoder.text(rangeOid, spelled(r).toString());
        }
        if (x instanceof Multirange<?> m) {
            int rangeOid = Oids.UNSPECIFIED;
            List<Range<String>> ranges = new ArrayList<>();
            for (Range<?> r : m.ranges()) {
                if (rangeOid == Oids.UNSPECIFIED) rangeOid = rangeOidOf(r);
                ranges.add(spelled(r));
            }
            return ParameterEncoder.text(multirangeOf(rangeOid), Multirange.of(ranges).toString());
        }
        return null;
    }

    private static int multirangeOf(int rangeOid) {
        return switch (rangeOid) {
            case INT4RANGE -> INT4MULTIRANGE;
            case INT8RANGE -> INT8MULTIRANGE;
            case NUMRANGE -> NUMMULTIRANGE;
            case DATERANGE -> DATEMULTIRANGE;
            case TSRANGE -> TSMULTIRANGE;
            case TSTZRANGE -> TSTZMULTIRANGE;
            default -> Oids.UNSPECIFIED;
        };
    }

    /** The range type for the class of the bounds; unspecified if no bound or a class without a built-in range. */
    private static int rangeOidOf(Range<?> r) {
        Object v = r.lower() != null ? r.lower() : r.upper();
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return INT4RANGE;
        if (v instanceof Long) return INT8RANGE;
        if (v instanceof BigDecimal || v instanceof BigInteger) return NUMRANGE;
        if (v instanceof LocalDate) return DATERANGE;
        if (v instanceof LocalDateTime) return TSRANGE;
        if (v instanceof OffsetDateTime || v instanceof Instant || v instanceof ZonedDateTime) return TSTZRANGE;
        return Oids.UNSPECIFIED;
    }

    /** The range with each bound in the spelling the driver sends values of its class with. */
    private static Range<String> spelled(Range<?> r) throws SQLException {
        if (r.isEmpty()) return Range.empty();
        return Range.of(spell(r.lower()), r.isLowerInclusive(), spell(r.upper()), r.isUpperInclusive());
    }

    private static String spell(Object v) throws SQLException {
        if (v == null) return null;
        if (v instanceof LocalDate d) return DateTimeFormat.date(d);
        if (v instanceof LocalDateTime t) return DateTimeFormat.timestamp(t);
        if (v instanceof OffsetDateTime t) return DateTimeFormat.timestampWithOffset(t);
        if (v instanceof ZonedDateTime t) return DateTimeFormat.timestampWithOffset(t.toOffsetDateTime());
        if (v instanceof Instant i) return DateTimeFormat.timestampWithOffset(i);
        return v.toString();
    }
}
