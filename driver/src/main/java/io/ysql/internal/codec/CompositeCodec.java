package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.types.Composite;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads composite values and anonymous records (text format) as {@link Composite}s. For a
 * composite type the connection has learned, each field is decoded as its attribute's type —
 * {@code getObject}'s classes for JDBC, the cursor API's for {@code decodeModern} — so nested
 * composites, arrays and NULL fields come typed; an anonymous {@code record} carries no field
 * types, so its fields are strings named {@code f1}, {@code f2} ….
 */
final class CompositeCodec implements TypeCodec {
    static final CompositeCodec INSTANCE = new CompositeCodec();

    private CompositeCodec() {}

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return composite(oid, format, b, off, len, ctx, false);
    }

    @Override
    public Object decodeModern(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return composite(oid, format, b, off, len, ctx, true);
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        if (target == Struct.class || target == Composite.class) return decode(oid, format, b, off, len, ctx);
        return null;
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        throw CodecErrors.binaryNotSupported(oid);
    }

    private static Composite composite(int oid, int format, byte[] b, int off, int len, CodecContext ctx, boolean modern)
            throws SQLException {
        if (format != FormatCode.TEXT) throw CodecErrors.binaryNotSupported(oid);
        List<String> fields = CompositeText.parse(Text.utf8(b, off, len));
        LearnedType type = ctx.learned(oid);
        if (type == null || type.kind() != LearnedType.Kind.COMPOSITE) return record(fields);
        List<LearnedType.Attribute> attributes = type.attributes();
        if (attributes.size() != fields.size()) {
            throw SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION, "a value of " + type.qualifiedName() + " has "
                    + fields.size() + " fields but the type has " + attributes.size() + " attributes; "
                    + "the type changed since this connection looked it up: reconnect");
        }
        ValueDecoder decoder = ctx.decoder();
        List<String> names = new ArrayList<>(fields.size());
        List<Object> values = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            LearnedType.Attribute a = attributes.get(i);
            names.add(a.name());
            String field = fields.get(i);
            if (field == null) {
                values.add(null);
                continue;
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            values.add(modern ? decoder.getModernObject(a.typeOid(), FormatCode.TEXT, bytes, 0, bytes.length)
                    : decoder.getObject(a.typeOid(), FormatCode.TEXT, bytes, 0, bytes.length));
        }
        return new Composite(type.qualifiedName(), names, values);
    }

    private static Composite record(List<String> fields) {
        List<String> names = new ArrayList<>(fields.size());
        for (int i = 1; i <= fields.size(); i++) names.add("f" + i);
        return new Composite("record", names, fields);
    }
}
