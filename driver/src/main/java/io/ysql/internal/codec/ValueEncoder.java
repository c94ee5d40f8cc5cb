package io.ysql.internal.codec;

import java.sql.SQLException;

/**
 * Encodes Java values of the classes one family of types owns (Java arrays and lists, ranges,
 * geometric values …) as bind parameters, for {@code setObject(i, x)} and the cursor API's
 * automatic adaptation. Stateless and thread-safe.
 */
public interface ValueEncoder {

    /** {@code x} encoded, or null when {@code x} is not of a class this encoder owns. */
    EncodedParameter encode(Object x, CodecContext ctx) throws SQLException;
}
