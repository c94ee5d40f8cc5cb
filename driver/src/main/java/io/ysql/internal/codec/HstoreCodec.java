package io.ysql.internal.codec;

import java.sql.SQLException;
import java.util.Map;

/**
 * Reads values of the {@code hstore} extension type (text format) as a {@code Map<String,
 * String>} in the server's order, null values kept; the OID is the one the connection learned
 * for the type named {@code hstore}.
 */
final class HstoreCodec implements TypeCodec {
    static final HstoreCodec INSTANCE = new HstoreCodec();

    private HstoreCodec() {}

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        if (format != FormatCode.TEXT) throw CodecErrors.binaryNotSupported(oid);
        return HstoreText.parse(Text.utf8(b, off, len));
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        return target == Map.class ? decode(oid, format, b, off, len, ctx) : null;
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        throw CodecErrors.binaryNotSupported(oid);
    }
}
