package io.ysql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlQuotingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "abc => \"abc\"",
        "Mixed Case => \"Mixed Case\"",
        "a\"b => \"a\"\"b\"",
        "\"\" => \"\"\"\"\"\"",
        "a'b\\c => \"a'b\\c\"",
        "é => \"é\"",
    })
    void quotesIdentifiers(String name, String expected) throws SQLException {
        String quoted = SqlQuoting.quoteIdentifier(name);
        assertThat(quoted).isEqualTo(expected);
        assertThat(SqlLexer.quotedEnd(quoted, 0)).as("one token").isEqualTo(quoted.length());
    }

    @Test
    void refusesEmptyIdentifier() {
        assertThatThrownBy(() -> SqlQuoting.quoteIdentifier(""))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42602");
    }

    @Test
    void refusesNulInIdentifier() {
        assertThatThrownBy(() -> SqlQuoting.quoteIdentifier("sch\0ema"))
                .isInstanceOf(SQLException.class)
                .hasMessageNotContaining("sch")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22021");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "abc => 'abc'",
        "`` => ''",
        "it's => 'it''s'",
        "'' => ''''''",
        "\" => '\"'",
        "a\\b => E'a\\\\b'",
        "it's \\ ok => E'it''s \\\\ ok'",
        "\\' => E'\\\\'''",
        "é => 'é'",
    })
    void quotesLiterals(String value, String expected) throws SQLException {
        String quoted = SqlQuoting.quoteLiteral(value);
        assertThat(quoted).isEqualTo(expected);
        int start = quoted.startsWith("E") ? 1 : 0;
        assertThat(SqlLexer.quotedEnd(quoted, start)).as("one token").isEqualTo(quoted.length());
    }

    @Test
    void refusesNulInLiteralWithoutRepeatingTheValue() {
        assertThatThrownBy(() -> SqlQuoting.quoteLiteral("secret\0"))
                .isInstanceOf(SQLException.class)
                .hasMessageNotContaining("secret")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22021");
    }
}
