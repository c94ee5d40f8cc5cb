package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.buffer.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows stored back to back in shared chunks read back exactly as they were received. */
class ResultRowsTest {

    /** A DataRow body of these values (null = SQL NULL), embedded after {@code pad} junk bytes. */
    static byte[] body(int pad, byte[]... values) {
        ByteWriter w = new ByteWriter();
        for (int i = 0; i < pad; i++) w.writeByte(0x5A);
        w.writeShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                w.writeInt(-1);
            } else {
                w.writeInt(v.length).writeBytes(v);
            }
        }
        return w.toByteArray();
    }

    static void add(ResultRows rows, byte[]... values) {
        byte[] b = body(3, values);
        rows.add(b, 3, b.length - 3);
    }

    static byte[] text(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static byte[] value(RowView v, int c) {
        return v.isNull(c) ? null : Arrays.copyOfRange(v.buffer(), v.offset(c), v.offset(c) + v.length(c));
    }

    @Test
    void aResultWithNoRows() {
        ResultRows rows = new ResultRows(2);
        assertThat(rows.size()).isZero();
        assertThat(rows.isEmpty()).isTrue();
        assertThatThrownBy(() -> RowView.of(rows).moveTo(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ResultRows.empty().size()).isZero();
        assertThat(ResultRows.empty().columnCount()).isZero();
    }

    @Test
    void valuesNullsAndEmptyValuesReadBack() {
        ResultRows rows = new ResultRows(3);
        add(rows, text("ab"), null, new byte[0]);
        add(rows, null, text("xyz"), null);
        RowView v = RowView.of(rows);
        v.moveTo(0);
        assertThat(value(v, 0)).containsExactly('a', 'b');
        assertThat(v.isNull(1)).isTrue();
        assertThat(v.length(1)).isEqualTo(-1);
        assertThat(v.bytes(1)).isNull();
        assertThat(v.isNull(2)).isFalse();
        assertThat(v.bytes(2)).isEmpty();
        v.moveTo(1);
        assertThat(v.isNull(0)).isTrue();
        assertThat(v.bytes(1)).containsExactly('x', 'y', 'z');
        assertThat(v.isNull(2)).isTrue();
        v.moveTo(0); // back again
        assertThat(v.bytes(0)).containsExactly('a', 'b');
    }

    @Test
    void rowsOfZeroColumns() {
        ResultRows rows = new ResultRows(0);
        for (int i = 0; i < 5; i++) add(rows);
        assertThat(rows.size()).isEqualTo(5);
        RowView v = RowView.of(rows);
        for (int i = 0; i < 5; i++) {
            v.moveTo(i);
            assertThat(v.columnCount()).isZero();
            assertThatThrownBy(() -> v.length(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void columnIndexOutOfRangeIsRefused() {
        ResultRows rows = new ResultRows(1);
        add(rows, text("a"));
        RowView v = rows.view(0);
        assertThatThrownBy(() -> v.offset(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> v.length(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> v.moveTo(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theBodyIsCopiedSoTheSourceMayBeReused() {
        ResultRows rows = new ResultRows(1);
        byte[] b = body(0, text("abc"));
        rows.add(b, 0, b.length);
        Arrays.fill(b, (byte) 0);
        assertThat(rows.view(0).bytes(0)).containsExactly('a', 'b', 'c');
    }

    @Test
    void manyRowsSpanChunkBoundaries() {
        ResultRows rows = new ResultRows(2);
        List<byte[]> expected = new ArrayList<>();
        int total = 0;
        for (int i = 0; total < 5 * ResultRows.CHUNK; i++) {
            byte[] s = text("row " + i + "-".repeat(i % 37));
            expected.add(s);
            add(rows, s, i % 5 == 0 ? null : new byte[] {(byte) i});
            total += s.length + 9;
        }
        RowView v = RowView.of(rows);
        for (int i = 0; i < expected.size(); i++) {
            v.moveTo(i);
            assertThat(v.bytes(0)).as("row %d", i).isEqualTo(expected.get(i));
            assertThat(v.isNull(1)).isEqualTo(i % 5 == 0);
        }
        // and backwards, which crosses chunks the other way
        for (int i = expected.size() - 1; i >= 0; i -= 7) {
            v.moveTo(i);
            assertThat(v.bytes(0)).as("row %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void hugeRowsBiggerThanAChunkGetAnArrayOfTheirOwn() {
        ResultRows rows = new ResultRows(1);
        Random random = new Random(42);
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int size = switch (i % 4) {
                case 0 -> ResultRows.CHUNK * 3 + i;
                case 1 -> ResultRows.OWN_ARRAY - 4; // stored with its length word: exactly the threshold
                case 2 -> 10;
                default -> ResultRows.OWN_ARRAY / 2;
            };
            byte[] s = new byte[size];
            random.nextBytes(s);
            expected.add(s);
            add(rows, s);
        }
        RowView v = RowView.of(rows);
        for (int i = 0; i < expected.size(); i++) {
            v.moveTo(i);
            assertThat(v.bytes(0)).as("row %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void aOneRowResultHoldsJustThatRow() {
        ResultRows rows = new ResultRows(1);
        add(rows, text("only"));
        assertThat(rows.view(0).buffer()).hasSize(8); // length word + value, nothing more
    }

    @Test
    void limitSharesTheRows() {
        ResultRows rows = new ResultRows(1);
        for (int i = 0; i < 100; i++) add(rows, text(Integer.toString(i)));
        ResultRows first = rows.limit(10);
        assertThat(first.size()).isEqualTo(10);
        assertThat(first.view(9).bytes(0)).containsExactly('9');
        assertThatThrownBy(() -> first.view(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(rows.limit(100)).isSameAs(rows);
        assertThat(rows.limit(1000)).isSameAs(rows);
    }

    @Test
    void showsTheShapeOnly() {
        ResultRows rows = new ResultRows(2);
        add(rows, text("secret"), null);
        assertThat(rows).hasToString("ResultRows[1 rows of 2 columns]");
    }
}
