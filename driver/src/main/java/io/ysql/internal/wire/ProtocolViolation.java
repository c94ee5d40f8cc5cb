package io.ysql.internal.wire;

/**
 * Thrown when bytes from the peer do not form a valid protocol message: an unknown tag, a truncated
 * body, a bad length, trailing bytes, a negative count or a value outside its domain. The message
 * says what was wrong and quotes at most {@value #MAX_EXCERPT} characters of peer data. A violation
 * is not recoverable: the connection that produced it must be closed.
 */
public final class ProtocolViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The most characters of peer data an error message may quote. */
    public static final int MAX_EXCERPT = 64;

    public ProtocolViolation(String message) { super(message); }

    public ProtocolViolation(String message, Throwable cause) { super(message, cause); }

    /** {@code text} cut to {@value #MAX_EXCERPT} characters, for quoting peer data in a message. */
    public static String excerpt(String text) {
        if (text == null) return "null";
        return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "...";
    }

    /** A byte as it reads best in an error message: {@code 'Z' (0x5a)} or {@code 0x00}. */
    public static String describeByte(int b) {
        int v = b & 0xFF;
        String hex = String.format("0x%02x", v);
        return v >= 0x20 && v < 0x7F ? "'" + (char) v + "' (" + hex + ")" : hex;
    }
}
