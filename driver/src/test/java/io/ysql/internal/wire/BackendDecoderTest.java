package io.ysql.internal.wire;

import static io.ysql.internal.wire.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.wire.backend.AuthenticationUnsupported;
import io.ysql.internal.wire.backend.BackendKeyData;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.ErrorResponse;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Malformed backend input is always a {@link ProtocolViolation} that names what was wrong. */
class BackendDecoderTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> decoding(char tag, String bodyHex) {
        byte[] body = hex(bodyHex);
        return assertThatThrownBy(() -> BackendDecoder.decode((byte) tag, body, 0, body.length))
                .isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void unknownTag() {
        decoding('q', "").hasMessage("unknown backend message type 'q' (0x71)");
        decoding('\u00ff', "").hasMessageContaining("0xff");
    }

    @Test
    void functionCallResponseIsNotSupported() {
        decoding('V', "00 00 00 00").hasMessageContaining("unknown backend message type 'V'");
        assertThat(BackendDecoder.name((byte) 'V')).isEqualTo("FunctionCallResponse");
    }

    @Test
    void truncatedBodies() {
        decoding('Z', "").hasMessageContaining("ReadyForQuery truncated");
        decoding('R', "00 00").hasMessageContaining("Authentication truncated");
        decoding('K', "00 00 04 d2").hasMessageContaining("BackendKeyData");
        decoding('C', "49 4e 53").hasMessageContaining("CommandComplete truncated");
        decoding('T', "00 01 61 00 00 00").hasMessageContaining("RowDescription truncated");
        decoding('t', "00 02 00 00 00 17").hasMessageContaining("ParameterDescription truncated");
        decoding('A', "00 00 00 01 63 00").hasMessageContaining("NotificationResponse truncated");
        decoding('S', "61 00").hasMessageContaining("ParameterStatus truncated");
        decoding('G', "00 00 02 00 00").hasMessageContaining("CopyInResponse truncated");
        decoding('v', "00 00 00 00 00 00 00 02 61 00").hasMessageContaining("NegotiateProtocolVersion");
        decoding('R', "00 00 00 0a 41 00").hasMessageContaining("Authentication truncated");
    }

    @Test
    void negativeCounts() {
        decoding('T', "ff ff").hasMessageContaining("negative column count");
        decoding('G', "00 ff fe").hasMessageContaining("negative column count");
        decoding('v', "00 00 00 00 ff ff ff ff").hasMessageContaining("option count");
    }

    @Test
    void trailingBytes() {
        decoding('1', "00").hasMessage("ParseComplete has 1 trailing bytes");
        decoding('R', "00 00 00 00 00").hasMessageContaining("trailing");
        decoding('Z', "49 49").hasMessageContaining("trailing");
        decoding('C', "41 00 42").hasMessageContaining("trailing");
    }

    @Test
    void md5SaltMustBeFourBytes() {
        decoding('R', "00 00 00 05 01 02 03").hasMessageContaining("salt must be 4 bytes, got 3");
        decoding('R', "00 00 00 05 01 02 03 04 05").hasMessageContaining("salt must be 4 bytes, got 5");
    }

    @Test
    void readyForQueryStatusMustBeIdleInTransactionOrFailed() {
        decoding('Z', "41").hasMessageContaining("'I', 'T' or 'E'").hasMessageContaining("'A'");
        assertThat(BackendDecoder.decode((byte) 'Z', hex("54"), 0, 1)).hasToString("ReadyForQuery[T]");
    }

    @Test
    void errorResponseWithoutTerminator() {
        decoding('E', "53 45 52 52 4f 52 00").hasMessageContaining("ErrorResponse truncated");
        decoding('N', "53 45 52 52 4f 52").hasMessageContaining("NoticeResponse truncated");
    }

    @Test
    void errorResponseKeepsFieldOrderAndUnknownFields() {
        byte[] body = hex("43 34 32 00 7a 71 00 53 45 00 00");
        ErrorResponse e = (ErrorResponse) BackendDecoder.decode((byte) 'E', body, 0, body.length);
        assertThat(e.fields().keySet()).containsExactly('C', 'z', 'S');
        assertThat(e.field('z')).isEqualTo("q");
    }

    @Test
    void backendKeyDataAcceptsProtocol32KeysUpTo256Bytes() {
        decoding('K', "00 00 00 01 " + "00 ".repeat(257)).hasMessageContaining("4 to 256 bytes");
        byte[] body = hex("00 00 00 01 " + "ab ".repeat(32));
        var key = (BackendKeyData) BackendDecoder.decode((byte) 'K', body, 0, body.length);
        assertThat(key.secretKey()).hasSize(32);
        assertThatThrownBy(key::secretKeyInt).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void copyResponsesRefuseBadFormats() {
        decoding('H', "02 00 00").hasMessageContaining("overall COPY format");
        decoding('H', "00 00 01 00 01").hasMessageContaining("textual COPY");
        decoding('W', "01 00 01 00 05").hasMessageContaining("column format");
    }

    @Test
    void unsupportedAuthenticationMethodsAreNamed() {
        assertThat(method("00 00 00 02")).isEqualTo("KerberosV5");
        assertThat(method("00 00 00 06")).isEqualTo("SCM credentials");
        assertThat(method("00 00 00 07")).isEqualTo("GSSAPI");
        assertThat(method("00 00 00 08 01 02")).isEqualTo("GSSAPI");
        assertThat(method("00 00 00 09")).isEqualTo("SSPI");
        assertThat(method("00 00 00 63")).isEqualTo("unknown (code 99)");
    }

    private static String method(String bodyHex) {
        byte[] body = hex(bodyHex);
        return ((AuthenticationUnsupported) BackendDecoder.decode((byte) 'R', body, 0, body.length)).methodName();
    }

    @Test
    void decodesFromASliceOfALargerArray() {
        byte[] buf = hex("ff ff 53 45 4c 45 43 54 20 33 00 ee");
        assertThat(BackendDecoder.decode((byte) 'C', buf, 2, 9)).isEqualTo(new CommandComplete("SELECT 3"));
    }

    @Test
    void violationMessagesDoNotQuoteLongPeerData() {
        String longName = "61 ".repeat(500);
        decoding('R', "00 00 00 0a " + longName).message().hasSizeLessThan(200);
    }
}
