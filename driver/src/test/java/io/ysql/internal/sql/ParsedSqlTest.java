package io.ysql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedSqlTest {

    @Test
    void namesMustMatchTheParameterCount() {
        assertThatThrownBy(() -> new ParsedSql("select $1, $2", 2, List.of("a"), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedSql("select", -1, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ParsedSql("select $1", 1, List.of("a"), false).hasNamedParameters()).isTrue();
    }

    @Test
    void namesAreCopiedAndImmutable() {
        List<String> names = new ArrayList<>(List.of("a"));
        ParsedSql p = new ParsedSql("select $1", 1, names, false);
        names.add("b");
        assertThat(p.parameterNames()).containsExactly("a");
        assertThatThrownBy(() -> p.parameterNames().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringLeavesTheTextOut() {
        ParsedSql p = new ParsedSql("alter role r password 'hunter2'", 0, List.of(), false);
        assertThat(p.toString()).doesNotContain("hunter2").contains("length=31");
    }
}
