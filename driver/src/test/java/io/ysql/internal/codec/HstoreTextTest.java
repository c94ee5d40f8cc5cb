package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HstoreTextTest {

    @Test
    void parsesTheServersOutputInOrder() throws SQLException {
        Map<String, String> m = HstoreText.parse("\"b\"=>\"2\", \"a\"=>\"1\", \"n\"=>NULL");
        assertThat(m.keySet()).containsExactly("b", "a", "n");
        assertThat(m.values()).containsExactly("2", "1", null);
    }

    @Test
    void parsesEscapesBareTokensAndSpacing() throws SQLException {
        Map<String, String> m = HstoreText.parse("  a=>1 ,\"k \\\"q\\\"\" => \"v\\\\w, x=>y\",  \"\"=>\"\", b=>null, c=>\"NULL\"  ");
        assertThat(m).containsEntry("a", "1").containsEntry("k \"q\"", "v\\w, x=>y").containsEntry("", "")
                .containsEntry("b", null).containsEntry("c", "NULL");
        assertThat(HstoreText.parse("a=>1,")).containsOnlyKeys("a"); // as hstore_in, a trailing comma is accepted
        assertThat(HstoreText.parse("")).isEmpty();
        assertThat(HstoreText.parse("   ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a=>", "a=1", "\"a=>1", "a=>\"1", "a=>1 b=>2"})
    void rejectsWhatIsNotAnHstoreLiteral(String text) {
        assertThatThrownBy(() -> HstoreText.parse(text)).isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "22P02");
    }

    @Test
    void printsAsTheServerDoesAndParsesBack() throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a", "1");
        m.put("q\"", "b\\s");
        m.put("n", null);
        m.put("", "");
        String text = HstoreText.format(m);
        assertThat(text).isEqualTo("\"a\"=>\"1\", \"q\\\"\"=>\"b\\\\s\", \"n\"=>NULL, \"\"=>\"\"");
        assertThat(HstoreText.parse(text)).isEqualTo(m);
    }

    @Test
    void refusesNullKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(null, "x");
        assertThatThrownBy(() -> HstoreText.format(m)).isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "22004");
    }
}
