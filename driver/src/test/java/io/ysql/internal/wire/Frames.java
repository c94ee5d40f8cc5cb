package io.ysql.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import java.util.Arrays;
import java.util.HexFormat;

/** Test support: hex notation for golden bytes, and whole frames encoded and decoded. */
public final class Frames {
    private Frames() {}

    /** Bytes from hex digits; spaces are ignored. */
    public static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    /** Bytes as spaced lower-case hex, the notation the golden tests use. */
    public static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    public static byte[] encode(FrontendMessage m) {
        ByteWriter w = new ByteWriter();
        m.encode(w);
        return w.toByteArray();
    }

    public static byte[] encode(BackendMessage m) {
        ByteWriter w = new ByteWriter();
        m.encode(w);
        return w.toByteArray();
    }

    /** Decodes one complete typed backend frame, checking that its length field matches. */
    public static BackendMessage decodeBackend(byte[] frame) {
        checkLength(frame, 1);
        return BackendDecoder.decode(frame[0], frame, 5, frame.length - 5);
    }

    /** Decodes one complete typed frontend frame, checking that its length field matches. */
    public static FrontendMessage decodeFrontend(byte[] frame) {
        checkLength(frame, 1);
        return FrontendDecoder.decode(frame[0], frame, 5, frame.length - 5);
    }

    /** Decodes one complete startup-phase packet (no type byte). */
    public static FrontendMessage decodeStartup(byte[] packet) {
        checkLength(packet, 0);
        return FrontendDecoder.decodeStartup(Arrays.copyOfRange(packet, 4, packet.length));
    }

    /** The body of a typed frame, after the type byte and the length. */
    public static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 5, frame.length);
    }

    private static void checkLength(byte[] frame, int tagSize) {
        assertThat(ByteReader.getInt(frame, tagSize)).as("length field").isEqualTo(frame.length - tagSize);
    }
}
