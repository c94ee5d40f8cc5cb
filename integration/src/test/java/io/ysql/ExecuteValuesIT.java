package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Cursor#executeValues}: pages of multi-row VALUES with bound parameters. */
class ExecuteValuesIT {
    private static final String SCHEMA = "execute_values";
    private static PgCluster cluster;
    private YsqlConnection conn;
    private Cursor cur;

    @BeforeAll
    static void schema() {
        cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + "; GRANT ALL ON SCHEMA " + SCHEMA + " TO " + AuthRole.SCRAM.user());
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(cluster.conninfo(AuthRole.SCRAM));
        cur = conn.cursor();
        cur.execute("DROP TABLE IF EXISTS " + SCHEMA + ".t; CREATE TABLE " + SCHEMA + ".t (id int PRIMARY KEY, v text, pct text)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void pagesOfRowsAreInsertedAndReturningRowsCollected() throws SQLException {
        List<Object[]> sets = new ArrayList<>();
        for (int i = 0; i < 250; i++) sets.add(new Object[] {i, "v'" + i + "\\"});
        List<Row> back = cur.executeValues("INSERT INTO " + SCHEMA + ".t (id, v, pct) VALUES %s RETURNING id",
                sets, "(%s, %s, '100%%')", 100);
        assertThat(back).hasSize(250);
        assertThat(back.get(249).get(0)).isEqualTo(249);
        cur.execute("SELECT count(*), min(v), max(pct) FROM " + SCHEMA + ".t WHERE v LIKE %s", "v'%");
        assertThat(cur.fetchone().values()).containsExactly(250L, "v'0\\", "100%");
    }

    @Test
    void defaultTemplateAndNamedTemplate() throws SQLException {
        assertThat(cur.executeValues("INSERT INTO " + SCHEMA + ".t (id, v) VALUES %s",
                List.of(List.of(1, "a"), List.of(2, "b")))).isEmpty();
        cur.executeValues("INSERT INTO " + SCHEMA + ".t (id, v, pct) VALUES %s",
                List.of(Map.of("id", 3, "v", "c"), Map.of("id", 4, "v", "d")), "(%(id)s, %(v)s, %(v)s)", 1);
        cur.execute("SELECT id, v, pct FROM " + SCHEMA + ".t ORDER BY id");
        assertThat(cur.fetchall()).extracting(r -> r.values().toString())
                .containsExactly("[1, a, null]", "[2, b, null]", "[3, c, c]", "[4, d, d]");
    }

    @Test
    void misuseIsAProgrammingError() {
        assertThatThrownBy(() -> cur.executeValues("INSERT INTO " + SCHEMA + ".t VALUES %s, %s", List.of(List.of(1))))
                .isInstanceOf(io.ysql.errors.ProgrammingError.class).hasMessageContaining("exactly one %s");
        assertThatThrownBy(() -> cur.executeValues("INSERT INTO " + SCHEMA + ".t (id) VALUES %s",
                List.of(Map.of("id", 1)))).isInstanceOf(io.ysql.errors.ProgrammingError.class).hasMessageContaining("template");
        assertThatThrownBy(() -> cur.executeValues("INSERT INTO " + SCHEMA + ".t (id, v) VALUES %s",
                List.of(List.of(1, "a")), "(%s)", 10)).hasMessageContaining("1 placeholder");
    }

    @Test
    void aFailingPageIsTheServersError() {
        assertThatThrownBy(() -> cur.executeValues("INSERT INTO " + SCHEMA + ".t (id) VALUES %s",
                List.of(List.of(1), List.of(1)))).isInstanceOf(io.ysql.errors.UniqueViolation.class);
    }
}
