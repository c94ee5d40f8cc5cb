package io.ysql.internal.codec;

/**
 * The protocol's format codes for parameter and column values: 0 for text, 1 for binary
 * (<a href="https://www.postgresql.org/docs/current/protocol-overview.html#PROTOCOL-FORMAT-CODES">
 * Formats and Format Codes</a>).
 */
public final class FormatCode {
    private FormatCode() {}

    public static final short TEXT = 0;
    public static final short BINARY = 1;
}
