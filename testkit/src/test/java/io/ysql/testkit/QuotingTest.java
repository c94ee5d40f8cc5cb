package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuotingTest {

    @Test
    void conninfoValuesAreQuotedOnlyWhenNeeded() {
        assertThat(Quoting.conninfoValue("plain")).isEqualTo("plain");
        assertThat(Quoting.conninfoValue("")).isEqualTo("''");
        assertThat(Quoting.conninfoValue("a b")).isEqualTo("'a b'");
        assertThat(Quoting.conninfoValue("it's")).isEqualTo("'it\\'s'");
        assertThat(Quoting.conninfoValue("back\\slash")).isEqualTo("'back\\\\slash'");
    }

    @Test
    void sqlQuoting() {
        assertThat(Quoting.sqlLiteral("it's")).isEqualTo("'it''s'");
        assertThat(Quoting.sqlIdentifier("My \"db\"")).isEqualTo("\"My \"\"db\"\"\"");
    }

    @Test
    void confValues() {
        assertThat(Quoting.confValue("/tmp/it's")).isEqualTo("'/tmp/it''s'");
    }

    @Test
    void shellWords() {
        assertThat(Quoting.shellCommand(List.of("psql", "-c", "select 'x'")))
                .isEqualTo("'psql' '-c' 'select '\\''x'\\'''");
    }

    @Test
    void urlPathSegments() {
        assertThat(Quoting.urlPathSegment("yugabyte")).isEqualTo("yugabyte");
        assertThat(Quoting.urlPathSegment("a b/é")).isEqualTo("a%20b%2F%C3%A9");
    }
}
