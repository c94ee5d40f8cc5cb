package io.ysql.internal.wire;

import io.ysql.internal.buffer.ByteWriter;

/**
 * A message the client sends. {@link #encode} writes the complete message: the type byte (absent
 * for the startup-phase messages StartupMessage, SSLRequest, CancelRequest and GSSENCRequest), the
 * int32 length, and the body. An encoder checks the size before writing, so a message that is too
 * large is refused with {@link IllegalArgumentException} and leaves the writer untouched.
 */
public interface FrontendMessage {
    void encode(ByteWriter w);
}
