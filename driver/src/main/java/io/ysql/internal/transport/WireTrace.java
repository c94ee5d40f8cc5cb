package io.ysql.internal.transport;

import java.lang.System.Logger.Level;

/**
 * The opt-in wire trace: with the {@code io.ysql.internal.wire} logger at TRACE, every message
 * sent ({@code >}) and received ({@code <}) is logged by its protocol name and length. Payload
 * bytes are never logged, so a PasswordMessage or a SASL response shows only its name and size.
 * The logger is named after the package whose records it traces; when it is off, the cost is one
 * level check per message.
 */
final class WireTrace {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.wire");

    private WireTrace() {}

    static boolean on() {
        return LOG.isLoggable(Level.TRACE);
    }

    /** Logs one message: {@code direction} is {@code >} (sent) or {@code <} (received). */
    static void message(char direction, String name, int length) {
        LOG.log(Level.TRACE, "{0} {1} ({2} bytes)", String.valueOf(direction), name, String.valueOf(length));
    }
}
