package io.ysql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlLexerTest {

    /** Each row: text, position, expected end ({@code position} itself when nothing starts there). */
    @ParameterizedTest(name = "{0} @ {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "'ab'x => 0 => 4",
        "'a''b'x => 0 => 6",
        "'a\\'x' => 0 => 4",
        "E'a\\'x'y => 1 => 7",
        "xE'a\\'b' => 2 => 6",
        "\"a\"\"b\"x => 0 => 6",
        "$$a$$x => 0 => 5",
        "$q$a$$b$q$x => 0 => 10",
        "$1 => 0 => 0",
        "$ => 0 => 0",
        "$q => 0 => 0",
        "a$$b$$ => 1 => 1",
        "x => 0 => 0",
    })
    void findsTheEndOfQuotedTokens(String text, int at, int end) {
        assertThat(SqlLexer.quotedEnd(text, at)).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "-- a => 0 => 4",
        "/* a */x => 0 => 7",
        "/* /* */ */x => 0 => 11",
        "/*/ */x => 0 => 6",
        "/* a => 0 => 4",
        "- - => 0 => 0",
        "/ * => 0 => 0",
        "- => 0 => 0",
    })
    void findsTheEndOfComments(String text, int at, int end) {
        assertThat(SqlLexer.commentEnd(text, at)).isEqualTo(end);
    }

    @Test
    void lineCommentStopsBeforeTheNewline() {
        assertThat(SqlLexer.commentEnd("-- a\nb", 0)).isEqualTo(4);
    }

    @Test
    void countsNonEmptyStatements() {
        assertThat(StatementCounter.count("")).isZero();
        assertThat(StatementCounter.count(" ;\n; ")).isZero();
        assertThat(StatementCounter.count("select 1")).isEqualTo(1);
        assertThat(StatementCounter.count("select 1; select 2;; select ';'")).isEqualTo(3);
        assertThat(StatementCounter.count("do $$ begin perform 1; end $$; select 1")).isEqualTo(2);
    }
}
