package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.types.Interval;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Period;

/**
 * {@code interval} in both formats: binary is the server's three fields (int64 microseconds,
 * int32 days, int32 months), text any {@code IntervalStyle} output. {@code getObject} returns an
 * {@link Interval} (pgjdbc returns its {@code PGInterval}); {@code getObject(i, Duration.class)}
 * and {@code Period.class} convert as {@link Interval#toDuration()} and {@link
 * Interval#toPeriod()} do. A binary value is spelled for {@code getString} in the session's
 * current {@code IntervalStyle}. {@code Interval}, {@code Duration} and {@code Period} parameters
 * go in binary, so no style question arises on the way in.
 */
final class IntervalCodec implements TypeCodec, ValueEncoder {
    static final IntervalCodec INSTANCE = new IntervalCodec();

    private IntervalCodec() {}

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return read(oid, format, b, off, len);
    }

    static Interval read(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.TEXT) return Interval.parse(Text.utf8(b, off, len));
        if (len != 16) throw CodecErrors.badBinary(oid, len);
        return Interval.of(ByteReader.getInt(b, off + 12), ByteReader.getInt(b, off + 8), ByteReader.getLong(b, off));
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return read(oid, FormatCode.BINARY, b, off, len).format(Interval.Style.ofSetting(ctx.parameter("IntervalStyle")));
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        if (target != Interval.class && target != Duration.class && target != Period.class) return null;
        Interval v = read(oid, format, b, off, len);
        try {
            if (target == Duration.class) return v.toDuration();
            if (target == Period.class) return v.toPeriod();
            return v;
        } catch (ArithmeticException e) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "cannot convert interval '" + v + "' to "
                + target.getSimpleName() + ": " + e.getMessage() + "; read it as io.ysql.types.Interval", e);
        }
    }

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) throws SQLException {
        try {
            if (x instanceof Interval v) return binary(v);
            if (x instanceof Duration v) return binary(Interval.ofDuration(v));
            if (x instanceof Period v) return binary(Interval.ofPeriod(v));
        } catch (ArithmeticException e) {
            throw SqlExceptions.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range: " + x, e);
        }
        return null;
    }

    static EncodedParameter binary(Interval v) {
        byte[] bytes = new ByteWriter(16).writeLong(v.microseconds()).writeInt(v.days()).writeInt(v.months()).toByteArray();
        return new EncodedParameter(Oids.INTERVAL, FormatCode.BINARY, bytes);
    }
}
