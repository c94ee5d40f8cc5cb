package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArrayTextTest {

    private static ArrayData parse(String s) throws SQLException {
        Slices v = Slices.text(s);
        return ArrayText.parse(Oids.TEXT_ARRAY, Oids.TEXT, v.b(), v.off(), v.len());
    }

    /** The elements in row-major order, null for NULL. */
    private static List<String> elements(ArrayData a) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < a.elementCount(); k++) out.add(a.isNull(k) ? null : a.elementText(k));
        return out;
    }

    @Test
    void readsBareQuotedAndNullElements() throws SQLException {
        ArrayData a = parse("{1,NULL,\"a \\\"b\\\"\",null,\"NULL\",\"\"}");
        assertThat(a.dimensions()).isEqualTo(1);
        assertThat(a.dimension(0)).isEqualTo(6);
        assertThat(elements(a)).containsExactly("1", null, "a \"b\"", null, "NULL", "");
    }

    @Test
    void trimsUnquotedWhitespaceButKeepsEscapedAndQuotedSpaces() throws SQLException {
        assertThat(elements(parse("{  a b  , \" c \" ,d\\ ,\\ e}"))).containsExactly("a b", " c ", "d ", " e");
        assertThat(elements(parse(" { x } "))).containsExactly("x");
    }

    @Test
    void backslashEscapesInBareElements() throws SQLException {
        assertThat(elements(parse("{a\\,b,c\\\\d,\\NULL}"))).containsExactly("a,b", "c\\d", "NULL");
    }

    @Test
    void emptyArraysHaveNoDimensions() throws SQLException {
        assertThat(parse("{}").dimensions()).isZero();
        assertThat(parse("{{},{}}").dimensions()).isZero();
        assertThat(parse(" {  } ").elementCount()).isZero();
    }

    @Test
    void multiDimensional() throws SQLException {
        ArrayData a = parse("{{1,2,3},{4,5,6}}");
        assertThat(a.dimensions()).isEqualTo(2);
        assertThat(a.dimension(0)).isEqualTo(2);
        assertThat(a.dimension(1)).isEqualTo(3);
        assertThat(elements(a)).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(elements(a.item(1))).containsExactly("4", "5", "6");
        assertThat(ArrayText.print(a.slice(1, 1))).isEqualTo("{{4,5,6}}");
        ArrayData six = parse("{{{{{{1}}}}}}");
        assertThat(six.dimensions()).isEqualTo(6);
    }

    @Test
    void lowerBoundsAreKeptAndPrinted() throws SQLException {
        ArrayData a = parse("[0:2]={1,2,3}");
        assertThat(a.lowerBound(0)).isZero();
        assertThat(elements(a)).containsExactly("1", "2", "3");
        assertThat(ArrayText.print(a)).isEqualTo("[0:2]={1,2,3}");
        ArrayData b = parse("[1:1][-2:-1]={{7,8}}");
        assertThat(ArrayText.print(b)).isEqualTo("[1:1][-2:-1]={{7,8}}");
        assertThat(ArrayText.print(parse("[1:2]={1,2}"))).isEqualTo("{1,2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{1,2},{3}}", "{{1},2}", "{1,{2}}", "{{1},{}}", "1,2", "{1,2", "{1,,2}", "{1,}", "{a\"b}",
        "{1} x", "[0:1]={1}", "[2:1]={1}", "{\"a}", "{a{b}", "[1:2={1,2}", "[1:2]{1,2}"})
    void refusesMalformedAndRaggedInput(String literal) {
        assertThatThrownBy(() -> parse(literal))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("malformed array literal")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P02"));
    }

    @Test
    void refusesMoreThanSixDimensions() {
        assertThatThrownBy(() -> parse("{{{{{{{1}}}}}}}"))
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
    }

    @Test
    void printsQuotesExactlyWhereTheServerDoes() {
        String[] values = {"plain", "", "NULL", "null", "a,b", "{x}", "q\"q", "b\\s", " lead", "tab\t", "new\nline", "é", null};
        String printed = ArrayText.print(new int[] {values.length}, new int[] {1}, values, ',');
        assertThat(printed).isEqualTo(
            "{plain,\"\",\"NULL\",\"null\",\"a,b\",\"{x}\",\"q\\\"q\",\"b\\\\s\",\" lead\",\"tab\t\",\"new\nline\",é,NULL}");
        assertThat(ArrayText.print(new int[] {2}, new int[] {1}, new String[] {"(1,1),(0,0)", "a;b"}, ';'))
            .isEqualTo("{(1,1),(0,0);\"a;b\"}");
        assertThat(ArrayText.print(new int[0], new int[0], new String[0], ',')).isEqualTo("{}");
    }

    @Test
    void boxArraysUseTheSemicolon() throws SQLException {
        Slices v = Slices.text("{(3,4),(1,2);(5,6),(0,0)}");
        ArrayData a = ArrayText.parse(1020, 603, v.b(), v.off(), v.len());
        assertThat(elements(a)).containsExactly("(3,4),(1,2)", "(5,6),(0,0)");
    }

    @Test
    void printThenParseGivesTheSameElements() throws SQLException {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "ab ,{}\"\\\t\nNULé;";
        for (int round = 0; round < 500; round++) {
            String[] values = new String[random.nextInt(6)];
            for (int i = 0; i < values.length; i++) {
                if (random.nextInt(8) == 0) continue;
                StringBuilder sb = new StringBuilder();
                for (int j = random.nextInt(6); j > 0; j--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                values[i] = sb.toString();
            }
            String printed = ArrayText.print(new int[] {values.length}, new int[] {1}, values, ',');
            assertThat(elements(parse(printed))).as(printed).containsExactlyElementsOf(Arrays.asList(values));
        }
    }
}
