package io.ysql.internal.codec;

import io.ysql.internal.codec.DateTimeText.Parsed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Turns one column value, as a slice {@code b[off, off+len)} of a DataRow in text or binary
 * format, into the Java value a getter asks for, with pgjdbc's conversions. Callers handle SQL
 * NULL (length -1) before calling. Integers, short decimals and the server's booleans are read
 * from the bytes without an intermediate string; text is UTF-8. Binary {@code numeric} and
 * date/time values are read straight into {@code BigDecimal} and {@code java.time} values; any
 * other binary value is turned into the server's text spelling first, so every conversion works
 * on both formats. Stateless and thread-safe; errors are {@link SQLException}s with the SQLSTATE the
 * server would use (22P02, 22003, 22007, 22008), 22023 for a conversion that is not offered.
 */
public final class ValueDecoder {
    /** The types each java.time and java.sql class may be read from (besides the textual ones). */
    private static final int[] LOCAL_DATE_FROM = {Oids.DATE, Oids.TIMESTAMP};
    private static final int[] LOCAL_TIME_FROM = {Oids.TIME};
    private static final int[] LOCAL_DATE_TIME_FROM = {Oids.TIMESTAMP};
    private static final int[] OFFSET_DATE_TIME_FROM = {Oids.TIMESTAMPTZ, Oids.TIMESTAMP, Oids.TIMETZ};
    private static final int[] OFFSET_TIME_FROM = {Oids.TIMETZ};
    private static final int[] INSTANT_FROM = {Oids.TIMESTAMPTZ, Oids.TIMESTAMP};
    private static final int[] DATE_FROM = {Oids.DATE, Oids.TIMESTAMP, Oids.TIMESTAMPTZ};
    private static final int[] TIME_FROM = {Oids.TIME, Oids.TIMETZ, Oids.TIMESTAMP, Oids.TIMESTAMPTZ};
    private static final int[] TIMESTAMP_FROM = {Oids.TIMESTAMP, Oids.TIMESTAMPTZ, Oids.DATE, Oids.TIME, Oids.TIMETZ};

    private final CodecContext context;
    private final ObjectMapping objects;

    /** A decoder for built-in types only, with the JVM's zone standing in for the session's. */
    public ValueDecoder() {
        this(CodecContext.BUILT_IN);
    }

    /** A decoder for the connection {@code context} describes. */
    public ValueDecoder(CodecContext context) {
        this.context = context;
        this.objects = new ObjectMapping(this, context);
    }

    /** The connection this decoder reads for. */
    public CodecContext context() { return context; }

