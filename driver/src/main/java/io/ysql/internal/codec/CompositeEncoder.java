package io.ysql.internal.codec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a {@link Struct} (an {@code io.ysql.types.Composite}, or any other implementation) as a
 * composite literal typed with the OID of its {@code getSQLTypeName()}, which the connection looks
 * up once per name. Each attribute is spelled as {@code setObject} would send it on its own, the
 * binary ones turned into the server's text; nested structs nest.
 */
final class CompositeEncoder implements ValueEncoder {

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) throws SQLException {
        if (!(x instanceof Struct s)) return null;
        int oid = ctx.typeOid(s.getSQLTypeName());
        return ParameterEncoder.text(oid, text(s, ctx));
    }

    static String text(Struct s, CodecContext ctx) throws SQLException {
        Object[] attributes = s.getAttributes();
        List<String> fields = new ArrayList<>(attributes.length);
        ParameterEncoder encoder = null;
        for (Object a : attributes) {
            if (a == null) {
                fields.add(null);
            } else if (a instanceof String v) {
                fields.add(v);
            } else if (a instanceof Struct nested) {
                fields.add(text(nested, ctx));
            } else {
                if (encoder == null) encoder = new ParameterEncoder(ctx);
                fields.add(fieldText(encoder.ofObject(a)));
            }
        }
        return CompositeText.format(fields);
    }

    /** A parameter's value as text: text as it is, binary values as the server would print them. */
    static String fieldText(EncodedParameter p) throws SQLException {
        byte[] v = p.value();
        if (v == null) return null;
        if (p.format() == FormatCode.TEXT) return new String(v, StandardCharsets.UTF_8);
        return BinaryValues.toText(p.typeOid(), v, 0, v.length);
    }
}
