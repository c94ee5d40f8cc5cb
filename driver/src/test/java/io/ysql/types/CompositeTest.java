package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeTest {
    private final Composite c = new Composite("public.complex", List.of("r", "I"), Arrays.asList(1.5, null));

    @Test
    void accessByIndexAndName() {
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.get(0)).isEqualTo(1.5);
        assertThat(c.get("r")).isEqualTo(1.5);
        assertThat(c.get("i")).isNull();
        assertThat(c.indexOf("I")).isEqualTo(1);
        assertThatThrownBy(() -> c.get("x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[r, I]");
        assertThatThrownBy(() -> c.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Composite.of("t", 1).get("a")).hasMessageContaining("not known");
    }

    @Test
    void isAStruct() throws SQLException {
        assertThat(c.getSQLTypeName()).isEqualTo("public.complex");
        assertThat(c.getAttributes()).containsExactly(1.5, null);
        assertThat(c.getAttributes(Map.of())).containsExactly(1.5, null);
        assertThatThrownBy(() -> c.getAttributes(Map.of("x", String.class)))
                .isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "0A000");
    }

    @Test
    void isImmutableWithValueEquality() {
        assertThatThrownBy(() -> c.values().set(0, 2.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c).isEqualTo(new Composite("public.complex", List.of("r", "I"), Arrays.asList(1.5, null)))
                .hasSameHashCodeAs(new Composite("public.complex", List.of("r", "I"), Arrays.asList(1.5, null)));
        assertThat(c).isNotEqualTo(Composite.of("public.complex", 1.5, null));
        assertThat(c).hasToString("public.complex(1.5, null)");
        assertThatThrownBy(() -> new Composite("t", List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
