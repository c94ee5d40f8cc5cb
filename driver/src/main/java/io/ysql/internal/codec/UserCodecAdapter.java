package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.types.Codec;
import java.sql.SQLException;

/**
 * A registered {@link Codec} as the {@link TypeCodec} of its type: values are read from their
 * text format by the user's {@code decode}, for JDBC and the cursor API alike, and {@code
 * getObject(i, T.class)} returns them. A runtime exception thrown by the user's code becomes
 * 22P02 naming the codec.
 */
public final class UserCodecAdapter implements TypeCodec {
    private final Codec<?> codec;

    public UserCodecAdapter(Codec<?> codec) {
        this.codec = codec;
    }

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        if (format != FormatCode.TEXT) throw CodecErrors.binaryNotSupported(oid);
        try {
            return codec.decode(Text.utf8(b, off, len));
        } catch (RuntimeException e) {
            throw SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION, "the codec " + codec.getClass().getName()
                    + " for type " + codec.typeName() + " failed to decode a value: " + e, e);
        }
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        return target.isAssignableFrom(codec.javaType()) ? decode(oid, format, b, off, len, ctx) : null;
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        throw CodecErrors.binaryNotSupported(oid);
    }

    /** The type name the codec was registered for. */
    public String typeName() { return codec.typeName(); }

    /** The Java class the codec reads and writes. */
    public Class<?> javaType() { return codec.javaType(); }

    /** The codec's class name, for messages. */
    public String codecClassName() { return codec.getClass().getName(); }

    /** Whether this adapter wraps {@code other}'s codec. */
    public boolean sameCodec(UserCodecAdapter other) { return other.codec == codec; }

    /** {@code x} (an instance of the codec's Java type) as a text parameter typed {@code oid}. */
    public EncodedParameter encode(Object x, int oid) throws SQLException {
        String text;
        try {
            text = encodeUnchecked(codec, x);
        } catch (RuntimeException e) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the codec " + codecClassName()
                    + " for type " + codec.typeName() + " failed to encode a value: " + e, e);
        }
        return ParameterEncoder.text(oid, text);
    }

    @SuppressWarnings("unchecked")
    private static <T> String encodeUnchecked(Codec<T> codec, Object x) throws SQLException {
        return x == null ? null : codec.encode((T) x);
    }
}
