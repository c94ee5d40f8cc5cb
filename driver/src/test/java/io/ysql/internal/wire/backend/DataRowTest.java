package io.ysql.internal.wire.backend;

import static io.ysql.internal.wire.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendDecoder;
import io.ysql.internal.wire.ProtocolViolation;
import org.junit.jupiter.api.Test;

/** DataRow keeps the received bytes and exposes each value as a slice of them. */
class DataRowTest {

    @Test
    void exposesEachValueAsASliceOfTheBodyWithoutCopying() {
        byte[] buf = hex("ee ee 00 03 00 00 00 02 61 62 ff ff ff ff 00 00 00 00");
        DataRow row = DataRow.decode(buf, 2, buf.length - 2);
        assertThat(row.buffer()).isSameAs(buf);
        assertThat(row.columnCount()).isEqualTo(3);
        assertThat(row.offset(0)).isEqualTo(8);
        assertThat(row.length(0)).isEqualTo(2);
        assertThat(row.bytes(0)).containsExactly('a', 'b');
        assertThat(row.isNull(1)).isTrue();
        assertThat(row.length(1)).isEqualTo(-1);
        assertThat(row.bytes(1)).isNull();
        assertThat(row.isNull(2)).isFalse();
        assertThat(row.bytes(2)).isEmpty();
    }

    @Test
    void columnIndexOutOfRangeIsRefused() {
        DataRow row = DataRow.of(new byte[] {1});
        assertThatThrownBy(() -> row.length(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> row.offset(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void bytesReturnsACopy() {
        DataRow row = DataRow.of(new byte[] {1, 2});
        row.bytes(0)[0] = 9;
        assertThat(row.bytes(0)).containsExactly(1, 2);
    }

    @Test
    void ofBuildsTheSameRowAsDecodingItsEncoding() {
        DataRow row = DataRow.of(new byte[] {7}, null, new byte[0]);
        ByteWriter w = new ByteWriter();
        row.encode(w);
        byte[] frame = w.toByteArray();
        DataRow again = (DataRow) BackendDecoder.decode(frame[0], frame, 5, frame.length - 5);
        assertThat(again).isEqualTo(row).hasSameHashCodeAs(row);
        assertThat(again).isNotEqualTo(DataRow.of(new byte[] {7}, new byte[0], new byte[0]));
        assertThat(again).hasToString("DataRow[3 columns, 15 bytes]");
    }

    @Test
    void columnLengthBeyondTheBodyIsAViolation() {
        assertThatThrownBy(() -> decode("00 01 00 00 00 05 61 62"))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("column 1 has length 5 with 2 bytes left");
    }

    @Test
    void columnLengthBelowMinusOneIsAViolation() {
        assertThatThrownBy(() -> decode("00 01 ff ff ff fe")).isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void negativeColumnCountIsAViolation() {
        assertThatThrownBy(() -> decode("80 00")).isInstanceOf(ProtocolViolation.class).hasMessageContaining("negative");
    }

    @Test
    void missingColumnsAreAViolation() {
        assertThatThrownBy(() -> decode("00 02 00 00 00 00")).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("truncated at column 2 of 2");
        assertThatThrownBy(() -> decode("00")).isInstanceOf(ProtocolViolation.class);
    }

    @Test
    void trailingBytesAreAViolation() {
        assertThatThrownBy(() -> decode("00 01 00 00 00 01 61 62")).isInstanceOf(ProtocolViolation.class)
                .hasMessageContaining("1 trailing bytes");
    }

    @Test
    void decodesManyRowsOverOneSharedArray() {
        ByteWriter w = new ByteWriter();
        for (int i = 0; i < 10_000; i++) DataRow.of(new byte[] {(byte) i}, null).encode(w);
        byte[] stream = w.toByteArray();
        int rows = 0;
        for (int at = 0; at < stream.length; rows++) {
            int len = ByteReader.getInt(stream, at + 1) - 4;
            DataRow row = DataRow.decode(stream, at + 5, len);
            assertThat(row.buffer()).isSameAs(stream);
            assertThat(row.buffer()[row.offset(0)]).isEqualTo((byte) rows);
            assertThat(row.isNull(1)).isTrue();
            at += 5 + len;
        }
        assertThat(rows).isEqualTo(10_000);
    }

    private static DataRow decode(String bodyHex) {
        byte[] body = hex(bodyHex);
        return DataRow.decode(body, 0, body.length);
    }
}
