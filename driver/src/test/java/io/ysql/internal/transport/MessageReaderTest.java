package io.ysql.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import io.ysql.internal.wire.backend.BindComplete;
import io.ysql.internal.wire.backend.BufferedDataRow;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.DataRow;
import io.ysql.internal.wire.backend.ParseComplete;
import io.ysql.internal.wire.backend.ReadyForQuery;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reader frames messages and hands DataRows out in place. */
class MessageReaderTest {

    private static byte[] frames(BackendMessage... messages) {
        ByteWriter w = new ByteWriter();
        for (BackendMessage m : messages) m.encode(w);
        return w.toByteArray();
    }

    /** Delivers the bytes a few at a time, as a slow socket would. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void dataRowsComeInPlaceAndValidated() throws IOException {
        DataRow a = DataRow.of(new byte[] {1, 2}, null);
        DataRow b = DataRow.of(new byte[0], new byte[] {3});
        MessageReader reader = new MessageReader(trickle(frames(a, b, new CommandComplete("SELECT 2")), 3), 1 << 20);
        BackendMessage first = reader.read();
        assertThat(first).isInstanceOf(BufferedDataRow.class);
        assertThat(((BufferedDataRow) first).columnCount()).isEqualTo(2);
        assertThat(((BufferedDataRow) first).toDataRow()).isEqualTo(a);
        BackendMessage second = reader.read();
        assertThat(second).isSameAs(first); // one instance, pointed at each row in turn
        assertThat(((BufferedDataRow) second).toDataRow()).isEqualTo(b);
        assertThat(reader.read()).isEqualTo(new CommandComplete("SELECT 2"));
    }

    @Test
    void aRowBiggerThanTheBufferStillArrivesWhole() throws IOException {
        byte[] big = new byte[MessageReader.INITIAL * 3 + 17];
        Arrays.fill(big, (byte) 7);
        MessageReader reader = new MessageReader(trickle(frames(DataRow.of(big)), 5000), Integer.MAX_VALUE);
        BufferedDataRow row = (BufferedDataRow) reader.read();
        assertThat(row.toDataRow().bytes(0)).isEqualTo(big);
    }

    @Test
    void aMalformedDataRowIsAViolation() {
        byte[] frame = frames(DataRow.of(new byte[] {1}));
        frame[frame.length - 5] = 9; // the column length now claims more bytes than the body holds
        MessageReader reader = new MessageReader(new ByteArrayInputStream(frame), 1 << 20);
        assertThatThrownBy(reader::read).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("DataRow column 1 has length");
    }

    @Test
    void theMessagesOfEveryExecutionDecodeAsUsual() throws IOException {
        byte[] bytes = frames(ParseComplete.INSTANCE, BindComplete.INSTANCE, new ReadyForQuery(ReadyForQuery.IDLE),
                new ReadyForQuery(ReadyForQuery.IN_TRANSACTION), new ReadyForQuery(ReadyForQuery.FAILED));
        MessageReader reader = new MessageReader(trickle(bytes, 2), 1 << 20);
        assertThat(reader.read()).isSameAs(ParseComplete.INSTANCE);
        assertThat(reader.read()).isSameAs(BindComplete.INSTANCE);
        assertThat(reader.read()).isEqualTo(new ReadyForQuery(ReadyForQuery.IDLE));
        assertThat(reader.read()).isEqualTo(new ReadyForQuery(ReadyForQuery.IN_TRANSACTION));
        assertThat(reader.read()).isEqualTo(new ReadyForQuery(ReadyForQuery.FAILED));
    }

    @Test
    void aBadTransactionStatusIsAViolation() {
        byte[] frame = frames(new ReadyForQuery(ReadyForQuery.IDLE));
        frame[5] = 'X';
        MessageReader reader = new MessageReader(new ByteArrayInputStream(frame), 1 << 20);
        assertThatThrownBy(reader::read).isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void theEndOfTheStreamIsReported() {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(new byte[] {'D', 0, 0}), 1 << 20);
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
    }
}
