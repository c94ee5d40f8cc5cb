package io.ysql.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.frontend.PasswordMessage;
import io.ysql.internal.wire.frontend.Query;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A password sent through the writer is on the wire once and nowhere else afterwards. */
class MessageWriterSecretTest {
    private static final byte[] PASSWORD = "writer-Secret-pw".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPasswordMessageIsWipedOnceEncodedAndSentIntact() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        MessageWriter writer = new MessageWriter(wire);
        PasswordMessage message = PasswordMessage.cleartext(PASSWORD);
        writer.add(message).flush();
        assertThat(message.password()).containsOnly((byte) 0);
        byte[] sent = wire.toByteArray();
        assertThat(new String(sent, 5, PASSWORD.length, StandardCharsets.UTF_8)).isEqualTo("writer-Secret-pw");
    }

    @Test
    void theWritersBufferIsZeroedAfterSendingASecret() throws Exception {
        byte[][] written = new byte[1][];
        MessageWriter writer = new MessageWriter(new ByteArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                written[0] = b; // the writer's own buffer
                super.write(b, off, len);
            }
        });
        writer.add(PasswordMessage.cleartext(PASSWORD)).flush();
        assertThat(written[0]).containsOnly((byte) 0);
        writer.add(new Query("SELECT 1")).flush();
        assertThat(new String(written[0], StandardCharsets.ISO_8859_1)).contains("SELECT 1"); // others are left as is
    }
}
