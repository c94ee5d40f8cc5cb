package io.ysql.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commands' output formats: the JSON writer, the aligned table and CSV. */
class OutputFormatsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() { return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"); }

    @Test
    void jsonEscapesStringsAndIndentsNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007 é");
        m.put("n", 42L);
        m.put("b", true);
        m.put("null", null);
        m.put("list", List.of(1, "x"));
        m.put("empty", List.of());
        m.put("obj", Map.of());
        assertThat(Json.write(m)).isEqualTo("""
                {
                  "s": "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 é",
                  "n": 42,
                  "b": true,
                  "null": null,
                  "list": [
                    1,
                    "x"
                  ],
                  "empty": [],
                  "obj": {}
                }""");
    }

    @Test
    void jsonRefusesNumbersItCannotWrite() {
        assertThatThrownBy(() -> Json.write(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableAlignsColumnsAndCountsRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(Arrays.asList("1", "x", null));
        rows.add(Arrays.asList("100", "two\nlines", "z"));
        TextTable.print(List.of("id", "value", "n"), rows, "", 0, out);
        assertThat(text()).isEqualTo("""
                 id  | value     | n
                -----+-----------+---
                 1   | x         |
                 100 | two↵lines | z
                (2 rows)
                """);
    }

    @Test
    void tableCutsWideValuesWithAnEllipsis() {
        assertThat(TextTable.fit("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(TextTable.fit("abcde", 5)).isEqualTo("abcde");
        assertThat(TextTable.fit("abcdefghij", 0)).isEqualTo("abcdefghij");
        TextTable.print(List.of("c"), List.of(), "", 10, out);
        assertThat(text()).isEqualTo(" c\n---\n(0 rows)\n");
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(CsvOutput.quote("plain")).isEqualTo("plain");
        assertThat(CsvOutput.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvOutput.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvOutput.quote("cr\rlf\n")).isEqualTo("\"cr\rlf\n\"");
        assertThat(CsvOutput.quote("")).isEqualTo("\"\"");
        assertThat(CsvOutput.quote(" padded")).isEqualTo("\" padded\"");
        CsvOutput.print(List.of("a", "b"), List.of(Arrays.asList("1", null)), "NULL", out);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\r\n1,NULL\r\n");
    }
}
