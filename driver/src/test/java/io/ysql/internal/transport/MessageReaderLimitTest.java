package io.ysql.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.ProtocolViolation;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.DataRow;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The reader's cap on what a message may make it allocate: a length above the cap is refused
 * before its body is awaited, the error names max_message_size, and a huge announced length that
 * the peer does not back with bytes costs only the bytes that arrived.
 */
class MessageReaderLimitTest {
    private static final int FOUR_MIB = 4 << 20;

    private static byte[] header(char tag, int length) {
        return new ByteWriter(5).writeByte((byte) tag).writeInt(length).toByteArray();
    }

    private static MessageReader authenticated(InputStream in, int cap) {
        MessageReader reader = new MessageReader(in, Transport.MAX_STARTUP_MESSAGE_LENGTH);
        reader.maxLength(cap);
        return reader;
    }

    @Test
    void aLengthAboveTheCapIsRefusedNamingTheOption() {
        MessageReader reader = authenticated(new ByteArrayInputStream(header('D', FOUR_MIB + 1)), FOUR_MIB);
        assertThatThrownBy(reader::read).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("announces " + (FOUR_MIB + 1) + " bytes, more than the limit of " + FOUR_MIB)
                .hasMessageContaining("raise max_message_size if the server really sends values this large");
    }

    @Test
    void twoGibibytesAndANegativeLengthAreRefused() {
        MessageReader huge = authenticated(new ByteArrayInputStream(header('d', Integer.MAX_VALUE)), FOUR_MIB);
        assertThatThrownBy(huge::read).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("announces 2147483647 bytes");
        MessageReader negative = authenticated(new ByteArrayInputStream(header('D', -8)), FOUR_MIB);
        assertThatThrownBy(negative::read).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("invalid message length -8");
    }

    @Test
    void aMessageOfExactlyTheCapIsRead() throws Exception {
        int cap = 4096;
        byte[] value = new byte[cap - 4 - 2 - 4]; // length field, column count, column length
        ByteWriter w = new ByteWriter();
        DataRow.of(value).encode(w);
        MessageReader reader = authenticated(new ByteArrayInputStream(w.toByteArray()), cap);
        assertThat(reader.read()).isInstanceOf(BufferedDataRow.class);
    }

    @Test
    void beforeAuthenticationTheStartupCapApplies() {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(header('R', 2 << 20)), 1 << 20);
        assertThatThrownBy(reader::read).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("more than the limit of 1048576 allowed before authentication");
        MessageReader lowered = new MessageReader(new ByteArrayInputStream(header('R', 8192)), 1 << 20);
        lowered.lowerStartupLimit(4096);
        assertThatThrownBy(lowered::read).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("more than the limit of 4096");
    }

    @Test
    void aCapTooSmallForAnyMessageIsRefused() {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(new byte[0]), 1 << 20);
        assertThatThrownBy(() -> reader.maxLength(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_message_size");
    }

    @Test
    void aHugeLengthFollowedBySilenceAllocatesOnlyWhatArrived() throws Exception {
        // 1 GiB announced under a cap that allows it, then 100 kB and the end of the stream
        byte[] bytes = new byte[5 + 100_000];
        System.arraycopy(header('D', 1 << 30), 0, bytes, 0, 5);
        int[] largestBuffer = {0};
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                largestBuffer[0] = Math.max(largestBuffer[0], b.length); // the reader's own buffer
                return super.read(b, off, len);
            }
        };
        MessageReader reader = authenticated(in, Integer.MAX_VALUE);
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
        assertThat(largestBuffer[0]).as("the reader's buffer").isGreaterThan(0).isLessThan(1 << 20);
    }
}
