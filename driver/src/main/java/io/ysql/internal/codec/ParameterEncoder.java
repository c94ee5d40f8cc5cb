package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Turns Java values into bind parameters. Integers, floats, booleans and {@code bytea} go in
 * binary with their exact type; strings go as text with type 0 so the server infers the type
 * from the context ({@code WHERE int_col = ?} works with a {@code String}); {@code numeric},
 * dates, times, timestamps and UUIDs go as text with their type. Legacy {@code java.sql} date and
 * time values are read in the given zone (the JVM's when null), pgjdbc's infinity values becoming
 * {@code infinity}. Stateless and thread-safe; an unsupported class raises 22023.
 */
public final class ParameterEncoder {
    private final TargetTypeConversion targets = new TargetTypeConversion(this);
    private final CodecContext context;

    /** An encoder for built-in types only. */
    public ParameterEncoder() {
        this(CodecContext.BUILT_IN);
    }

    /** An encoder for the connection {@code context} describes. */
    public ParameterEncoder(CodecContext context) {
        this.context = context;
    }

    public EncodedParameter ofShort(short v) {
        return binary(Oids.INT2, new byte[] {(byte) (v >>> 8), (byte) v});
    }

    public EncodedParameter ofInt(int v) {
        return binary(Oids.INT4, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    public EncodedParameter ofLong(long v) {
        return binary(Oids.INT8, int8Bytes(v));
    }

    public EncodedParameter ofFloat(float v) {
        int bits = Float.floatToIntBits(v);
        return binary(Oids.FLOAT4, new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
    }

    public EncodedParameter ofDouble(double v) {
        return binary(Oids.FLOAT8, int8Bytes(Double.doubleToLongBits(v)));
    }

    public EncodedParameter ofBoolean(boolean v) {
        return binary(Oids.BOOL, new byte[] {(byte) (v ? 1 : 0)});
    }

    /** {@code bytea} in binary; the array is copied, so later changes to it are not sent. */
    public EncodedParameter ofBytes(byte[] v) {
        return v == null ? nullOf(Oids.BYTEA) : binary(Oids.BYTEA, v.clone());
    }

    /** Text of unspecified type: the server infers it from where the parameter is used. */
    public EncodedParameter ofString(String v) {
        return text(Oids.UNSPECIFIED, v);
    }

    public EncodedParameter ofBigDecimal(BigDecimal v) {
        return text(Oids.NUMERIC, v == null ? null : v.toString());
    }

    public EncodedParameter ofBigInteger(BigInteger v) {
        return text(Oids.NUMERIC, v == null ? null : v.toString());
    }

    public EncodedParameter ofUuid(UUID v) {
        return text(Oids.UUID, v == null ? null : v.toString());
    }

    public EncodedParameter ofLocalDate(LocalDate v) {
        return text(Oids.DATE, v == null ? null : DateTimeFormat.date(v));
    }

    public EncodedParameter ofLocalTime(LocalTime v) {
        return text(Oids.TIME, v == null ? null : DateTimeFormat.time(v));
    }

    public EncodedParameter ofOffsetTime(OffsetTime v) {
        return text(Oids.TIMETZ, v == null ? null : DateTimeFormat.timeWithOffset(v));
    }

    public EncodedParameter ofLocalDateTime(LocalDateTime v) {
        return text(Oids.TIMESTAMP, v == null ? null : DateTimeFormat.timestamp(v));
    }

    /** {@code timestamptz}, printed in UTC. */
    public EncodedParameter ofOffsetDateTime(OffsetDateTime v) throws SQLException {
        try {
            return text(Oids.TIMESTAMPTZ, v == null ? null : DateTimeFormat.timestampWithOffset(v));
        } catch (DateTimeException e) {
            throw CodecErrors.dateTimeOutOfRange("timestamp", e);
        }
    }

    /** {@code timestamptz}, printed in UTC. */
    public EncodedParameter ofInstant(Instant v) throws SQLException {
        try {
            return text(Oids.TIMESTAMPTZ, v == null ? null : DateTimeFormat.timestampWithOffset(v));
        } catch (DateTimeException e) {
            throw CodecErrors.dateTimeOutOfRange("timestamp", e);
        }
    }

    /** A {@code date}: the day {@code v} falls on in {@code zone} (the JVM's when null). */
    public EncodedParameter ofDate(Date v, TimeZone zone) throws SQLException {
        if (v == null) return nullOf(Oids.DATE);
        if (v.getTime() == LegacyDates.POSITIVE_INFINITY) return text(Oids.DATE, "infinity");
        if (v.getTime() == LegacyDates.NEGATIVE_INFINITY) return text(Oids.DATE, "-infinity");
        return ofLocalDate(wall(v.getTime(), zone).toLocalDate());
    }

    /** A {@code time}: the wall-clock time of {@code v} in {@code zone} (the JVM's when null), to the millisecond. */
    public EncodedParameter ofTime(Time v, TimeZone zone) throws SQLException {
        if (v == null) return nullOf(Oids.TIME);
        return ofLocalTime(wall(v.getTime(), zone).toLocalTime());
    }

    /** A {@code timestamp}: the wall-clock fields of {@code v} in {@code zone} (the JVM's when null), with its nanos. */
    public EncodedParameter ofTimestamp(Timestamp v, TimeZone zone) throws SQLException {
        if (v == null) return nullOf(Oids.TIMESTAMP);
        if (v.getTime() == LegacyDates.POSITIVE_INFINITY) return text(Oids.TIMESTAMP, "infinity");
        if (v.getTime() == LegacyDates.NEGATIVE_INFINITY) return text(Oids.TIMESTAMP, "-infinity");
        long seconds = Math.floorDiv(v.getTime(), 1000L) * 1000L;
        return ofLocalDateTime(wall(seconds, zone).withNano(v.getNanos()));
    }

    /** SQL NULL typed after a {@link Types} code; character, unknown and other codes leave the type to the server. */
    public EncodedParameter ofNull(int sqlType) {
        return nullOf(TargetTypeConversion.oidOf(sqlType));
    }

    /**
     * A value of a supported class, typed after its class as {@code setObject(i, x)} does:
     * {@code Integer}, {@code Long}, {@code Short} and {@code Byte} (as {@code int2}), {@code
     * Double}, {@code Float}, {@code BigDecimal} and {@code BigInteger} (as {@code numeric}),
     * {@code Boolean}, {@code String} and {@code Character} (as text of unspecified type), {@code
     * byte[]}, {@code UUID}, the {@code java.time} and {@code java.sql} date/time classes ({@code
     * java.util.Date} as a timestamp, {@code ZonedDateTime} as its instant); null as a NULL of
     * unspecified type. Any other class raises 22023.
     */
    public EncodedParameter ofObject(Object x) throws SQLException {
        if (x == null) return EncodedParameter.NULL;
        if (x instanceof Integer v) return ofInt(v);
        if (x instanceof Long v) return ofLong(v);
        if (x instanceof String v) return ofString(v);
        if (x instanceof Short v) return ofShort(v);
        if (x instanceof Byte v) return ofShort(v);
        if (x instanceof Double v) return ofDouble(v);
        if (x instanceof Float v) return ofFloat(v);
        if (x instanceof BigDecimal v) return ofBigDecimal(v);
        if (x instanceof BigInteger v) return ofBigInteger(v);
        if (x instanceof Boolean v) return ofBoolean(v);
        if (x instanceof byte[] v) return ofBytes(v);
        if (x instanceof Character v) return ofString(v.toString());
        if (x instanceof UUID v) return ofUuid(v);
        if (x instanceof LocalDate v) return ofLocalDate(v);
        if (x instanceof LocalTime v) return ofLocalTime(v);
        if (x instanceof LocalDateTime v) return ofLocalDateTime(v);
        if (x instanceof OffsetDateTime v) return ofOffsetDateTime(v);
        if (x instanceof Instant v) return ofInstant(v);
        if (x instanceof ZonedDateTime v) return ofOffsetDateTime(v.toOffsetDateTime());
        if (x instanceof OffsetTime v) return ofOffsetTime(v);
        if (x instanceof Date v) return ofDate(v, null);
        if (x instanceof Time v) return ofTime(v, null);
        if (x instanceof Timestamp v) return ofTimestamp(v, null);
        if (x instanceof java.util.Date v) return ofTimestamp(new Timestamp(v.getTime()), null);
        for (ValueEncoder encoder : BuiltInCodecs.ENCODERS) {
            EncodedParameter p = encoder.encode(x, context);
            if (p != null) return p;
        }
        EncodedParameter user = context.encodeUser(x);
        if (user != null) return user;
        throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "cannot infer the SQL type to use for an instance of "
            + x.getClass().getName() + "; use setObject() with an explicit Types value");
    }

    /**
     * A value converted for a target {@link Types} code, as {@code setObject(i, x, targetSqlType)}:
     * numbers, booleans and date/time values are converted in Java to the target type; a {@code
     * String} is sent as text typed with the target's OID, and the server converts it.
     */
    public EncodedParameter ofObject(Object x, int sqlType) throws SQLException {
        return targets.convert(x, sqlType);
    }

    static EncodedParameter text(int oid, String v) {
        return new EncodedParameter(oid, FormatCode.TEXT, v == null ? null : v.getBytes(StandardCharsets.UTF_8));
    }

    static EncodedParameter nullOf(int oid) {
        return new EncodedParameter(oid, FormatCode.TEXT, null);
    }

    private static EncodedParameter binary(int oid, byte[] v) {
        return new EncodedParameter(oid, FormatCode.BINARY, v);
    }

    private static byte[] int8Bytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }

    private static LocalDateTime wall(long epochMillis, TimeZone zone) throws SQLException {
        try {
            return LegacyDates.toLocalDateTime(epochMillis, LegacyDates.zoneOrDefault(zone));
        } catch (DateTimeException e) {
            throw CodecErrors.dateTimeOutOfRange("date", e);
        }
    }
}
