package io.ysql.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiRowInsertTest {

    private static MultiRowInsert of(String sql) {
        ParsedSql p = JdbcPlaceholders.parse(sql);
        return MultiRowInsert.of(p.sql(), p.parameterCount()).orElseThrow();
    }

    @Test
    void aRowIsRepeatedWithItsPlaceholdersRenumbered() {
        MultiRowInsert m = of("INSERT INTO t (a, b) VALUES (?, ?)");
        assertThat(m.sql(1)).isEqualTo("INSERT INTO t (a, b) VALUES ($1, $2)");
        assertThat(m.sql(4)).isEqualTo("INSERT INTO t (a, b) VALUES ($1, $2),($3, $4),($5, $6),($7, $8)");
        assertThat(m.sql(4)).isSameAs(m.sql(4));
    }

    @Test
    void castsQuotesAndCommentsInTheRowAreKept() {
        MultiRowInsert m = of("insert into t values (?::int, '?$1', /* $2 */ lower(?), $$x$$) -- end");
        assertThat(m.sql(2)).isEqualTo("insert into t values ($1::int, '?$1', /* $2 */ lower($2), $$x$$),"
                + "($3::int, '?$1', /* $2 */ lower($4), $$x$$) -- end");
    }

    @Test
    void onConflictIsKept() {
        MultiRowInsert m = of("INSERT INTO t VALUES (?, ?) ON CONFLICT (a, b) DO UPDATE SET b = EXCLUDED.b, c = 1;");
        assertThat(m.sql(2)).isEqualTo("INSERT INTO t VALUES ($1, $2),($3, $4) ON CONFLICT (a, b) DO UPDATE SET "
                + "b = EXCLUDED.b, c = 1;");
        assertThat(of("INSERT INTO t VALUES (?) ON CONFLICT DO NOTHING").sql(2))
                .isEqualTo("INSERT INTO t VALUES ($1),($2) ON CONFLICT DO NOTHING");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t VALUES (?) RETURNING id",
        "INSERT INTO t VALUES (?) ON CONFLICT DO UPDATE SET a = ? ",
        "INSERT INTO t VALUES (?), (?)",
        "INSERT INTO t VALUES (?) , (?)",
        "INSERT INTO t DEFAULT VALUES",
        "INSERT INTO t SELECT ?",
        "INSERT INTO t SELECT * FROM (VALUES (?)) v",
        "WITH x AS (SELECT 1) INSERT INTO t VALUES (?)",
        "UPDATE t SET a = ?",
        "SELECT ? AS values",
        "INSERT INTO t VALUES (1)",
        "INSERT INTO t VALUES (?); SELECT 1",
        "INSERT INTO t VALUES (?",
        "INSERT INTO t VALUES ?",
        "INSERT INTO t VALUES (?) returning *",
    })
    void otherStatementsAreNotRewritten(String sql) {
        ParsedSql p = JdbcPlaceholders.parse(sql);
        assertThat(MultiRowInsert.of(p.sql(), p.parameterCount())).as(sql).isEmpty();
    }

    @Test
    void aParameterOutsideTheRowPreventsTheRewrite() {
        assertThat(MultiRowInsert.of("INSERT INTO t VALUES ($1) ON CONFLICT (a) DO UPDATE SET b = $2", 2)).isEmpty();
        assertThat(MultiRowInsert.of("INSERT INTO t VALUES ($1, $3)", 2)).isEmpty();
    }

    @Test
    void rowsPerStatementArePowersOfTwoWithinTheParameterLimit() {
        assertThat(of("INSERT INTO t VALUES (?)").maxRows()).isEqualTo(128);
        String many = "INSERT INTO t VALUES (" + "?,".repeat(999) + "?)";
        MultiRowInsert m = of(many);
        assertThat(m.maxRows()).isEqualTo(64); // 65 535 / 1000 = 65, rounded down to a power of two
        assertThat(m.sql(64)).contains("$64000)").doesNotContain("$64001");
        assertThatThrownBy(() -> m.sql(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.sql(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchIsCutIntoFullStatementsThenFallingPowersOfTwo() {
        MultiRowInsert m = of("INSERT INTO t VALUES (?)");
        assertThat(m.chunks(1000)).containsExactly(128, 128, 128, 128, 128, 128, 128, 64, 32, 8);
        assertThat(m.chunks(1)).containsExactly(1);
        assertThat(m.chunks(128)).containsExactly(128);
        assertThat(Arrays.stream(m.chunks(1_000_003)).sum()).isEqualTo(1_000_003);
    }
}
