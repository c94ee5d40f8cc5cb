package io.ysql.internal.codec;

import java.sql.SQLException;
import java.util.Map;

/**
 * Sends a {@link Map} as an {@code hstore} literal typed with the OID of the type named {@code
 * hstore}, which the connection looks up once; when the lookup cannot run right now (a failed
 * transaction) the literal goes untyped for the server to infer. Keys and values are sent as
 * their {@code toString()}.
 */
final class HstoreEncoder implements ValueEncoder {

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) throws SQLException {
        if (!(x instanceof Map<?, ?> m)) return null;
        return ParameterEncoder.text(ctx.typeOid("hstore"), HstoreText.format(m));
    }
}
