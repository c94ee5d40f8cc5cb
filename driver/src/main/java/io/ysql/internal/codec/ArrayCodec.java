package io.ysql.internal.codec;

import java.sql.SQLException;

/**
 * The codec of every array type, built-in ({@code _int4}, {@code _text} …) or learned from the
 * catalog ({@code _mood} for an enum): the element type comes from {@link CodecContext#type},
 * and elements are read through {@link ValueDecoder} with the element's OID, so arrays work for
 * every element type the decoder knows. {@code getObject} gives the Java array (the JDBC layer
 * wraps it in a {@code java.sql.Array}), the cursor API nested {@code List}s, and {@code
 * getObject(column, X[].class)} typed arrays. As an encoder it takes Java arrays (but {@code
 * byte[]}, which is {@code bytea}), {@code List}s and {@code java.sql.Array}s.
 */
public final class ArrayCodec implements TypeCodec, ValueEncoder {
    /** The one instance; the codec is stateless. */
    public static final ArrayCodec INSTANCE = new ArrayCodec();

    private ArrayCodec() {}

    /**
     * Takes the array value {@code b[off, off+len)} of type {@code oid} apart. The result holds
     * its own copy of the bytes. A type that is not an array raises 22023.
     */
    public static ArrayData read(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        PgType type = ctx.type(oid);
        if (!type.isArray()) throw CodecErrors.cannotConvert(oid, java.sql.Array.class);
        if (format == FormatCode.BINARY) return ArrayBinary.read(oid, b, off, len);
        return ArrayText.parse(oid, type.elementOid(), b, off, len);
    }

    /**
     * An array of the type named {@code elementTypeName} ({@code int4}, {@code integer}, {@code
     * "character varying"} …) holding {@code elements} (nested arrays for more dimensions), as
     * {@code Connection.createArrayOf} makes it. A name the driver does not know gives an array
     * of unknown type whose text the server will interpret.
     */
    public static ArrayData create(String elementTypeName, Object[] elements, CodecContext ctx) throws SQLException {
        int elementOid = ArrayParameters.elementOid(elementTypeName);
        return ArrayParameters.encode(elementOid, elements == null ? new Object[0] : elements, ctx);
    }

    /** The Java array {@code java.sql.Array.getArray()} returns: the element's {@code getObject} class, nested per dimension. */
    public static Object toJavaArray(ArrayData a, ValueDecoder decoder) throws SQLException {
        return ArrayElements.toJavaArray(a, decoder);
    }

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return ArrayElements.toJavaArray(read(oid, format, b, off, len, ctx), new ValueDecoder(ctx));
    }

    @Override
    public Object decodeModern(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return ArrayElements.toList(read(oid, format, b, off, len, ctx), new ValueDecoder(ctx), true);
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return ArrayBinary.read(oid, b, off, len).toText(new ValueDecoder(ctx));
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        if (target.isAssignableFrom(java.util.ArrayList.class) && target != Object.class) {
            return ArrayElements.toList(read(oid, format, b, off, len, ctx), new ValueDecoder(ctx), false);
        }
        if (!target.isArray() || target == byte[].class) return null;
        return ArrayElements.as(read(oid, format, b, off, len, ctx), new ValueDecoder(ctx), target);
    }

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) throws SQLException {
        if (x == null || !ArrayParameters.isArrayValue(x)) return null;
        return ArrayParameters.encode(x, ctx).toParameter();
    }
}
