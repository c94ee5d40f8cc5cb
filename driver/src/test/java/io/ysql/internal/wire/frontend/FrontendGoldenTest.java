package io.ysql.internal.wire.frontend;

import static io.ysql.internal.wire.Frames.decodeFrontend;
import static io.ysql.internal.wire.Frames.decodeStartup;
import static io.ysql.internal.wire.Frames.encode;
import static io.ysql.internal.wire.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.CopyData;
import io.ysql.internal.wire.CopyDone;
import io.ysql.internal.wire.FrontendMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every frontend message against bytes written by hand from the protocol's layout, and back. */
class FrontendGoldenTest {

    static Stream<Arguments> typed() {
        return Stream.of(
                Arguments.of(new Query("SELECT 1"), "51 00 00 00 0d 53 45 4c 45 43 54 20 31 00"),
                Arguments.of(new Parse("S_1", "SELECT $1", new int[] {23}),
                        "50 00 00 00 18 53 5f 31 00 53 45 4c 45 43 54 20 24 31 00 00 01 00 00 00 17"),
                Arguments.of(new Parse("", "", new int[0]), "50 00 00 00 08 00 00 00 00"),
                Arguments.of(new Bind("", "S_1", new short[] {1}, new byte[][] {{0, 0, 0, 5}, null}, new short[] {1}),
                        "42 00 00 00 1f 00 53 5f 31 00 00 01 00 01 00 02 00 00 00 04 00 00 00 05 ff ff ff ff 00 01 00 01"),
                Arguments.of(new Bind("P", "", new short[0], new byte[][] {{}}, new short[0]),
                        "42 00 00 00 11 50 00 00 00 00 00 01 00 00 00 00 00 00"),
                Arguments.of(Describe.statement("S_1"), "44 00 00 00 09 53 53 5f 31 00"),
                Arguments.of(Describe.portal(""), "44 00 00 00 06 50 00"),
                Arguments.of(new Execute("", 0), "45 00 00 00 09 00 00 00 00 00"),
                Arguments.of(new Execute("c", 100), "45 00 00 00 0a 63 00 00 00 00 64"),
                Arguments.of(Close.statement("S_1"), "43 00 00 00 09 53 53 5f 31 00"),
                Arguments.of(Close.portal("c"), "43 00 00 00 07 50 63 00"),
                Arguments.of(Sync.INSTANCE, "53 00 00 00 04"),
                Arguments.of(Flush.INSTANCE, "48 00 00 00 04"),
                Arguments.of(Terminate.INSTANCE, "58 00 00 00 04"),
                Arguments.of(CopyDone.INSTANCE, "63 00 00 00 04"),
                Arguments.of(new CopyData(new byte[] {1, 2, 3}), "64 00 00 00 07 01 02 03"),
                Arguments.of(new CopyFail("bad"), "66 00 00 00 08 62 61 64 00"),
                Arguments.of(PasswordMessage.cleartext(utf8("pw")), "70 00 00 00 07 70 77 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typed")
    void typedMessageEncodesToGoldenBytes(FrontendMessage m, String golden) {
        assertThat(hex(encode(m))).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typed")
    void typedMessageRoundTrips(FrontendMessage m, String golden) {
        assertThat(decodeFrontend(hex(golden))).isEqualTo(m);
    }

    static Stream<Arguments> startup() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", "u");
        params.put("database", "d");
        return Stream.of(
                Arguments.of(new StartupMessage(params),
                        "00 00 00 1b 00 03 00 00 75 73 65 72 00 75 00 64 61 74 61 62 61 73 65 00 64 00 00"),
                Arguments.of(SSLRequest.INSTANCE, "00 00 00 08 04 d2 16 2f"),
                Arguments.of(GSSENCRequest.INSTANCE, "00 00 00 08 04 d2 16 30"),
                Arguments.of(new CancelRequest(1234, -2), "00 00 00 10 04 d2 16 2e 00 00 04 d2 ff ff ff fe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startup")
    void startupPacketEncodesToGoldenBytes(FrontendMessage m, String golden) {
        assertThat(hex(encode(m))).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startup")
    void startupPacketRoundTrips(FrontendMessage m, String golden) {
        assertThat(decodeStartup(hex(golden))).isEqualTo(m);
    }

    @Test
    void saslInitialResponseEncodesAndIsReinterpretedFromPasswordMessage() {
        SASLInitialResponse m = new SASLInitialResponse("SCRAM-SHA-256", utf8("abc"));
        String golden = "70 00 00 00 19 53 43 52 41 4d 2d 53 48 41 2d 32 35 36 00 00 00 00 03 61 62 63";
        assertThat(hex(encode(m))).isEqualTo(golden);
        PasswordMessage raw = (PasswordMessage) decodeFrontend(hex(golden));
        assertThat(SASLInitialResponse.decode(raw.password())).isEqualTo(m);
    }

    @Test
    void saslInitialResponseWithoutDataSendsLengthMinusOne() {
        SASLInitialResponse m = new SASLInitialResponse("SCRAM-SHA-256", null);
        String golden = "70 00 00 00 16 53 43 52 41 4d 2d 53 48 41 2d 32 35 36 00 ff ff ff ff";
        assertThat(hex(encode(m))).isEqualTo(golden);
        PasswordMessage raw = (PasswordMessage) decodeFrontend(hex(golden));
        assertThat(SASLInitialResponse.decode(raw.password())).isEqualTo(m);
    }

    @Test
    void saslResponseEncodesAndIsReinterpretedFromPasswordMessage() {
        SASLResponse m = new SASLResponse(utf8("xyz"));
        String golden = "70 00 00 00 07 78 79 7a";
        assertThat(hex(encode(m))).isEqualTo(golden);
        PasswordMessage raw = (PasswordMessage) decodeFrontend(hex(golden));
        assertThat(SASLResponse.decode(raw.password())).isEqualTo(m);
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
