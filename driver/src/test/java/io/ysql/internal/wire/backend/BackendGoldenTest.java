package io.ysql.internal.wire.backend;

import static io.ysql.internal.wire.Frames.decodeBackend;
import static io.ysql.internal.wire.Frames.encode;
import static io.ysql.internal.wire.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.CopyData;
import io.ysql.internal.wire.CopyDone;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every backend message against bytes written by hand from the protocol's layout, and back. */
class BackendGoldenTest {

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(AuthenticationOk.INSTANCE, "52 00 00 00 08 00 00 00 00"),
                Arguments.of(AuthenticationCleartextPassword.INSTANCE, "52 00 00 00 08 00 00 00 03"),
                Arguments.of(new AuthenticationMD5Password(new byte[] {1, 2, 3, 4}), "52 00 00 00 0c 00 00 00 05 01 02 03 04"),
                Arguments.of(new AuthenticationSASL(List.of("SCRAM-SHA-256")),
                        "52 00 00 00 17 00 00 00 0a 53 43 52 41 4d 2d 53 48 41 2d 32 35 36 00 00"),
                Arguments.of(new AuthenticationSASL(List.of("A", "B")), "52 00 00 00 0d 00 00 00 0a 41 00 42 00 00"),
                Arguments.of(new AuthenticationSASLContinue(utf8("r=a")), "52 00 00 00 0b 00 00 00 0b 72 3d 61"),
                Arguments.of(new AuthenticationSASLFinal(utf8("v=x")), "52 00 00 00 0b 00 00 00 0c 76 3d 78"),
                Arguments.of(new AuthenticationUnsupported(7, new byte[0]), "52 00 00 00 08 00 00 00 07"),
                Arguments.of(new AuthenticationUnsupported(8, new byte[] {9}), "52 00 00 00 09 00 00 00 08 09"),
                Arguments.of(new BackendKeyData(1234, 0x0a0b0c0d), "4b 00 00 00 0c 00 00 04 d2 0a 0b 0c 0d"),
                Arguments.of(new ParameterStatus("a", "b"), "53 00 00 00 08 61 00 62 00"),
                Arguments.of(new ReadyForQuery(ReadyForQuery.IDLE), "5a 00 00 00 05 49"),
                Arguments.of(new ReadyForQuery(ReadyForQuery.FAILED), "5a 00 00 00 05 45"),
                Arguments.of(ParseComplete.INSTANCE, "31 00 00 00 04"),
                Arguments.of(BindComplete.INSTANCE, "32 00 00 00 04"),
                Arguments.of(CloseComplete.INSTANCE, "33 00 00 00 04"),
                Arguments.of(NoData.INSTANCE, "6e 00 00 00 04"),
                Arguments.of(EmptyQueryResponse.INSTANCE, "49 00 00 00 04"),
                Arguments.of(PortalSuspended.INSTANCE, "73 00 00 00 04"),
                Arguments.of(CopyDone.INSTANCE, "63 00 00 00 04"),
                Arguments.of(new CommandComplete("INSERT 0 5"), "43 00 00 00 0f 49 4e 53 45 52 54 20 30 20 35 00"),
                Arguments.of(new ErrorResponse(errorFields()),
                        "45 00 00 00 16 53 45 52 52 4f 52 00 43 34 32 50 30 31 00 4d 78 00 00"),
                Arguments.of(new NoticeResponse(errorFields()),
                        "4e 00 00 00 16 53 45 52 52 4f 52 00 43 34 32 50 30 31 00 4d 78 00 00"),
                Arguments.of(new NotificationResponse(42, "ch", "hi"), "41 00 00 00 0e 00 00 00 2a 63 68 00 68 69 00"),
                Arguments.of(new ParameterDescription(new int[] {23, 25}), "74 00 00 00 0e 00 02 00 00 00 17 00 00 00 19"),
                Arguments.of(new RowDescription(new RowDescription.Field[] {
                        new RowDescription.Field("a", 0, (short) 0, 23, (short) 4, -1, (short) 0)}),
                        "54 00 00 00 1a 00 01 61 00 00 00 00 00 00 00 00 00 00 17 00 04 ff ff ff ff 00 00"),
                Arguments.of(new RowDescription(new RowDescription.Field[] {
                        new RowDescription.Field("id", 16384, (short) 1, 20, (short) 8, -1, (short) 1)}),
                        "54 00 00 00 1b 00 01 69 64 00 00 00 40 00 00 01 00 00 00 14 00 08 ff ff ff ff 00 01"),
                Arguments.of(DataRow.of(utf8("1"), null), "44 00 00 00 0f 00 02 00 00 00 01 31 ff ff ff ff"),
                Arguments.of(DataRow.of(), "44 00 00 00 06 00 00"),
                Arguments.of(new CopyInResponse((byte) 0, new short[] {0, 0}), "47 00 00 00 0b 00 00 02 00 00 00 00"),
                Arguments.of(new CopyOutResponse((byte) 1, new short[] {1}), "48 00 00 00 09 01 00 01 00 01"),
                Arguments.of(new CopyBothResponse((byte) 0, new short[0]), "57 00 00 00 07 00 00 00"),
                Arguments.of(new CopyData(new byte[] {10}), "64 00 00 00 05 0a"),
                Arguments.of(new NegotiateProtocolVersion(0, List.of("_pq_.x")),
                        "76 00 00 00 13 00 00 00 00 00 00 00 01 5f 70 71 5f 2e 78 00"));
    }

    private static Map<Character, String> errorFields() {
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', "ERROR");
        f.put('C', "42P01");
        f.put('M', "x");
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void encodesToGoldenBytes(BackendMessage m, String golden) {
        assertThat(hex(encode(m))).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void roundTrips(BackendMessage m, String golden) {
        BackendMessage decoded = decodeBackend(hex(golden));
        assertThat(decoded).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(hex(encode(decoded))).isEqualTo(golden);
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
