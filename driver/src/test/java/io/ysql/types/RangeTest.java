package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void printsAsTheServer() {
        assertThat(Range.closedOpen(1, 5)).hasToString("[1,5)");
        assertThat(Range.lessThan(3L)).hasToString("(,3)");
        assertThat(Range.of(null, true, 3, true)).hasToString("(,3]");
        assertThat(Range.atLeast(new BigDecimal("1.50"))).hasToString("[1.50,)");
        assertThat(Range.all()).hasToString("(,)");
        assertThat(Range.empty()).hasToString("empty");
        assertThat(Range.closedOpen(LocalDate.of(2024, 1, 31), LocalDate.MAX)).hasToString("[2024-01-31,infinity)");
        assertThat(Range.closedOpen(LocalDateTime.of(2024, 1, 31, 10, 0), LocalDateTime.of(2024, 2, 1, 0, 0, 0, 500_000)))
            .hasToString("[\"2024-01-31 10:00:00\",\"2024-02-01 00:00:00.0005\")");
        assertThat(Range.closed(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)), null))
            .hasToString("[\"2024-01-01 00:00:00+05:30\",)");
        assertThat(Range.closed("a\"b", "c\\d")).hasToString("[\"a\"\"b\",\"c\\\\d\"]");
        assertThat(Range.closed("", "x y")).hasToString("[\"\",\"x y\"]");
    }

    @Test
    void readsQuotedEscapedAndUnboundedBounds() throws SQLException {
        assertThat(Range.parse("[1,5)")).isEqualTo(Range.closedOpen("1", "5"));
        assertThat(Range.parse(" empty ")).isEqualTo(Range.empty());
        assertThat(Range.parse("EMPTY").isEmpty()).isTrue();
        assertThat(Range.parse("(,)")).isEqualTo(Range.all());
        assertThat(Range.parse("(,3]")).isEqualTo(Range.of(null, false, "3", true));
        assertThat(Range.parse("[\"a\"\"b\",\"c\\\\d\"]")).isEqualTo(Range.closed("a\"b", "c\\d"));
        assertThat(Range.parse("[a\\,b,\"\"]")).isEqualTo(Range.closed("a,b", ""));
        assertThat(Range.parse("[1,5)", Integer::valueOf)).isEqualTo(Range.closedOpen(1, 5));
        for (String bad : new String[] {"", "[1,5", "1,5)", "[1;5)", "[1,5)x", "{1,5}"}) {
            assertThatThrownBy(() -> Range.parse(bad)).as(bad).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
        }
    }

    @Test
    void printedRangesReadBack() throws SQLException {
        String[] bounds = {"a", "", " ", "\"", "\\", "(", ")", "[", "]", ",", "x\"y\\z, ()", "null", "empty"};
        for (String lo : bounds) {
            for (String hi : bounds) {
                Range<String> r = Range.of(lo, true, hi, false);
                assertThat(Range.parse(r.toString())).as(r.toString()).isEqualTo(r);
            }
        }
    }

    @Test
    void containsHonoursInclusiveness() {
        assertThat(Range.closedOpen(1, 5).contains(1)).isTrue();
        assertThat(Range.closedOpen(1, 5).contains(5)).isFalse();
        assertThat(Range.open(1, 5).contains(1)).isFalse();
        assertThat(Range.of(1, false, 5, true).contains(5)).isTrue();
        assertThat(Range.<Integer>all().contains(Integer.MIN_VALUE)).isTrue();
        assertThat(Range.<Integer>empty().contains(0)).isFalse();
        assertThat(Range.atLeast(new BigDecimal("1.0")).contains(new BigDecimal("1"))).isTrue();
        assertThat(Range.of(null, true, 3, false).isLowerInclusive()).isFalse();
    }

    @Test
    void multiranges() throws SQLException {
        Multirange<Integer> m = Multirange.of(Range.closedOpen(1, 3), Range.closedOpen(5, 7));
        assertThat(m).hasToString("{[1,3),[5,7)}");
        assertThat(Multirange.of()).hasToString("{}");
        assertThat(Multirange.parse("{[1,3), [5,7)}", Integer::valueOf)).isEqualTo(m);
        assertThat(Multirange.parse(" { } ").ranges()).isEmpty();
        assertThat(m.contains(6)).isTrue();
        assertThat(m.contains(4)).isFalse();
        assertThatThrownBy(() -> Multirange.parse("{[1,3)")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Multirange.parse("[1,3)")).isInstanceOf(SQLException.class);
    }
}
