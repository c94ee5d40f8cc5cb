package io.ysql.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.frontend.Bind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Length limits are checked before anything is written; peer lengths are checked on arrival. */
class FramingTest {

    @Test
    void bindOverTheProtocolLimitIsRefusedBeforeTheWriterGrows() {
        byte[] eightMiB = new byte[8 << 20];
        byte[][] values = new byte[300][];
        Arrays.fill(values, eightMiB);
        Bind bind = new Bind("", "", new short[] {1}, values, new short[0]);
        ByteWriter w = new ByteWriter(64);
        w.writeBytes(new byte[] {1, 2, 3});
        int capacity = w.array().length;

        assertThatThrownBy(() -> bind.encode(w))
                .isInstanceOf(IllegalArgumentException.class)
                // 300 × (4 + 8 MiB) values + 10 other body bytes + 4 length + 1 type
                .hasMessageStartingWith("message too large: 2516583615 bytes;")
                .hasMessageContaining("the protocol limit is 2^31-1");
        assertThat(w.size()).isEqualTo(3);
        assertThat(w.array().length).isEqualTo(capacity);
    }

    @Test
    void largestMessageTheSendBufferCanHoldIsAccepted() {
        ByteWriter w = new ByteWriter(16);
        Framing.writeHeader(w, (byte) 'd', Framing.MAX_SEND_BUFFER - 5L);
        assertThat(w.toByteArray()).containsExactly('d', 0x7f, 0xff, 0xff, 0xf6);
    }

    @Test
    void messageThatFitsTheProtocolButNotBehindQueuedBytesIsRefused() {
        ByteWriter w = new ByteWriter(16);
        w.writeByte(1);
        assertThatThrownBy(() -> Framing.writeHeader(w, (byte) 'd', Framing.MAX_SEND_BUFFER - 5L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("send buffer");
        assertThat(w.size()).isEqualTo(1);
    }

    @Test
    void lengthBeyondTheInt32FieldIsRefused() {
        ByteWriter w = new ByteWriter(16);
        assertThatThrownBy(() -> Framing.writeUntaggedHeader(w, Integer.MAX_VALUE - 3L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^31-1");
        assertThat(w.size()).isZero();
    }

    @Test
    void peerLengthShorterThanItsOwnFieldIsAViolation() {
        assertThat(Framing.bodyLength(4)).isZero();
        assertThat(Framing.bodyLength(13)).isEqualTo(9);
        assertThatThrownBy(() -> Framing.bodyLength(3)).isInstanceOf(ProtocolViolation.class);
        assertThatThrownBy(() -> Framing.bodyLength(-1)).isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void violationQuotesAtMostSixtyFourCharactersOfPeerData() {
        assertThat(ProtocolViolation.excerpt("x".repeat(1000))).hasSize(ProtocolViolation.MAX_EXCERPT + 3);
        assertThat(ProtocolViolation.describeByte('Z')).isEqualTo("'Z' (0x5a)");
        assertThat(ProtocolViolation.describeByte(0)).isEqualTo("0x00");
    }
}