    public String getString(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.TEXT) return Text.utf8(b, off, len);
        TypeCodec codec = context.codec(oid);
        return codec != null ? codec.binaryToText(oid, b, off, len, context) : binaryText(oid, b, off, len);
    }

    public boolean getBoolean(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.TEXT) return BoolText.parse(b, off, len);
        if (oid == Oids.BOOL) return BinaryValues.bool(oid, b, off, len);
        if (BinaryValues.isInteger(oid)) {
            long v = BinaryValues.integer(oid, b, off, len);
            return BoolText.fromNumber(v, Long.toString(v));
        }
        return BoolText.parse(getString(oid, format, b, off, len));
    }

    public byte getByte(int oid, int format, byte[] b, int off, int len) throws SQLException {
        return (byte) integral(oid, format, b, off, len, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    public short getShort(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.BINARY && oid == Oids.INT2) return BinaryValues.int2(oid, b, off, len);
        return (short) integral(oid, format, b, off, len, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    public int getInt(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.BINARY && oid == Oids.INT4) return BinaryValues.int4(oid, b, off, len);
        return (int) integral(oid, format, b, off, len, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    public long getLong(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.BINARY && oid == Oids.INT8) return BinaryValues.int8(oid, b, off, len);
        return integral(oid, format, b, off, len, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    public float getFloat(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.BINARY && oid == Oids.FLOAT4) return BinaryValues.float4(oid, b, off, len);
        double d = getDouble(oid, format, b, off, len);
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) throw CodecErrors.outOfRange("float", FloatText.format(d));
        return f;
    }

    public double getDouble(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.BINARY) {
            switch (oid) {
                case Oids.FLOAT8: return BinaryValues.float8(oid, b, off, len);
                case Oids.FLOAT4: return BinaryValues.float4(oid, b, off, len);
                case Oids.INT2, Oids.INT4, Oids.INT8, Oids.OID: return BinaryValues.integer(oid, b, off, len);
                case Oids.NUMERIC: return numericDouble(oid, b, off, len);
                default: break;
            }
        }
        return NumberText.parseDouble(oid, getString(oid, format, b, off, len));
    }

    public BigDecimal getBigDecimal(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.TEXT) return NumberText.parseDecimal(oid, b, off, len);
        BigDecimal quick = oid == Oids.NUMERIC ? DecodeShortcuts.numeric(b, off, len) : null;
        if (quick != null) return quick;
        if (oid == Oids.NUMERIC) return NumericBinary.decode(oid, b, off, len);
        if (BinaryValues.isInteger(oid)) return BigDecimal.valueOf(BinaryValues.integer(oid, b, off, len));
        return NumberText.parseDecimal(oid, getString(oid, format, b, off, len));
    }

    /**
     * The bytes of a {@code bytea} (hex or escape text format, or binary); for any other type the
     * raw bytes of the value as they came (its UTF-8 text, or its binary format), as pgjdbc does.
     */
    public byte[] getBytes(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.TEXT && oid == Oids.BYTEA) return ByteaText.decode(b, off, len);
        return Arrays.copyOfRange(b, off, off + len);
    }

    public UUID getUuid(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (oid != Oids.UUID && !isTextual(oid)) throw CodecErrors.cannotConvert(oid, UUID.class);
        if (format == FormatCode.BINARY && oid == Oids.UUID) return UuidText.fromBinary(oid, b, off, len);
        byte[] text = textBytes(oid, format, b, off, len);
        return UuidText.parse(text, format == FormatCode.TEXT ? off : 0, format == FormatCode.TEXT ? len : text.length);
    }

    public LocalDate getLocalDate(int oid, int format, byte[] b, int off, int len) throws SQLException {
        require(oid, LocalDate.class, LOCAL_DATE_FROM);
        return DateTimeValues.localDate(parse(oid, format, b, off, len, "date"));
    }

    public LocalTime getLocalTime(int oid, int format, byte[] b, int off, int len) throws SQLException {
        require(oid, LocalTime.class, LOCAL_TIME_FROM);
        return DateTimeValues.localTime(parse(oid, format, b, off, len, "time"));
    }

    public LocalDateTime getLocalDateTime(int oid, int format, byte[] b, int off, int len) throws SQLException {
        require(oid, LocalDateTime.class, LOCAL_DATE_TIME_FROM);
        return DateTimeValues.localDateTime(parse(oid, format, b, off, len, "timestamp"));
    }

    /** A {@code timestamptz} (or {@code timestamp} taken as UTC, or {@code timetz} on 1970-01-01) in UTC. */
    public OffsetDateTime getOffsetDateTime(int oid, int format, byte[] b, int off, int len) throws SQLException {
        OffsetDateTime quick = oid != Oids.TIMESTAMPTZ ? null : format == FormatCode.BINARY
                ? DecodeShortcuts.offsetDateTime(b, off, len) : DecodeShortcuts.offsetDateTimeText(b, off, len);
        if (quick != null) return quick;
        require(oid, OffsetDateTime.class, OFFSET_DATE_TIME_FROM);
        return DateTimeValues.offsetDateTime(parse(oid, format, b, off, len, "timestamptz"));
    }

    public OffsetTime getOffsetTime(int oid, int format, byte[] b, int off, int len) throws SQLException {
        require(oid, OffsetTime.class, OFFSET_TIME_FROM);
        return DateTimeValues.offsetTime(parse(oid, format, b, off, len, "timetz"));
    }

    public Instant getInstant(int oid, int format, byte[] b, int off, int len) throws SQLException {
        require(oid, Instant.class, INSTANT_FROM);
        return DateTimeValues.instant(parse(oid, format, b, off, len, "timestamptz"));
    }

    /** A {@code java.sql.Date}; wall-clock values are read in {@code zone} (the JVM's when null). */
    public Date getDate(int oid, int format, byte[] b, int off, int len, TimeZone zone) throws SQLException {
        require(oid, Date.class, DATE_FROM);
        return DateTimeValues.date(parse(oid, format, b, off, len, "date"), zone);
    }

    /** A {@code java.sql.Time} on 1970-01-01; wall-clock values are read in {@code zone} (the JVM's when null). */
    public Time getTime(int oid, int format, byte[] b, int off, int len, TimeZone zone) throws SQLException {
        require(oid, Time.class, TIME_FROM);
        return DateTimeValues.time(parse(oid, format, b, off, len, "time"), zone);
    }

    /** A {@code java.sql.Timestamp}; wall-clock values are read in {@code zone} (the JVM's when null). */
    public Timestamp getTimestamp(int oid, int format, byte[] b, int off, int len, TimeZone zone) throws SQLException {
        Timestamp quick = oid != Oids.TIMESTAMPTZ ? null : format == FormatCode.BINARY
                ? DecodeShortcuts.timestamptz(b, off, len) : DecodeShortcuts.timestamptzText(b, off, len);
        if (quick != null) return quick;
        require(oid, Timestamp.class, TIMESTAMP_FROM);
        return DateTimeValues.timestamp(parse(oid, format, b, off, len, "timestamp"), zone);
    }

    /**
     * The value as pgjdbc's {@code getObject} returns it: {@code Boolean} for {@code bool} (and
     * {@code bit(1)}), {@code Integer} for {@code int2} and {@code int4}, {@code Long} for {@code
     * int8} and {@code oid}, {@code Float}, {@code Double} (also {@code money}), {@code BigDecimal}
     * for {@code numeric} ({@code Double.NaN} and the infinities for its special values), {@code
     * byte[]}, {@code UUID}, {@code java.sql.Date/Time/Timestamp}; for arrays the Java array that
     * {@code java.sql.Array.getArray()} returns (the JDBC result set wraps it in a {@code
     * java.sql.Array}); {@code String} for everything else, {@code json}, {@code xml} and unknown
     * types included (pgjdbc returns {@code PGobject} or {@code SQLXML} for some of those).
     */
    public Object getObject(int oid, int format, byte[] b, int off, int len) throws SQLException {
        return objects.getObject(oid, format, b, off, len);
    }

    /**
     * The value as the cursor API returns it: the modern Java type where it differs from JDBC's
     * {@link #getObject(int, int, byte[], int, int)} ({@code java.time} rather than {@code
     * java.sql} dates and times, {@code List} rather than {@code java.sql.Array}); the docs list
     * each difference.
     */
    public Object getModernObject(int oid, int format, byte[] b, int off, int len) throws SQLException {
        return objects.getModernObject(oid, format, b, off, len);
    }

    /** The value as {@code type}, for JDBC's {@code getObject(column, Class)}; 22023 if not offered. */
    public <T> T getObject(int oid, int format, byte[] b, int off, int len, Class<T> type) throws SQLException {
        return objects.getObject(oid, format, b, off, len, type);
    }

    private long integral(int oid, int format, byte[] b, int off, int len, long min, long max, String target)
            throws SQLException {
        if (format == FormatCode.TEXT) return NumberText.parseLong(oid, b, off, len, min, max, target);
        if (BinaryValues.isInteger(oid)) {
            long v = BinaryValues.integer(oid, b, off, len);
            if (v < min || v > max) throw CodecErrors.outOfRange(target, Long.toString(v));
            return v;
        }
        if (oid == Oids.FLOAT4 || oid == Oids.FLOAT8) {
            double d = getDouble(oid, format, b, off, len);
            // truncation toward zero: (min - 1, max + 1) exclusive; for long, min - 1 rounds to min
            boolean fits = (d > (double) min - 1 || d == (double) min) && d < (double) max + 1;
            if (!fits) throw CodecErrors.outOfRange(target, FloatText.format(d));
            return (long) d;
        }
        return NumberText.parseLong(oid, getString(oid, format, b, off, len), min, max, target);
    }

    private Parsed parse(int oid, int format, byte[] b, int off, int len, String typeName) throws SQLException {
        if (format == FormatCode.TEXT) return DateTimeText.parse(typeName, b, off, len);
        if (isDateTime(oid)) return DateTimeBinary.parse(oid, b, off, len);
        byte[] text = textBytes(oid, format, b, off, len);
        return DateTimeText.parse(typeName, text, 0, text.length);
    }

    private byte[] textBytes(int oid, int format, byte[] b, int off, int len) throws SQLException {
        return format == FormatCode.TEXT ? b : getString(oid, format, b, off, len).getBytes(StandardCharsets.UTF_8);
    }

    /** The server's text spelling of a binary value of a scalar type; {@code timestamptz} in the session's zone. */
    private String binaryText(int oid, byte[] b, int off, int len) throws SQLException {
        return BinaryValues.toText(oid, b, off, len, oid == Oids.TIMESTAMPTZ ? context.sessionZone() : null);
    }

    private static double numericDouble(int oid, byte[] b, int off, int len) throws SQLException {
        String special = NumericBinary.special(oid, b, off, len);
        if (special == null) return NumericBinary.decode(oid, b, off, len).doubleValue();
        return switch (special) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            default -> Double.NEGATIVE_INFINITY;
        };
    }

    private static boolean isDateTime(int oid) {
        return oid == Oids.DATE || oid == Oids.TIME || oid == Oids.TIMETZ || oid == Oids.TIMESTAMP || oid == Oids.TIMESTAMPTZ;
    }

    /** Fails with 22023 unless {@code oid} is one of {@code allowed} or a textual type. */
    private static void require(int oid, Class<?> target, int[] allowed) throws SQLException {
        for (int a : allowed) {
            if (a == oid) return;
        }
        if (!isTextual(oid)) throw CodecErrors.cannotConvert(oid, target);
    }

    /** Character types, {@code unknown}, and types the driver does not know (whose text is all it has). */
    static boolean isTextual(int oid) {
        return switch (oid) {
            case Oids.TEXT, Oids.VARCHAR, Oids.BPCHAR, Oids.NAME, Oids.CHAR, Oids.UNKNOWN -> true;
            default -> !PgTypes.isBuiltIn(oid);
        };
    }
}
