package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowChunksTest {

    private static List<Bindings> rows(int n) {
        List<Bindings> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Bindings(new int[] {23, 25}, new short[] {1, 0},
                    new byte[][] {{0, 0, 0, (byte) i}, i % 2 == 0 ? null : new byte[] {'x'}}));
        }
        return out;
    }

    private static QueryResult inserted(long n) {
        return new QueryResult(null, ResultRows.empty(), "INSERT 0 " + n, n, false);
    }

    @Test
    void rowsAreLaidEndToEndPerChunk() {
        RowChunks c = RowChunks.of(rows(7), new int[] {4, 2, 1}, n -> "rows " + n);
        assertThat(c.texts()).containsExactly("rows 4", "rows 2", "rows 1");
        Bindings first = c.bindings().get(0);
        assertThat(first.typeOids()).containsExactly(23, 25, 23, 25, 23, 25, 23, 25);
        assertThat(first.formats()).containsExactly(1, 0, 1, 0, 1, 0, 1, 0);
        assertThat(first.values()[6]).containsExactly(0, 0, 0, 3);
        assertThat(first.values()[1]).isNull();
        assertThat(first.values()[3]).containsExactly((byte) 'x');
        assertThat(c.bindings().get(2).values()[0]).containsExactly(0, 0, 0, 6);
        assertThat(c.firstRowOf(2)).isEqualTo(6);
        assertThat(c.rowsIn(1)).isEqualTo(2);
    }

    @Test
    void countsAreExactWhenEveryRowOfAChunkWasInserted() {
        RowChunks c = RowChunks.of(rows(7), new int[] {4, 2, 1}, n -> "rows " + n);
        assertThat(c.rowCounts(List.of(inserted(4), inserted(1), inserted(0))))
                .containsExactly(1, 1, 1, 1, Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO,
                        Statement.SUCCESS_NO_INFO);
        assertThat(c.failedCounts()).hasSize(7).containsOnly(Statement.EXECUTE_FAILED);
    }

    @Test
    void anUntypedNullTakesTheTypeOtherRowsGiveItsPosition() {
        List<Bindings> rows = List.of(
                new Bindings(new int[] {23, 0}, new short[] {1, 0}, new byte[][] {{0, 0, 0, 1}, null}),
                new Bindings(new int[] {23, 1043}, new short[] {1, 0}, new byte[][] {{0, 0, 0, 2}, {'b'}}),
                new Bindings(new int[] {0, 0}, new short[] {0, 0}, new byte[][] {null, {'c'}}));
        Bindings merged = RowChunks.of(rows, new int[] {2, 1}, n -> "").bindings().get(0);
        assertThat(merged.typeOids()).containsExactly(23, 1043, 23, 1043);
        // a value the caller left untyped keeps its type: the server infers it
        assertThat(RowChunks.of(rows, new int[] {2, 1}, n -> "").bindings().get(1).typeOids()).containsExactly(23, 0);
    }

    @Test
    void chunksMustCoverTheRows() {
        assertThatThrownBy(() -> RowChunks.of(rows(3), new int[] {2}, n -> "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowChunks.of(rows(3), new int[] {2, 2}, n -> "")).isInstanceOf(IllegalArgumentException.class);
    }
}
