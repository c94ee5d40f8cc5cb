package io.ysql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyformatPlaceholdersTest {

    @Test
    void positionalPlaceholdersAreNumberedInOrder() throws SQLException {
        ParsedSql p = PyformatPlaceholders.parse("insert into t values (%s, %s, %s)");
        assertThat(p.sql()).isEqualTo("insert into t values ($1, $2, $3)");
        assertThat(p.parameterCount()).isEqualTo(3);
        assertThat(p.parameterNames()).isEmpty();
        assertThat(p.hasNamedParameters()).isFalse();
    }

    @Test
    void binaryAndTextHintsCountAsPlaceholders() throws SQLException {
        ParsedSql p = PyformatPlaceholders.parse("select %b, %t, %s");
        assertThat(p.sql()).isEqualTo("select $1, $2, $3");
        assertThat(p.parameterCount()).isEqualTo(3);
    }

    @Test
    void namedPlaceholdersShareANumberPerName() throws SQLException {
        ParsedSql p = PyformatPlaceholders.parse("select %(a)s, %(b)s, %(a)s, %(c)b, %(b)t");
        assertThat(p.sql()).isEqualTo("select $1, $2, $1, $3, $2");
        assertThat(p.parameterCount()).isEqualTo(3);
        assertThat(p.parameterNames()).containsExactly("a", "b", "c");
        assertThat(p.hasNamedParameters()).isTrue();
    }

    @Test
    void namesMayHoldAnyCharacterButTheClosingParenthesis() throws SQLException {
        ParsedSql p = PyformatPlaceholders.parse("select %(naïve name)s, %(x-1)s, %(naïve name)s");
        assertThat(p.sql()).isEqualTo("select $1, $2, $1");
        assertThat(p.parameterNames()).containsExactly("naïve name", "x-1");
    }

    @Test
    void numbersPastNine() throws SQLException {
        StringBuilder sql = new StringBuilder("values (");
        for (int i = 0; i < 11; i++) sql.append(i == 0 ? "" : ",").append("%(p").append(i).append(")s");
        ParsedSql p = PyformatPlaceholders.parse(sql.append(", %(p10)s)").toString());
        assertThat(p.sql()).isEqualTo("values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11, $11)");
        assertThat(p.parameterNames()).hasSize(11).endsWith("p10");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "select 10 %% 3, %s => select 10 % 3, $1",
        "select 'a%%b' => select 'a%b'",
        "select '%%s' => select '%s'",
        "select %%%s => select %$1",
        "select %%(a)s => select %(a)s",
        // like psycopg, % is significant inside literals, identifiers and comments too
        "select '%s' => select '$1'",
        "select \"%s\", $$%s$$ -- %s => select \"$1\", $$$2$$ -- $3",
        // a $1 the user writes is left alone
        "select $1, %s => select $1, $1",
    })
    void rewritesEverywhere(String sql, String expected) throws SQLException {
        assertThat(PyformatPlaceholders.parse(sql).sql()).isEqualTo(expected);
    }

    @Test
    void textWithoutPercentIsReturnedAsIs() throws SQLException {
        String sql = "select 'a?', $1";
        ParsedSql p = PyformatPlaceholders.parse(sql);
        assertThat(p.sql()).isSameAs(sql);
        assertThat(p.parameterCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "select %d => got '%d' at position 8",
        "select name like 'a%' => got '%'' at position 20",
        "select 1 % 2 => got '% ' at position 10",
        "select %(a)d => got '%(...)d' at position 8",
        "select 1 % => incomplete placeholder '%' at the end of the statement at position 10",
        "select %(a => incomplete placeholder '%(' at position 8",
        "select %(a) => incomplete placeholder '%(' at position 8",
        "select %()s => empty placeholder name '%()' at position 8",
        "select %s, %(a)s => cannot be mixed in one statement at position 12",
        "select %(a)s, %s => cannot be mixed in one statement at position 15",
    })
    void refusesBadPlaceholdersWithTheirPosition(String sql, String message) {
        assertThatThrownBy(() -> PyformatPlaceholders.parse(sql))
                .isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("write '%%' for a literal '%'")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
    }

    @Test
    void errorMessagesLeaveNamesOut() {
        assertThatThrownBy(() -> PyformatPlaceholders.parse("alter role r password 'x%(hunter2)d'"))
                .isInstanceOf(SQLException.class)
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "select %s; select %s => true",
        "select 1; select 2 => true",
        "select %s; => false",
        "select '%%;' => false",
        "select %s -- ; %% => false",
        "select $$;$$, %(a)s => false",
    })
    void detectsMultipleStatementsInTheRewrittenText(String sql, boolean multiple) throws SQLException {
        assertThat(PyformatPlaceholders.parse(sql).multipleStatements()).isEqualTo(multiple);
    }
}
