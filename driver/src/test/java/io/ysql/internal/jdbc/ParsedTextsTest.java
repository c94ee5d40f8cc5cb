package io.ysql.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.session.Bindings;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A connection's scanned SQL texts: scanned once, shared, bounded. */
class ParsedTextsTest {
    private final ParsedTexts texts = new ParsedTexts();

    @Test
    void theSameTextIsScannedOnceAndShared() throws SQLException {
        ParsedTexts.Entry first = texts.of("SELECT * FROM t WHERE id = ?");
        ParsedTexts.Entry again = texts.of(new String("SELECT * FROM t WHERE id = ?"));

        assertThat(again).isSameAs(first);
        assertThat(first.parsed.sql()).isEqualTo("SELECT * FROM t WHERE id = $1");
        assertThat(first.parsed.parameterCount()).isEqualTo(1);
        assertThat(first.text.sql()).isEqualTo(first.parsed.sql());
    }

    @Test
    void theLeastRecentlyUsedTextGoesFirstBeyondTheLimit() throws SQLException {
        ParsedTexts.Entry kept = texts.of("SELECT 0");
        ParsedTexts.Entry dropped = texts.of("SELECT 1");
        for (int i = 2; i <= ParsedTexts.MAX_ENTRIES; i++) {
            texts.of("SELECT 0"); // used again: stays
            texts.of("SELECT " + i);
        }

        assertThat(texts.of("SELECT 0")).isSameAs(kept);
        assertThat(texts.of("SELECT 1")).isNotSameAs(dropped);
    }

    @Test
    void aLongTextIsScannedButNotKept() throws SQLException {
        String sql = "SELECT '" + "x".repeat(ParsedTexts.MAX_TEXT) + "' WHERE 1 = ?";
        ParsedTexts.Entry e = texts.of(sql);

        assertThat(e.parsed.parameterCount()).isEqualTo(1);
        assertThat(texts.of(sql)).isNotSameAs(e);
    }

    @Test
    void severalStatementsWithParametersAreRefusedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> texts.of("SELECT ?; SELECT ?"))
                    .isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "42601");
        }
    }

    @Test
    void parameterSlotsAreLentToOneStatementAtATime() throws SQLException {
        ParsedTexts.Entry e = texts.of("SELECT ?, ?");
        ParsedTexts.ParameterSlots s = new ParsedTexts.ParameterSlots(2);

        assertThat(s.values).hasSize(2);
        assertThat(s.ints).hasSize(2);
        assertThat(e.takeSlots()).isNull();
        e.giveBack(s);
        assertThat(e.takeSlots()).isSameAs(s);
        assertThat(e.takeSlots()).isNull();
    }

    @Test
    void parameterArraysAreLentToOneStatementAtATime() throws SQLException {
        ParsedTexts.Entry e = texts.of("SELECT ?");
        Bindings b = new Bindings(new int[1], new short[1], new byte[1][]);

        assertThat(e.takeBindings()).isNull();
        e.giveBack(b);
        assertThat(e.takeBindings()).isSameAs(b);
        assertThat(e.takeBindings()).isNull();
    }
}
