package io.ysql.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConninfoStringTest {

    private static String valueOf(String conninfo, String name) throws SQLException {
        String found = null;
        for (Setting s : ConninfoString.parse(conninfo)) {
            if (s.name().equals(name)) found = s.value();
        }
        return found;
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "host=db1                              | host     | db1",
            "host = db1                            | host     | db1",
            "host   =   db1 port=5433              | port     | 5433",
            "password='a b c'                      | password | a b c",
            "password='it\\'s'                     | password | it's",
            "password='back\\\\slash'              | password | back\\slash",
            "password=''                           | password | ''",
            "options='-c search_path=x' user=u     | options  | -c search_path=x",
            "password=bare\\ space                 | password | bare space",
            "password=a\\\\b                       | password | a\\b",
            "application_name=x=y                  | application_name | x=y",
            "host=a host=b                         | host     | b",
    })
    void parsesValues(String conninfo, String name, String expected) throws SQLException {
        String want = expected.equals("''") ? "" : expected;
        assertThat(valueOf(conninfo, name)).isEqualTo(want);
    }

    @Test
    void anyWhitespaceSeparates() throws SQLException {
        assertThat(ConninfoString.parse("\thost=h\n\rport=1\f user=u ")).containsExactly(
                new Setting("host", "h"), new Setting("port", "1"), new Setting("user", "u"));
    }

    @Test
    void emptyValueAtEnd() throws SQLException {
        assertThat(ConninfoString.parse("host=h options=")).containsExactly(
                new Setting("host", "h"), new Setting("options", ""));
    }

    @Test
    void whitespaceAfterEqualsIsSkippedAsInLibpq() throws SQLException {
        // libpq skips blanks after '=', so the next word becomes the value.
        assertThat(ConninfoString.parse("options= host=h")).containsExactly(new Setting("options", "host=h"));
    }

    @Test
    void emptyStringHasNoSettings() throws SQLException {
        assertThat(ConninfoString.parse("   ")).isEmpty();
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> ConninfoString.parse("host=h password='secret"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("unterminated quoted string")
                .hasMessageNotContaining("secret")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void escapedClosingQuoteDoesNotTerminate() {
        assertThatThrownBy(() -> ConninfoString.parse("password='abc\\'"))
                .hasMessageContaining("unterminated");
    }

    @Test
    void missingEqualsIsAnError() {
        assertThatThrownBy(() -> ConninfoString.parse("host db1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("missing \"=\" after \"host\"");
    }

    @Test
    void missingNameIsAnError() {
        assertThatThrownBy(() -> ConninfoString.parse("=x")).hasMessageContaining("missing option name");
    }

    @Test
    void keepsOrder() throws SQLException {
        List<Setting> s = ConninfoString.parse("user=u dbname=d");
        assertThat(s).extracting(Setting::name).containsExactly("user", "dbname");
    }

    @Test
    void settingToStringHidesValue() {
        assertThat(new Setting("password", "hunter2").toString()).doesNotContain("hunter2");
    }
}
