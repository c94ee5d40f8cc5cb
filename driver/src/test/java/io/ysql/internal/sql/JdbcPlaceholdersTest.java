package io.ysql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcPlaceholdersTest {

    private static String rewrite(String sql) {
        return JdbcPlaceholders.parse(sql).sql();
    }

    @Test
    void numbersPlaceholdersInOrder() {
        ParsedSql p = JdbcPlaceholders.parse("insert into t values (?, ?, ?)");
        assertThat(p.sql()).isEqualTo("insert into t values ($1, $2, $3)");
        assertThat(p.parameterCount()).isEqualTo(3);
        assertThat(p.parameterNames()).isEmpty();
        assertThat(p.hasNamedParameters()).isFalse();
        assertThat(p.multipleStatements()).isFalse();
    }

    @Test
    void numbersPastNine() {
        String sql = "values (?,?,?,?,?,?,?,?,?,?,?,?)";
        ParsedSql p = JdbcPlaceholders.parse(sql);
        assertThat(p.sql()).isEqualTo("values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)");
        assertThat(p.parameterCount()).isEqualTo(12);
    }

    @Test
    void textWithoutPlaceholdersIsReturnedAsIs() {
        String sql = "select 'a?' -- ?\n";
        ParsedSql p = JdbcPlaceholders.parse(sql);
        assertThat(p.sql()).isSameAs(sql);
        assertThat(p.parameterCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        // string constants
        "select 'it''s ?', ? => select 'it''s ?', $1",
        "select '', ? => select '', $1",
        "select '''?''', ? => select '''?''', $1",
        // standard_conforming_strings: a backslash in '...' is ordinary and ends nothing
        "select '\\', ? => select '\\', $1",
        "select 'a\\''?', ? => select 'a\\''?', $1",
        // E-strings: backslash escapes the quote
        "select E'\\'?', ? => select E'\\'?', $1",
        "select e'\\'?', ? => select e'\\'?', $1",
        "select E'\\\\', ? => select E'\\\\', $1",
        "select E'\\', ?' => select E'\\', ?'",
        "select E'x''?', ? => select E'x''?', $1",
        // an identifier ending in E is not an E prefix: '\' is a whole plain string
        "select typE'\\', ? => select typE'\\', $1",
        "select 1 AS somE'\\', ? => select 1 AS somE'\\', $1",
        // an E after a non-identifier character is a prefix
        "select (E'\\'?'), ? => select (E'\\'?'), $1",
        // other prefixed strings follow the standard rules
        "select U&'\\0041?', B'01', X'1F', ? => select U&'\\0041?', B'01', X'1F', $1",
        // quoted identifiers
        "select \"a?b\", ? => select \"a?b\", $1",
        "select \"a\"\"?\", ? => select \"a\"\"?\", $1",
        "select \"'\", ? => select \"'\", $1",
        "select '\"', ? => select '\"', $1",
        // comments
        "select /* ? */ ? => select /* ? */ $1",
        "select /* a /* ? */ still ? */ ? => select /* a /* ? */ still ? */ $1",
        "select /*/ ? */ ? => select /*/ ? */ $1",
        "select /**/ ? => select /**/ $1",
        "select 2 */* ? */ ? => select 2 */* ? */ $1",
        "select '--', '/*', ? => select '--', '/*', $1",
        "select \"/*\", ? => select \"/*\", $1",
        "select 1 - -? => select 1 - -$1",
        // dollar quotes
        "select $$?$$, ? => select $$?$$, $1",
        "select $$'$$, ? => select $$'$$, $1",
        "select $tag$ ? $ $$ $tag$, ? => select $tag$ ? $ $$ $tag$, $1",
        "select $a$ $$ ? $a$, ? => select $a$ $$ ? $a$, $1",
        "select $t1$ ? $t1$ ? => select $t1$ ? $t1$ $1",
        "select $_x$ ? $_x$ ? => select $_x$ ? $_x$ $1",
        "select $A$ ? $a$ ? $A$ ? => select $A$ ? $a$ ? $A$ $1",
        "select $é$ ? $é$ ? => select $é$ ? $é$ $1",
        // not dollar quotes: parameters, $ inside identifiers, tags starting with a digit
        "select $1, ?, $2 => select $1, $1, $2",
        "select a$b$, ? => select a$b$, $1",
        "select é$$, ? => select é$$, $1",
        "select x$$ ?, ? => select x$$ $1, $2",
        // after whitespace, $$ opens a quote again
        "select x$$ ? $$, ? => select x$$ $1 $$, ?",
        "select $1$ ? $1$ => select $1$ $1 $1$",
        // ?? is a literal ? operator
        "select j ?? 'a', ? => select j ? 'a', $1",
        "select j ??| array['a'], ? => select j ?| array['a'], $1",
        "select j ??& array['a'], ? => select j ?& array['a'], $1",
        "select ??? => select ?$1",
        "select '??', $$??$$ => select '??', $$??$$",
        // non-ASCII text around placeholders
        "select 'é?', ?, 'ü' => select 'é?', $1, 'ü'",
    })
    void skipsLiteralsIdentifiersAndComments(String sql, String expected) {
        assertThat(rewrite(sql)).isEqualTo(expected);
    }

    @Test
    void lineCommentsEndAtEitherNewline() {
        assertThat(rewrite("select ? -- what?\n, ?")).isEqualTo("select $1 -- what?\n, $2");
        assertThat(rewrite("select ? -- what?\r, ?")).isEqualTo("select $1 -- what?\r, $2");
        assertThat(rewrite("select ? -- what? ?")).isEqualTo("select $1 -- what? ?");
    }

    @Test
    void multiLineTextKeepsItsLayout() {
        String sql = """
                select $fn$
                  begin return '?'; end
                $fn$, /* ?
                   ? */ ?, E'\\n?'
                """;
        ParsedSql p = JdbcPlaceholders.parse(sql);
        assertThat(p.sql()).isEqualTo(sql.replace("*/ ?", "*/ $1"));
        assertThat(p.parameterCount()).isEqualTo(1);
        assertThat(p.multipleStatements()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "select '?",
        "select E'\\'?",
        "select \"?",
        "select /* ? /* ? */ ?",
        "select $$ ?",
        "select $a$ ? $a",
        "select -- ?",
    })
    void unterminatedConstructsRunToTheEnd(String sql) {
        ParsedSql p = JdbcPlaceholders.parse(sql);
        assertThat(p.sql()).isEqualTo(sql);
        assertThat(p.parameterCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "select 1; select 2             | true",
        "select 1;select 2;             | true",
        "select 1; select ?             | true",
        "select 1; 'x'                  | true",
        "select 1; \"x\"                | true",
        "select 1; $$x$$                | true",
        "select 1;                      | false",
        "select 1 ;  ;                  | false",
        "; select 1                     | false",
        ";;                             | false",
        "``                             | false",
        "select 1; -- done              | false",
        "select 1; /* done; */          | false",
        "select 1 -- ; select 2         | false",
        "select ';', \";\", $$;$$, E'\\';' | false",
        "select 1 /* ; /* ; */ ; */     | false",
        "create rule r as on insert to t do also (insert into a values (1); insert into b values (2)) | false",
        "create rule r as on insert to t do also (insert into a values (1); insert into b values (2)); select 1 | true",
        "select 1); select 2            | true",
    })
    void detectsMultipleStatements(String sql, boolean multiple) {
        assertThat(JdbcPlaceholders.parse(sql).multipleStatements()).isEqualTo(multiple);
    }

    @Test
    void lineCommentAfterSemicolonIsNotAStatement() {
        assertThat(JdbcPlaceholders.parse("select 1;\n-- trailing\n\t\f").multipleStatements()).isFalse();
        assertThat(JdbcPlaceholders.parse("select 1;\n-- trailing\nselect 2").multipleStatements()).isTrue();
    }

    @Test
    void neverFailsAndNeverInventsParametersOnRandomText() {
        char[] alphabet = "?'\"$-/*;()Ee\\ ax1\n".toCharArray();
        Random random = new Random(20240601);
        for (int round = 0; round < 20_000; round++) {
            char[] text = new char[random.nextInt(24)];
            for (int i = 0; i < text.length; i++) text[i] = alphabet[random.nextInt(alphabet.length)];
            String sql = new String(text);
            ParsedSql p = JdbcPlaceholders.parse(sql);
            long questionMarks = sql.chars().filter(c -> c == '?').count();
            assertThat(p.parameterCount()).as(sql).isLessThanOrEqualTo((int) questionMarks);
            assertThat(p.sql().chars().filter(c -> c == '?').count()).as(sql).isLessThanOrEqualTo(questionMarks);
            if (questionMarks == 0) assertThat(p.sql()).as(sql).isSameAs(sql);
        }
    }
}
