package io.ysql.internal.wire;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The framing rules every message shares: a type byte (except during startup), an int32 length that
 * counts itself and the body, then the body. Encoders compute the length first and call {@link
 * #writeHeader}, which refuses a message whose length would not fit the int32 field or the send
 * buffer before anything is written; decoders run through {@link #decodeBody}, which turns a
 * truncated body, a refused value or trailing bytes into a {@link ProtocolViolation}.
 */
public final class Framing {
    /** The largest value of the int32 length field, 2^31-1. */
    public static final int MAX_FRONTEND_LENGTH = Integer.MAX_VALUE;
    /** The most bytes a {@link ByteWriter} can hold; a message must fit behind what is already queued. */
    public static final int MAX_SEND_BUFFER = Integer.MAX_VALUE - 8;
    /** The length field's own size, the smallest valid length. */
    public static final int LENGTH_SIZE = 4;

    private Framing() {}

    /**
     * Writes a type byte and the length field for a body of {@code bodyLength} bytes, after checking
     * that the whole message fits.
     *
     * @throws IllegalArgumentException when the message is too large; nothing has been written then
     */
    public static void writeHeader(ByteWriter w, byte tag, long bodyLength) {
        int length = checkSize(w, bodyLength, 1);
        w.writeByte(tag).writeInt(length);
    }

    /** {@link #writeHeader} for the startup-phase messages, which have no type byte. */
    public static void writeUntaggedHeader(ByteWriter w, long bodyLength) {
        int length = checkSize(w, bodyLength, 0);
        w.writeInt(length);
    }

    private static int checkSize(ByteWriter w, long bodyLength, int tagSize) {
        if (bodyLength < 0) throw new IllegalArgumentException("negative body length " + bodyLength);
        long length = bodyLength + LENGTH_SIZE;
        long total = length + tagSize;
        if (length > MAX_FRONTEND_LENGTH) {
            throw new IllegalArgumentException(
                    "message too large: " + total + " bytes; the protocol limit is 2^31-1");
        }
        if (w.size() + total > MAX_SEND_BUFFER) {
            throw new IllegalArgumentException("message too large: " + total
                    + " bytes; the send buffer holds at most 2^31-9 bytes and " + w.size() + " are queued");
        }
        return (int) length;
    }

    private static final byte[] NO_BYTES = new byte[0];

    /**
     * The UTF-8 bytes of a string to be sent as a C string (the terminating zero is not included).
     *
     * @throws IllegalArgumentException when {@code s} contains a NUL character
     */
    public static byte[] cstring(String s) {
        if (s.isEmpty()) return NO_BYTES; // the unnamed statement and portal
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            if (x == 0) throw new IllegalArgumentException("a string sent to the server may not contain a NUL character");
        }
        return b;
    }

    /** The byte length of {@code s} as a C string (without the zero); no bytes are made for ASCII text. */
    public static int cstringLength(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) return cstring(s).length; // the checks and the UTF-8 length
        }
        return s.length();
    }

    /** Writes {@code s} as a C string, checked as {@link #cstring} does; ASCII text is written without a copy. */
    public static void writeCString(ByteWriter w, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                writeCString(w, cstring(s));
                return;
            }
        }
        for (int i = 0; i < s.length(); i++) w.writeByte(s.charAt(i));
        w.writeByte(0);
    }

    /** Writes C string bytes from {@link #cstring} and the terminating zero. */
    public static void writeCString(ByteWriter w, byte[] utf8) {
        w.writeBytes(utf8).writeByte(0);
    }

    /**
     * The body length announced by a length field read from the peer.
     *
     * @throws ProtocolViolation when the length is smaller than the length field itself
     */
    public static int bodyLength(int lengthField) {
        if (lengthField < LENGTH_SIZE) throw new ProtocolViolation("invalid message length " + lengthField);
        return lengthField - LENGTH_SIZE;
    }

    /**
     * Runs {@code decoder} over a body and requires that it consumes every byte. A read past the
     * end and a value refused by a record's constructor become {@link ProtocolViolation}s naming
     * the message.
     */
    public static <T> T decodeBody(String name, byte[] body, int off, int len, Function<ByteReader, T> decoder) {
        ByteReader r = new ByteReader(body, off, len);
        T message;
        try {
            message = decoder.apply(r);
        } catch (IndexOutOfBoundsException e) {
            throw new ProtocolViolation(name + " truncated: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation("invalid " + name + ": " + e.getMessage(), e);
        }
        if (r.remaining() != 0) {
            throw new ProtocolViolation(name + " has " + r.remaining() + " trailing bytes");
        }
        return message;
    }
}
