package io.ysql.internal.codec;

import java.sql.SQLException;

/**
 * Reads values of a domain as values of its base type. The server reports result columns of a
 * domain as the base type, so this only serves where the domain's own OID appears: composite
 * attributes and array elements of a domain type.
 */
final class DomainCodec implements TypeCodec {
    static final DomainCodec INSTANCE = new DomainCodec();

    private DomainCodec() {}

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return ctx.decoder().getObject(base(oid, ctx), format, b, off, len);
    }

    @Override
    public Object decodeModern(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return ctx.decoder().getModernObject(base(oid, ctx), format, b, off, len);
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        return ctx.decoder().getObject(base(oid, ctx), format, b, off, len, target);
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return ctx.decoder().getString(base(oid, ctx), FormatCode.BINARY, b, off, len);
    }

    private static int base(int oid, CodecContext ctx) throws SQLException {
        LearnedType t = ctx.learned(oid);
        if (t == null || t.baseOid() == 0) throw CodecErrors.binaryNotSupported(oid);
        return t.baseOid();
    }
}
