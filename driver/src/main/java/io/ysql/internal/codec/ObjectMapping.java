package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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
import java.util.UUID;

/**
 * The two {@code getObject} forms of {@link ValueDecoder}: the default Java class per type
 * (pgjdbc's mapping) and the conversion to a requested class (JDBC 4.1 {@code getObject(column,
 * Class)}). The requested-class form is a little wider than pgjdbc's: {@code String} and {@code
 * byte[]} from any type, numbers from any numeric or character type, booleans also from numbers;
 * a class it does not offer for a type raises 22023 ("cannot convert int4 to java.util.List").
 */
final class ObjectMapping {
    private final ValueDecoder decoder;
    private final CodecContext context;

    ObjectMapping(ValueDecoder decoder, CodecContext context) {
        this.decoder = decoder;
        this.context = context;
    }

    Object getObject(int oid, int format, byte[] b, int off, int len) throws SQLException {
        ValueDecoder d = decoder;
        return switch (oid) {
            case Oids.BOOL -> d.getBoolean(oid, format, b, off, len);
            case Oids.INT2, Oids.INT4 -> d.getInt(oid, format, b, off, len);
            case Oids.INT8, Oids.OID -> d.getLong(oid, format, b, off, len);
            case Oids.FLOAT4 -> d.getFloat(oid, format, b, off, len);
            case Oids.FLOAT8, Oids.MONEY -> d.getDouble(oid, format, b, off, len);
            case Oids.NUMERIC -> numeric(oid, format, b, off, len);
            case Oids.BYTEA -> d.getBytes(oid, format, b, off, len);
            case Oids.UUID -> d.getUuid(oid, format, b, off, len);
            case Oids.DATE -> d.getDate(oid, format, b, off, len, null);
            case Oids.TIME, Oids.TIMETZ -> d.getTime(oid, format, b, off, len, null);
            case Oids.TIMESTAMP, Oids.TIMESTAMPTZ -> d.getTimestamp(oid, format, b, off, len, null);
            case Oids.BIT -> bit(d.getString(oid, format, b, off, len));
            default -> {
                TypeCodec codec = context.codec(oid);
                yield codec != null ? codec.decode(oid, format, b, off, len, context) : d.getString(oid, format, b, off, len);
            }
        };
    }

    /** The cursor API's value: {@code java.time} for dates and times, the family codec's modern form otherwise. */
    Object getModernObject(int oid, int format, byte[] b, int off, int len) throws SQLException {
        ValueDecoder d = decoder;
        return switch (oid) {
            case Oids.DATE -> d.getLocalDate(oid, format, b, off, len);
            case Oids.TIME -> d.getLocalTime(oid, format, b, off, len);
            case Oids.TIMETZ -> d.getOffsetTime(oid, format, b, off, len);
            case Oids.TIMESTAMP -> d.getLocalDateTime(oid, format, b, off, len);
            case Oids.TIMESTAMPTZ -> d.getOffsetDateTime(oid, format, b, off, len);
            default -> {
                TypeCodec codec = context.codec(oid);
                yield codec != null ? codec.decodeModern(oid, format, b, off, len, context) : getObject(oid, format, b, off, len);
            }
        };
    }

    <T> T getObject(int oid, int format, byte[] b, int off, int len, Class<T> type) throws SQLException {
        if (type == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the requested class is null");
        Object value = convert(oid, format, b, off, len, type);
        if (value == null) throw CodecErrors.cannotConvert(oid, type);
        return type.cast(value);
    }

    /** The value as {@code type}, or null when that conversion is not offered for {@code oid}. */
    private Object convert(int oid, int format, byte[] b, int off, int len, Class<?> type) throws SQLException {
        ValueDecoder d = decoder;
        if (type == Object.class) return getObject(oid, format, b, off, len);
        TypeCodec codec = context.codec(oid);
        if (codec != null) {
            Object value = codec.decodeAs(oid, format, b, off, len, type, context);
            if (value != null) return value;
        }
        if (type == String.class) return d.getString(oid, format, b, off, len);
        if (type == byte[].class) return d.getBytes(oid, format, b, off, len);
        if (isNumeric(oid) || ValueDecoder.isTextual(oid)) {
            Object number = number(oid, format, b, off, len, type);
            if (number != null) return number;
        }
        if (type == Boolean.class) {
            boolean ok = oid == Oids.BOOL || oid == Oids.BIT || isNumeric(oid) || ValueDecoder.isTextual(oid);
            return ok ? d.getBoolean(oid, format, b, off, len) : null;
        }
        if (type == UUID.class) return d.getUuid(oid, format, b, off, len);
        if (type == LocalDate.class) return d.getLocalDate(oid, format, b, off, len);
        if (type == LocalTime.class) return d.getLocalTime(oid, format, b, off, len);
        if (type == LocalDateTime.class) return d.getLocalDateTime(oid, format, b, off, len);
        if (type == OffsetDateTime.class) return d.getOffsetDateTime(oid, format, b, off, len);
        if (type == OffsetTime.class) return d.getOffsetTime(oid, format, b, off, len);
        if (type == Instant.class) return d.getInstant(oid, format, b, off, len);
        if (type == Date.class) return d.getDate(oid, format, b, off, len, null);
        if (type == Time.class) return d.getTime(oid, format, b, off, len, null);
        if (type == Timestamp.class) return d.getTimestamp(oid, format, b, off, len, null);
        if (type == java.util.Date.class) {
            return new java.util.Date(d.getTimestamp(oid, format, b, off, len, null).getTime());
        }
        return null;
    }

    private Object number(int oid, int format, byte[] b, int off, int len, Class<?> type) throws SQLException {
        ValueDecoder d = decoder;
        if (type == Integer.class) return d.getInt(oid, format, b, off, len);
        if (type == Long.class) return d.getLong(oid, format, b, off, len);
        if (type == Short.class) return d.getShort(oid, format, b, off, len);
        if (type == Byte.class) return d.getByte(oid, format, b, off, len);
        if (type == Double.class) return d.getDouble(oid, format, b, off, len);
        if (type == Float.class) return d.getFloat(oid, format, b, off, len);
        if (type == BigDecimal.class) return d.getBigDecimal(oid, format, b, off, len);
        if (type == BigInteger.class) {
            return d.getBigDecimal(oid, format, b, off, len).setScale(0, RoundingMode.DOWN).toBigInteger();
        }
        return null;
    }

    /** {@code numeric} as pgjdbc's {@code getObject}: {@code NaN} and infinities as {@code Double}. */
    private Object numeric(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.TEXT) {
            if (Text.equalsAscii(b, off, len, "NaN")) return Double.NaN;
            if (Text.equalsAscii(b, off, len, "Infinity")) return Double.POSITIVE_INFINITY;
            if (Text.equalsAscii(b, off, len, "-Infinity")) return Double.NEGATIVE_INFINITY;
        } else if (NumericBinary.special(oid, b, off, len) != null) {
            return decoder.getDouble(oid, format, b, off, len);
        }
        return decoder.getBigDecimal(oid, format, b, off, len);
    }

    /** {@code bit(1)} as a {@code Boolean}, as pgjdbc; longer bit strings as their text. */
    private static Object bit(String text) {
        if (text.equals("1")) return Boolean.TRUE;
        if (text.equals("0")) return Boolean.FALSE;
        return text;
    }

    private static boolean isNumeric(int oid) {
        return switch (oid) {
            case Oids.INT2, Oids.INT4, Oids.INT8, Oids.OID, Oids.FLOAT4, Oids.FLOAT8, Oids.NUMERIC, Oids.MONEY -> true;
            default -> false;
        };
    }
}
