package io.ysql.internal.codec;

import java.sql.SQLException;

/**
 * The codec of one family of server types (arrays, ranges, geometric types …) for the parts that
 * are not the typed getters' fast paths: the value {@code getObject} returns, the value as a
 * requested class, and the server's text spelling of a binary value. Values arrive as a slice
 * {@code b[off, off+len)} of a DataRow, never SQL NULL. Implementations are stateless and
 * thread-safe; everything connection-specific comes through the {@link CodecContext}.
 */
public interface TypeCodec {

    /** The value {@code getObject} returns for this column. */
    Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException;

    /**
     * The value the cursor API returns, where it differs from JDBC's {@code getObject} (e.g. a
     * {@code List} rather than a {@code java.sql.Array}); by default the same.
     */
    default Object decodeModern(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return decode(oid, format, b, off, len, ctx);
    }

    /** The value as the server's text output would spell it; called for the binary format only. */
    String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException;

    /**
     * The value as {@code target}, or null when this family does not offer that class (the
     * generic conversions, e.g. to {@code String}, then apply).
     */
    default Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        return null;
    }
}
