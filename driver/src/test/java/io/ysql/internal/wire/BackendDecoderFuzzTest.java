package io.ysql.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ysql.internal.transport.MessageReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of everything a server's bytes reach first: the framing reader and the
 * decoder of every backend message type. The contract under fuzzing is narrow: a message comes
 * out, or a {@link ProtocolViolation} (or end of input) does; any other exception, and any message
 * bigger than the reader's cap, is a finding. The committed corpus under
 * {@code BackendDecoderFuzzTestInputs} replays as an ordinary unit test.
 */
class BackendDecoderFuzzTest {
    /** A cap far below the input sizes the fuzzer can produce, so the length check is exercised. */
    private static final int CAP = 4096;

    @FuzzTest(maxDuration = "12s")
    void decodeOneMessage(FuzzedDataProvider data) {
        byte tag = data.consumeByte();
        byte[] body = data.consumeRemainingAsBytes();
        try {
            BackendMessage m = BackendDecoder.decode(tag, body, 0, body.length);
            assertThat(m).isNotNull();
            assertThat(m.toString()).isNotNull();
        } catch (ProtocolViolation expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "12s")
    void readAStream(byte[] bytes) {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(bytes), CAP);
        try {
            for (int i = 0; i < 1000; i++) assertThat(reader.read()).isNotNull();
        } catch (ProtocolViolation | EOFException expected) {
            // refused or ended: both are clean outcomes
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read: " + e, e);
        }
    }
}
