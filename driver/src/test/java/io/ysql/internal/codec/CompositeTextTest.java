package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompositeTextTest {

    @Test
    void parsesPlainQuotedEmptyAndNullFields() throws SQLException {
        assertThat(CompositeText.parse("(1,\"a b\",,\"\")")).containsExactly("1", "a b", null, "");
    }

    @Test
    void parsesDoubledQuotesAndBackslashes() throws SQLException {
        assertThat(CompositeText.parse("(\"x \"\"y\"\"\",\"a\\\\b\",c\\,d)")).containsExactly("x \"y\"", "a\\b", "c,d");
    }

    @Test
    void parsesNestedCompositesAsText() throws SQLException {
        assertThat(CompositeText.parse("(Ann,\"(\"\"Elm \"\"\"\"1\"\"\"\"\"\",7)\",)"))
                .containsExactly("Ann", "(\"Elm \"\"1\"\"\",7)", null);
        assertThat(CompositeText.parse("(\"(\"\"Elm \"\"\"\"1\"\"\"\"\"\",7)\")").get(0)).isEqualTo("(\"Elm \"\"1\"\"\",7)");
    }

    @Test
    void parsesTheEdgeShapes() throws SQLException {
        assertThat(CompositeText.parse("()")).isEmpty();
        assertThat(CompositeText.parse("(,)")).containsExactly(null, null);
        assertThat(CompositeText.parse("( a )")).containsExactly(" a ");
        assertThat(CompositeText.parse("(\"{1,2}\",\"{\"\"a b\"\"}\")")).containsExactly("{1,2}", "{\"a b\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(", "1,2", "(\"a)", "(a\\)", "(a(b)"})
    void rejectsWhatIsNotACompositeLiteral(String text) {
        assertThatThrownBy(() -> CompositeText.parse(text)).isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "22P02");
    }

    @Test
    void printsAsTheServerDoes() {
        assertThat(CompositeText.format(Arrays.asList("1", "a b", null, "", "x\"y", "a\\b", "(p)", "c,d", "plain")))
                .isEqualTo("(1,\"a b\",,\"\",\"x\"\"y\",\"a\\\\b\",\"(p)\",\"c,d\",plain)");
        assertThat(CompositeText.format(List.of())).isEqualTo("()");
        assertThat(CompositeText.format(List.of("tab\there"))).isEqualTo("(\"tab\there\")");
    }

    @Test
    void printedTextParsesBackToTheSameFields() throws SQLException {
        List<String> fields = Arrays.asList("", null, " ", "\"", "\\", "()", ",", "é ☃", "(\"x\",)");
        assertThat(CompositeText.parse(CompositeText.format(fields))).isEqualTo(fields);
        String nested = CompositeText.format(Arrays.asList("a", CompositeText.format(fields)));
        assertThat(CompositeText.parse(CompositeText.parse(nested).get(1))).isEqualTo(fields);
    }
}
