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
 * Turns Java values into bind parameters. Numbers, booleans, {@code bytea}, UUIDs, dates, times
 * and timestamps go in binary with their exact type; strings go as UTF-8 text, untyped through
 * {@link #ofObject(Object)} and {@link #ofUntypedString} (the server infers the type from the
 * context, as psycopg's interpolated literals do) and typed after the connection's {@code
 * stringtype} through {@link #ofString} (JDBC's {@code setString}); a string holding NUL or an
 * unpaired surrogate raises 22021 before anything is sent. Legacy {@code java.sql} date and time
 * values are read in the given zone (the JVM's when null), pgjdbc's infinity values becoming
 * {@code infinity}. Stateless and thread-safe; an unsupported class raises 22023.
 */
public final class ParameterEncoder {
    private final TargetTypeConversion targets = new TargetTypeConversion(this);
    private final CodecContext context;
    private final int stringOid;

    /** An encoder for built-in types only, typing {@link #ofString} parameters {@code varchar}. */
    public ParameterEncoder() {
        this(CodecContext.BUILT_IN);
    }

    /** An encoder for the connection {@code context} describes, typing {@link #ofString} parameters {@code varchar}. */
    public ParameterEncoder(CodecContext context) {
        this(context, false);
    }

    /**
     * An encoder for the connection {@code context} describes.
     *
     * @param untypedStrings whether {@link #ofString} sends strings with type 0 for the server to
     *                       infer (option {@code stringtype=unspecified}) rather than as {@code varchar}
     */
    public ParameterEncoder(CodecContext context, boolean untypedStrings) {
        this.context = context;
        this.stringOid = untypedStrings ? Oids.UNSPECIFIED : Oids.VARCHAR;
    }

    /** Whether {@link #ofString} sends strings untyped ({@code stringtype=unspecified}). */
    public boolean untypedStrings() { return stringOid == Oids.UNSPECIFIED; }

    /**
     * {@code e} with the 1-based parameter {@code index} named in its message when it is about a
     * string the server cannot take (SQLSTATE 22021); any other exception unchanged.
     */
    public static SQLException atParameter(int index, SQLException e) {
        if (!SqlState.CHARACTER_NOT_IN_REPERTOIRE.equals(e.getSQLState())) return e;
        return SqlExceptions.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "parameter " + index + ": " + e.getMessage(), e);
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

    /**
     * A string as JDBC's {@code setString} sends it: typed {@code varchar}, or untyped under
     * {@code stringtype=unspecified}. NUL characters and unpaired surrogates raise 22021.
     */
    public EncodedParameter ofString(String v) throws SQLException {
        return checkedText(stringOid, v);
    }

    /** Text of unspecified type: the server infers it from where the parameter is used. */
    public EncodedParameter ofUntypedString(String v) throws SQLException {
        return checkedText(Oids.UNSPECIFIED, v);
    }

    /** {@code numeric} in binary (text for a value beyond the binary format's limits, which the server refuses). */
    public EncodedParameter ofBigDecimal(BigDecimal v) {
        if (v == null) return nullOf(Oids.NUMERIC);
        byte[] b = NumericBinary.encode(v);
        return b != null ? binary(Oids.NUMERIC, b) : text(Oids.NUMERIC, v.toString());
    }

    public EncodedParameter ofBigInteger(BigInteger v) {
        return ofBigDecimal(v == null ? null : new BigDecimal(v));
    }

    /** {@code numeric} NaN or infinity from a non-finite double. */
    EncodedParameter ofNumericSpecial(double v) {
        int sign = Double.isNaN(v) ? NumericBinary.NAN : v > 0 ? NumericBinary.PINF : NumericBinary.NINF;
        return binary(Oids.NUMERIC, NumericBinary.encodeSpecial(sign));
    }

    public EncodedParameter ofUuid(UUID v) {
        if (v == null) return nullOf(Oids.UUID);
        byte[] b = new byte[16];
        long hi = v.getMostSignificantBits();
        long lo = v.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return binary(Oids.UUID, b);
    }

    /**
     * {@code date} in binary; {@code LocalDate.MAX/MIN} are {@code infinity/-infinity}; a date
     * beyond the binary range goes as text, for the server to refuse in its own words.
     */
    public EncodedParameter ofLocalDate(LocalDate v) {
        if (v == null) return nullOf(Oids.DATE);
        byte[] b = DateTimeBinary.date(v);
        return b != null ? binary(Oids.DATE, b) : text(Oids.DATE, DateTimeFormat.date(v));
    }

    /** {@code time} in binary, rounded half-even to microseconds; a value that rounds past the last one is 24:00:00. */
    public EncodedParameter ofLocalTime(LocalTime v) {
        return v == null ? nullOf(Oids.TIME) : binary(Oids.TIME, DateTimeBinary.time(v));
    }

    public EncodedParameter ofOffsetTime(OffsetTime v) {
        return v == null ? nullOf(Oids.TIMETZ) : binary(Oids.TIMETZ, DateTimeBinary.timeWithOffset(v));
    }

    /**
     * {@code timestamp} in binary; {@code LocalDateTime.MAX/MIN} are {@code infinity/-infinity}; a
     * value beyond the binary range goes as text, for the server to refuse in its own words.
     */
    public EncodedParameter ofLocalDateTime(LocalDateTime v) {
        if (v == null) return nullOf(Oids.TIMESTAMP);
        byte[] b = DateTimeBinary.timestamp(v);
        return b != null ? binary(Oids.TIMESTAMP, b) : text(Oids.TIMESTAMP, DateTimeFormat.timestamp(v));
    }

    /** {@code timestamptz} in binary (its instant); {@code OffsetDateTime.MAX/MIN} are {@code infinity/-infinity}. */
    public EncodedParameter ofOffsetDateTime(OffsetDateTime v) throws SQLException {
        if (v == null) return nullOf(Oids.TIMESTAMPTZ);
        byte[] b = DateTimeBinary.timestampWithOffset(v);
        return b != null ? binary(Oids.TIMESTAMPTZ, b) : timestampTzText(v);
    }

    /** {@code timestamptz} in binary; {@code Instant.MAX/MIN} are {@code infinity/-infinity}. */
    public EncodedParameter ofInstant(Instant v) throws SQLException {
        if (v == null) return nullOf(Oids.TIMESTAMPTZ);
        byte[] b = DateTimeBinary.timestampWithOffset(v);
        return b != null ? binary(Oids.TIMESTAMPTZ, b) : timestampTzText(v.atOffset(java.time.ZoneOffset.UTC));
    }

    private static EncodedParameter timestampTzText(OffsetDateTime v) throws SQLException {
        try {
            return text(Oids.TIMESTAMPTZ, DateTimeFormat.timestampWithOffset(v));
        } catch (DateTimeException e) {
            throw CodecErrors.dateTimeOutOfRange("timestamp", e);
        }
    }

    /** A {@code date}: the day {@code v} falls on in {@code zone} (the JVM's when null). */
    public EncodedParameter ofDate(Date v, TimeZone zone) throws SQLException {
        if (v == null) return nullOf(Oids.DATE);
        if (v.getTime() == LegacyDates.POSITIVE_INFINITY) return ofLocalDate(LocalDate.MAX);
        if (v.getTime() == LegacyDates.NEGATIVE_INFINITY) return ofLocalDate(LocalDate.MIN);
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
        if (v.getTime() == LegacyDates.POSITIVE_INFINITY) return ofLocalDateTime(LocalDateTime.MAX);
        if (v.getTime() == LegacyDates.NEGATIVE_INFINITY) return ofLocalDateTime(LocalDateTime.MIN);
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
     * {@code Boolean}, {@code String} and {@code Character} (as untyped text), {@code
     * byte[]}, {@code UUID}, the {@code java.time} and {@code java.sql} date/time classes ({@code
     * java.util.Date} as a timestamp, {@code ZonedDateTime} as its instant); null as a NULL of
     * unspecified type. Any other class raises 22023.
     */
    public EncodedParameter ofObject(Object x) throws SQLException {
        if (x == null) return EncodedParameter.NULL;
        if (x instanceof Integer v) return ofInt(v);
        if (x instanceof Long v) return ofLong(v);
        if (x instanceof String v) return ofUntypedString(v);
        if (x instanceof Short v) return ofShort(v);
        if (x instanceof Byte v) return ofShort(v);
        if (x instanceof Double v) return ofDouble(v);
        if (x instanceof Float v) return ofFloat(v);
        if (x instanceof BigDecimal v) return ofBigDecimal(v);
        if (x instanceof BigInteger v) return ofBigInteger(v);
        if (x instanceof Boolean v) return ofBoolean(v);
        if (x instanceof byte[] v) return ofBytes(v);
        if (x instanceof Character v) return ofUntypedString(v.toString());
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

    /** A string parameter typed {@code oid}; NUL characters and unpaired surrogates raise 22021. */
    static EncodedParameter checkedText(int oid, String v) throws SQLException {
        return new EncodedParameter(oid, FormatCode.TEXT, v == null ? null : Text.encode(v));
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
