package io.ysql.internal.wire;

import io.ysql.internal.buffer.ByteWriter;

/**
 * A message the server sends, decoded by {@link BackendDecoder}. {@link #encode} writes the
 * complete message (type byte, int32 length, body) so that tests and a fake server can play the
 * server. The interface is not {@code sealed}: its implementations live in {@code wire.backend},
 * and the Java language only allows a sealed type to permit classes of another package inside a
 * named module, while the unit tests run on the class path.
 */
public interface BackendMessage {
    void encode(ByteWriter w);
}
