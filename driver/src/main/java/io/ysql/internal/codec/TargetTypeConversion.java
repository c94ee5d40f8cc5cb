package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * {@code setObject(i, x, targetSqlType)}: converts a Java value to the type a {@link Types} code
 * names. Numbers and booleans convert in Java (fractions truncated toward zero, as pgjdbc; out of
 * range raises 22003), date/time values convert between their classes, and strings are sent as
 * text typed with the target's OID for the server to convert. Character targets take any value's
 * text, typed as {@code setString} types it; {@code OTHER} sends a string untyped (json, enums)
 * and any other value as {@code setObject(i, x)} would; {@code ARRAY} takes Java arrays, lists
 * and {@code java.sql.Array}s (and array literals as strings, untyped); {@code STRUCT} takes a
 * {@link java.sql.Struct}. Conversions it does not know raise 22023, target codes it does not
 * support 0A000.
 */
final class TargetTypeConversion {
    private final ParameterEncoder encoder;

    TargetTypeConversion(ParameterEncoder encoder) {
        this.encoder = encoder;
    }

    /** The OID a NULL of this {@link Types} code is sent with; 0 (server infers) where none fits. */
    static int oidOf(int sqlType) {
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> Oids.BOOL;
            case Types.TINYINT, Types.SMALLINT -> Oids.INT2;
            case Types.INTEGER -> Oids.INT4;
            case Types.BIGINT -> Oids.INT8;
            case Types.REAL -> Oids.FLOAT4;
            case Types.FLOAT, Types.DOUBLE -> Oids.FLOAT8;
            case Types.NUMERIC, Types.DECIMAL -> Oids.NUMERIC;
            case Types.DATE -> Oids.DATE;
            case Types.TIME -> Oids.TIME;
            case Types.TIME_WITH_TIMEZONE -> Oids.TIMETZ;
            case Types.TIMESTAMP -> Oids.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Oids.TIMESTAMPTZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> Oids.BYTEA;
            case Types.SQLXML -> Oids.XML;
            default -> Oids.UNSPECIFIED;
        };
    }

    EncodedParameter convert(Object x, int sqlType) throws SQLException {
        if (x == null) return encoder.ofNull(sqlType);
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> x instanceof String s ? typedText(Oids.BOOL, s) : encoder.ofBoolean(toBoolean(x, sqlType));
            case Types.TINYINT, Types.SMALLINT -> x instanceof String s ? typedText(Oids.INT2, s)
                : encoder.ofShort((short) toLong(x, sqlType, Short.MIN_VALUE, Short.MAX_VALUE));
            case Types.INTEGER -> x instanceof String s ? typedText(Oids.INT4, s)
                : encoder.ofInt((int) toLong(x, sqlType, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case Types.BIGINT -> x instanceof String s ? typedText(Oids.INT8, s)
                : encoder.ofLong(toLong(x, sqlType, Long.MIN_VALUE, Long.MAX_VALUE));
            case Types.REAL -> x instanceof String s ? typedText(Oids.FLOAT4, s) : encoder.ofFloat((float) toDouble(x, sqlType));
            case Types.FLOAT, Types.DOUBLE -> x instanceof String s ? typedText(Oids.FLOAT8, s) : encoder.ofDouble(toDouble(x, sqlType));
            case Types.NUMERIC, Types.DECIMAL -> x instanceof String s ? typedText(Oids.NUMERIC, s) : toNumeric(x, sqlType);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> encoder.ofString(textOf(x, sqlType));
            case Types.DATE -> x instanceof String s ? typedText(Oids.DATE, s) : toDate(x, sqlType);
            case Types.TIME -> x instanceof String s ? typedText(Oids.TIME, s) : toTime(x, sqlType);
            case Types.TIME_WITH_TIMEZONE -> x instanceof String s ? typedText(Oids.TIMETZ, s) : toTimeWithZone(x, sqlType);
            case Types.TIMESTAMP -> x instanceof String s ? typedText(Oids.TIMESTAMP, s) : toTimestamp(x, sqlType);
            case Types.TIMESTAMP_WITH_TIMEZONE -> x instanceof String s ? typedText(Oids.TIMESTAMPTZ, s) : toTimestampWithZone(x, sqlType);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                if (x instanceof byte[] bytes) yield encoder.ofBytes(bytes);
                throw cannot(x, sqlType);
            }
            case Types.SQLXML -> typedText(Oids.XML, textOf(x, sqlType));
            case Types.OTHER, Types.JAVA_OBJECT -> x instanceof String s ? encoder.ofUntypedString(s) : encoder.ofObject(x);
            case Types.ARRAY -> {
                if (x instanceof String s) yield encoder.ofUntypedString(s);
                if (ArrayParameters.isArrayValue(x)) yield encoder.ofObject(x);
                throw cannot(x, sqlType);
            }
            case Types.STRUCT -> {
                if (x instanceof java.sql.Struct) yield encoder.ofObject(x);
                throw cannot(x, sqlType);
            }
            default -> throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED,
                "setObject with target SQL type " + sqlType + " is not supported");
        };
    }

    private static EncodedParameter typedText(int oid, String s) throws SQLException {
        return ParameterEncoder.checkedText(oid, s);
    }

    private static boolean toBoolean(Object x, int sqlType) throws SQLException {
        if (x instanceof Boolean b) return b;
        if (x instanceof Character c) return BoolText.parse(c.toString());
        if (x instanceof Number n) {
            BigDecimal d = decimal(n, sqlType, x);
            if (d.compareTo(BigDecimal.ONE) == 0) return true;
            if (d.signum() == 0) return false;
            throw CodecErrors.badText("boolean", d.toString());
        }
        throw cannot(x, sqlType);
    }

    private static long toLong(Object x, int sqlType, long min, long max) throws SQLException {
        if (x instanceof Boolean b) return b ? 1 : 0;
        if (x instanceof Character c) return NumberText.parseLong(Oids.UNSPECIFIED, c.toString(), min, max, "integer");
        if (!(x instanceof Number n)) throw cannot(x, sqlType);
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) {
            long v = n.longValue();
            if (v < min || v > max) throw CodecErrors.outOfRange(sqlTypeName(sqlType), Long.toString(v));
            return v;
        }
        BigDecimal d = decimal(n, sqlType, x).setScale(0, RoundingMode.DOWN);
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw CodecErrors.outOfRange(sqlTypeName(sqlType), d.toPlainString());
        }
        return d.longValue();
    }

    private static double toDouble(Object x, int sqlType) throws SQLException {
        if (x instanceof Boolean b) return b ? 1 : 0;
        if (x instanceof Number n) return n.doubleValue();
        if (x instanceof Character c) return NumberText.parseDouble(Oids.UNSPECIFIED, c.toString());
        throw cannot(x, sqlType);
    }

    private EncodedParameter toNumeric(Object x, int sqlType) throws SQLException {
        if (x instanceof Boolean b) return encoder.ofBigDecimal(b ? BigDecimal.ONE : BigDecimal.ZERO);
        if ((x instanceof Double || x instanceof Float) && !Double.isFinite(((Number) x).doubleValue())) {
            // numeric has NaN and, since PostgreSQL 14, infinities
            return encoder.ofNumericSpecial(((Number) x).doubleValue());
        }
        if (x instanceof Number n) return encoder.ofBigDecimal(decimal(n, sqlType, x));
        if (x instanceof Character c) return typedText(Oids.NUMERIC, c.toString());
        throw cannot(x, sqlType);
    }

    private static BigDecimal decimal(Number n, int sqlType, Object x) throws SQLException {
        if (n instanceof BigDecimal d) return d;
        if (n instanceof BigInteger i) return new BigDecimal(i);
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) throw CodecErrors.outOfRange(sqlTypeName(sqlType), Double.toString(d));
            return new BigDecimal(Double.toString(d));
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) return BigDecimal.valueOf(n.longValue());
        throw cannot(x, sqlType);
    }

    private EncodedParameter toDate(Object x, int sqlType) throws SQLException {
        if (x instanceof LocalDate v) return encoder.ofLocalDate(v);
        if (x instanceof Date v) return encoder.ofDate(v, null);
        if (x instanceof LocalDateTime v) return encoder.ofLocalDate(v.toLocalDate());
        if (x instanceof OffsetDateTime v) return encoder.ofLocalDate(v.toLocalDate());
        if (x instanceof ZonedDateTime v) return encoder.ofLocalDate(v.toLocalDate());
        if (x instanceof Timestamp v) return encoder.ofDate(new Date(v.getTime()), null);
        if (x instanceof java.util.Date v && !(x instanceof Time)) return encoder.ofDate(new Date(v.getTime()), null);
        throw cannot(x, sqlType);
    }

    private EncodedParameter toTime(Object x, int sqlType) throws SQLException {
        if (x instanceof LocalTime v) return encoder.ofLocalTime(v);
        if (x instanceof Time v) return encoder.ofTime(v, null);
        if (x instanceof OffsetTime v) return encoder.ofLocalTime(v.toLocalTime());
        if (x instanceof LocalDateTime v) return encoder.ofLocalTime(v.toLocalTime());
        if (x instanceof OffsetDateTime v) return encoder.ofLocalTime(v.toLocalTime());
        if (x instanceof Timestamp v) return encoder.ofTime(new Time(v.getTime()), null);
        throw cannot(x, sqlType);
    }

    private EncodedParameter toTimeWithZone(Object x, int sqlType) throws SQLException {
        if (x instanceof OffsetTime v) return encoder.ofOffsetTime(v);
        if (x instanceof OffsetDateTime v) return encoder.ofOffsetTime(v.toOffsetTime());
        throw cannot(x, sqlType);
    }

    private EncodedParameter toTimestamp(Object x, int sqlType) throws SQLException {
        if (x instanceof LocalDateTime v) return encoder.ofLocalDateTime(v);
        if (x instanceof Timestamp v) return encoder.ofTimestamp(v, null);
        if (x instanceof LocalDate v) return encoder.ofLocalDateTime(v.atStartOfDay());
        if (x instanceof OffsetDateTime v) return encoder.ofLocalDateTime(v.toLocalDateTime());
        if (x instanceof ZonedDateTime v) return encoder.ofLocalDateTime(v.toLocalDateTime());
        if (x instanceof java.util.Date v) return encoder.ofTimestamp(new Timestamp(v.getTime()), null);
        throw cannot(x, sqlType);
    }

    private EncodedParameter toTimestampWithZone(Object x, int sqlType) throws SQLException {
        if (x instanceof OffsetDateTime v) return encoder.ofOffsetDateTime(v);
        if (x instanceof Instant v) return encoder.ofInstant(v);
        if (x instanceof ZonedDateTime v) return encoder.ofOffsetDateTime(v.toOffsetDateTime());
        if (x instanceof java.util.Date v) return encoder.ofInstant(Instant.ofEpochMilli(v.getTime()).plusNanos(
            x instanceof Timestamp t ? t.getNanos() % 1_000_000 : 0));
        if (x instanceof LocalDateTime v) return typedText(Oids.TIMESTAMPTZ, DateTimeFormat.timestamp(v));
        if (x instanceof LocalDate v) return typedText(Oids.TIMESTAMPTZ, DateTimeFormat.date(v));
        throw cannot(x, sqlType);
    }

    /** The text a character target receives: the server's spelling for dates, times and bytes. */
    private String textOf(Object x, int sqlType) throws SQLException {
        if (x instanceof String s) return s;
        if (x instanceof byte[]) throw cannot(x, sqlType);
        if (x instanceof Number || x instanceof Boolean || x instanceof Character || x instanceof UUID) return x.toString();
        EncodedParameter typed = encoder.ofObject(x);
        byte[] v = typed.value();
        if (v == null) throw cannot(x, sqlType);
        if (typed.format() == FormatCode.TEXT) return new String(v, StandardCharsets.UTF_8);
        return BinaryValues.toText(typed.typeOid(), v, 0, v.length, ZoneOffset.UTC);
    }

    private static SQLException cannot(Object x, int sqlType) {
        return SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE,
            "cannot convert an instance of " + x.getClass().getName() + " to SQL type " + sqlTypeName(sqlType));
    }

    private static String sqlTypeName(int sqlType) {
        try {
            return JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException e) {
            return Integer.toString(sqlType);
        }
    }
}
