package io.ysql.internal.wire.frontend;

import static io.ysql.internal.wire.Frames.encode;
import static io.ysql.internal.wire.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.FrontendDecoder;
import io.ysql.internal.wire.ProtocolViolation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frontend records refuse what the protocol cannot carry, and the decoder refuses malformed input. */
class FrontendValidationTest {

    @Test
    void bindRefusesAFormatCountThatIsNeitherZeroOneNorTheParameterCount() {
        assertThatThrownBy(() -> new Bind("", "", new short[] {0, 1}, new byte[3][], new short[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 0, 1 or 3");
    }

    @Test
    void bindRefusesUnknownFormatCodes() {
        assertThatThrownBy(() -> new Bind("", "", new short[] {2}, new byte[1][], new short[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bind("", "", new short[0], new byte[1][], new short[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindHandsOutCopiesOfItsFormatArrays() {
        // kept as given, not copied (a Bind is encoded as soon as it is made), but never handed out to be changed
        short[] formats = {1};
        Bind b = new Bind("", "", formats, new byte[][] {{1}}, formats);
        b.parameterFormats()[0] = 0;
        b.resultFormats()[0] = 0;
        assertThat(b.parameterFormats()).containsExactly(1);
        assertThat(b.resultFormats()).containsExactly(1);
    }

    @Test
    void describeAndCloseRefuseAKindOtherThanStatementOrPortal() {
        assertThatThrownBy(() -> new Describe((byte) 'X', "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Close((byte) 's', "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void executeRefusesANegativeRowLimit() {
        assertThatThrownBy(() -> new Execute("", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNulCharacterInAStringIsRefusedAndNothingIsWritten() {
        ByteWriter w = new ByteWriter();
        assertThatThrownBy(() -> new Query("SELECT '\0'").encode(w)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Parse("a\0", "", new int[0]).encode(w)).isInstanceOf(IllegalArgumentException.class);
        assertThat(w.size()).isZero();
    }

    @Test
    void cleartextPasswordRefusesANulByteWithoutQuotingThePassword() {
        assertThatThrownBy(() -> PasswordMessage.cleartext("se\0cret".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("se").doesNotContain("cret");
    }

    @Test
    void secretsNeverReachToString() {
        assertThat(PasswordMessage.cleartext("hunter2".getBytes(StandardCharsets.UTF_8)))
                .hasToString("PasswordMessage[redacted]");
        assertThat(new SASLInitialResponse("SCRAM-SHA-256", "n,,n=,r=nonce".getBytes(StandardCharsets.UTF_8)).toString())
                .doesNotContain("nonce");
        assertThat(new SASLResponse("p=proof".getBytes(StandardCharsets.UTF_8)).toString()).doesNotContain("proof");
        assertThat(new CancelRequest(7, 987654321).toString()).doesNotContain("987654321");
        assertThat(new Query("ALTER ROLE a PASSWORD 'hunter2'").toString()).doesNotContain("hunter2");
    }

    @Test
    void startupMessageKeepsInsertionOrderAndShortensLongValuesInToString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", "alice");
        params.put("application_name", "x".repeat(1000));
        params.put("database", "db");
        StartupMessage m = new StartupMessage(params);
        assertThat(m.parameters().keySet()).containsExactly("user", "application_name", "database");
        assertThat(m.toString()).contains("protocol=3.0", "user=alice", "database=db").hasSizeLessThan(250);
    }

    @Test
    void startupMessageRefusesAnEmptyParameterName() {
        assertThatThrownBy(() -> new StartupMessage(Map.of("", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownFrontendTagIsAViolation() {
        assertThatThrownBy(() -> FrontendDecoder.decode((byte) 'F', new byte[0], 0, 0))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("'F'");
    }

    @Test
    void truncatedBindIsAViolation() {
        byte[] frame = encode(new Bind("", "s", new short[0], new byte[][] {{1, 2, 3}}, new short[0]));
        assertThatThrownBy(() -> FrontendDecoder.decode((byte) 'B', frame, 5, frame.length - 8))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("Bind truncated");
    }

    @Test
    void bindParameterLengthBelowMinusOneIsAViolation() {
        byte[] body = hex("00 00 00 00 00 01 ff ff ff fe 00 00");
        assertThatThrownBy(() -> FrontendDecoder.decode((byte) 'B', body, 0, body.length))
                .isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void trailingBytesAfterSyncAreAViolation() {
        assertThatThrownBy(() -> FrontendDecoder.decode((byte) 'S', new byte[] {0}, 0, 1))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("trailing");
    }

    @Test
    void decodedExecuteWithNegativeRowLimitIsAViolation() {
        byte[] body = hex("00 ff ff ff ff");
        assertThatThrownBy(() -> FrontendDecoder.decode((byte) 'E', body, 0, body.length))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("Execute");
    }

    @Test
    void startupWithAnUnsupportedProtocolVersionIsAViolation() {
        assertThatThrownBy(() -> FrontendDecoder.decodeStartup(hex("00 02 00 00 00")))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("2.0");
    }

    @Test
    void startupWithoutTheFinalZeroIsAViolation() {
        assertThatThrownBy(() -> FrontendDecoder.decodeStartup(hex("00 03 00 00 75 00 61 00")))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("truncated");
    }

    @Test
    void startupRequestsWithExtraBytesAreViolations() {
        assertThatThrownBy(() -> FrontendDecoder.decodeStartup(hex("04 d2 16 2f 00")))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("SSLRequest");
        assertThatThrownBy(() -> FrontendDecoder.decodeStartup(hex("04 d2 16 2e 00 00 00 01 00 00 00 02 00")))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("CancelRequest");
        assertThatThrownBy(() -> FrontendDecoder.decodeStartup(hex("04 d2")))
                .isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void saslInitialResponseWithABadDataLengthIsAViolation() {
        assertThatThrownBy(() -> SASLInitialResponse.decode(hex("41 00 ff ff ff fe")))
                .isInstanceOf(ProtocolViolation.class);
        assertThatThrownBy(() -> SASLInitialResponse.decode(hex("41 00 00 00 00 05 01")))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> SASLInitialResponse.decode(hex("41 00 00 00 00 01 01 02")))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("trailing");
    }
}
