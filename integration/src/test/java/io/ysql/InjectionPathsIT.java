package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values never change a statement on the execution paths beyond a single execution: the
 * explicit pipeline (positional, named and {@link Sql}-composed statements over several syncs),
 * batches rewritten into multi-row INSERTs (JDBC and cursor, full and partial chunks, around a
 * statement whose own literals, dollar quotes and comments hold placeholder look-alikes), results
 * streamed with a fetch size, and named server-side cursors with hostile names. The oracle is the
 * server: every value stored or echoed equals the value given, and the statement log of
 * {@link InjectionSchema} holds exactly the statements meant, the canary untouched.
 */
class InjectionPathsIT {
    private final PgCluster cluster = PgCluster.shared();
    private InjectionSchema schema;
    private HostileStrings hostile;

    @BeforeEach
    void setUp(TestInfo test) {
        schema = new InjectionSchema(cluster, "injection_paths_it");
        hostile = new HostileStrings("InjectionPathsIT." + test.getTestMethod().orElseThrow().getName() + " "
                + test.getDisplayName());
    }

    @Test
    void pipelineBindsEveryValueOverSeveralSyncs() throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo(""))) {
            List<String> expected = new ArrayList<>();
            List<String> echoed = new ArrayList<>();
            List<PipelineResult> echoes = new ArrayList<>();
            int id = 0;
            try (Pipeline p = conn.pipeline()) {
                for (int round = 0; round < 4; round++) {
                    for (String v : hostile.list(25)) {
                        id++;
                        switch (id % 4) {
                            case 0 -> p.execute("INSERT INTO t VALUES (%s, %s, %s)", id, v, v);
                            case 1 -> p.execute("INSERT INTO t VALUES (%(id)s, %(v)s, %(v)s)", Map.of("id", id, "v", v));
                            case 2 -> p.execute(Sql.of("INSERT INTO t VALUES ({}, {}, %s)")
                                    .format(Sql.literal(id), Sql.literal(v)), v);
                            default -> p.execute(Sql.of("INSERT INTO t VALUES (%(id)s, {}, %(v)s)")
                                    .format(Sql.literal(v)), Map.of("id", id, "v", v));
                        }
                        expected.add(v);
                        String e = hostile.next();
                        echoes.add(p.execute("SELECT %s::text, %s::text", e, "%s"));
                        echoed.add(e);
                    }
                    p.sync();
                }
            }
            for (int i = 0; i < echoes.size(); i++) {
                assertThat(echoes.get(i).first().get(0)).as("echo %d", i).isEqualTo(echoed.get(i));
                assertThat(echoes.get(i).first().get(1)).isEqualTo("%s");
            }
            assertThat(schema.column(conn, "v")).as("every value stored exactly").isEqualTo(expected);
            assertThat(schema.column(conn, "w")).isEqualTo(expected);
            assertThat(schema.statements(conn)).isEqualTo(Collections.nCopies(100, "INSERT t"));
            schema.assertUntouched(conn);
        }
    }

    @Test
    void pipelineNeverTakesALiteralsPercentForAPlaceholder() throws SQLException {
        String literal = "%s %(a)s %% %";
        try (YsqlConnection conn = Ysql.connect(schema.conninfo("")); Pipeline p = conn.pipeline()) {
            PipelineResult positional = p.execute(Sql.of("SELECT {}, %s").format(Sql.literal(literal)), "bound");
            PipelineResult named = p.execute(Sql.of("SELECT {}, %(a)s").format(Sql.literal(literal)), Map.of("a", "bound"));
            p.sync();
            assertThat(positional.first().get(0)).isEqualTo(literal);
            assertThat(positional.first().get(1)).isEqualTo("bound");
            assertThat(named.first().get(0)).isEqualTo(literal);
            assertThat(named.first().get(1)).isEqualTo("bound");
        }
    }

    /** Statements a rewritten batch of {@code n} rows takes: full chunks of 128, then falling powers of two. */
    private static int rewrittenStatements(int n) {
        return n / 128 + Integer.bitCount(n % 128);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 128, 129, 300})
    void rewrittenJdbcBatchKeepsValuesAndTheStatementsOwnText(int rows) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo("rewrite_batched_inserts=true"))) {
            String sql = "INSERT INTO t (id, v, w) VALUES (?, ?, '$1 ? -- /*' || ? || $d$ $2 ? '' $d$ /* ? $3 */)";
            List<String> expectedV = new ArrayList<>();
            List<String> expectedW = new ArrayList<>();
            try (PreparedStatement ps = ((Connection) conn).prepareStatement(sql)) {
                for (int i = 1; i <= rows; i++) {
                    String v = hostile.next();
                    String w = hostile.next();
                    ps.setInt(1, i);
                    ps.setString(2, v);
                    ps.setString(3, w);
                    ps.addBatch();
                    expectedV.add(v);
                    expectedW.add("$1 ? -- /*" + w + " $2 ? '' ");
                }
                assertThat(ps.executeBatch()).hasSize(rows).containsOnly(1);
            }
            assertThat(schema.column(conn, "v")).isEqualTo(expectedV);
            assertThat(schema.column(conn, "w")).isEqualTo(expectedW);
            assertThat(schema.statements(conn)).as("sent as multi-row INSERTs")
                    .isEqualTo(Collections.nCopies(rewrittenStatements(rows), "INSERT t"));
            schema.assertUntouched(conn);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 128, 129, 300})
    void rewrittenExecutemanyKeepsValuesAndTheStatementsOwnText(int rows) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo("rewrite_batched_inserts=true"));
                Cursor cur = conn.cursor()) {
            String sql = "INSERT INTO t (id, v, w) VALUES (%(id)s, %(v)s, '$1 ? -- /*' || %(w)s || $d$ $2 '' $d$ /* $3 */)";
            List<Map<String, Object>> sets = new ArrayList<>();
            List<String> expectedV = new ArrayList<>();
            List<String> expectedW = new ArrayList<>();
            for (int i = 1; i <= rows; i++) {
                String v = hostile.next();
                String w = hostile.next();
                sets.add(Map.of("id", i, "v", v, "w", w));
                expectedV.add(v);
                expectedW.add("$1 ? -- /*" + w + " $2 '' ");
            }
            cur.executemany(sql, sets);
            assertThat(cur.rowcount()).isEqualTo(rows);
            assertThat(schema.column(conn, "v")).isEqualTo(expectedV);
            assertThat(schema.column(conn, "w")).isEqualTo(expectedW);
            assertThat(schema.statements(conn)).as("sent as multi-row INSERTs")
                    .isEqualTo(Collections.nCopies(rewrittenStatements(rows), "INSERT t"));
            schema.assertUntouched(conn);
        }
    }

    /** Inserts {@code n} hostile values as ids 1..n (in one batch) and forgets the logged statement. */
    private List<String> fill(YsqlConnection conn, int n) throws SQLException {
        List<String> values = hostile.list(n);
        try (PreparedStatement ps = ((Connection) conn).prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, values.get(i));
                ps.setString(3, values.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        schema.clearLog();
        return values;
    }

    private static List<Integer> idsOf(List<String> values, String v) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) if (values.get(i).equals(v)) ids.add(i + 1);
        return ids;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void streamedPortalsBindEveryValue(boolean autocommit) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo(""))) {
            List<String> values = fill(conn, 60);
            Connection jdbc = conn;
            jdbc.setAutoCommit(autocommit);
            try (PreparedStatement find = jdbc.prepareStatement("SELECT id, v FROM t WHERE v = ? OR w = ? ORDER BY id");
                    PreparedStatement echo = jdbc.prepareStatement("SELECT ? || g, ?::text FROM generate_series(1, 7) g")) {
                find.setFetchSize(2);
                echo.setFetchSize(3);
                for (String v : values.subList(0, 20)) {
                    find.setString(1, v);
                    find.setString(2, v);
                    List<Integer> ids = new ArrayList<>();
                    try (ResultSet rs = find.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getInt(1));
                            assertThat(rs.getString(2)).isEqualTo(v);
                        }
                    }
                    assertThat(ids).isEqualTo(idsOf(values, v));
                    String other = hostile.next();
                    echo.setString(1, v);
                    echo.setString(2, other);
                    int g = 0;
                    try (ResultSet rs = echo.executeQuery()) {
                        while (rs.next()) {
                            g++;
                            assertThat(rs.getString(1)).isEqualTo(v + g);
                            assertThat(rs.getString(2)).isEqualTo(other);
                        }
                    }
                    assertThat(g).isEqualTo(7);
                }
            }
            if (!autocommit) jdbc.commit();
            jdbc.setAutoCommit(true);
            assertThat(schema.column(conn, "v")).isEqualTo(values);
            assertThat(schema.statements(conn)).isEmpty();
            schema.assertUntouched(conn);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void namedCursorsWithHostileNamesBindEveryValue(boolean withhold) throws SQLException {
        try (YsqlConnection conn = Ysql.connect(schema.conninfo(""))) {
            List<String> values = fill(conn, 40);
            conn.setAutoCommit(withhold);
            for (int k = 0; k < 12; k++) {
                String name = hostile.next();
                if (name.isEmpty()) name = "c";
                String skip = values.get(k);
                String extra = hostile.next();
                try (Cursor cur = conn.cursor(name, withhold)) {
                    cur.itersize(3);
                    if (k % 2 == 0) {
                        cur.execute("SELECT id, v, %s::text FROM t WHERE v <> %s ORDER BY id", extra, skip);
                    } else {
                        cur.execute("SELECT id, v, %(e)s::text FROM t WHERE v <> %(s)s ORDER BY id",
                                Map.of("e", extra, "s", skip));
                    }
                    List<Object> ids = new ArrayList<>();
                    List<Integer> expected = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) if (!values.get(i).equals(skip)) expected.add(i + 1);
                    List<Row> first = cur.fetchmany(2);
                    for (Row r : first) ids.add(r.get(0));
                    for (Row r : cur) {
                        ids.add(r.get(0));
                        assertThat(r.get(1)).isEqualTo(values.get((Integer) r.get(0) - 1));
                        assertThat(r.get(2)).isEqualTo(extra);
                    }
                    assertThat(ids).as("cursor %s", name).isEqualTo(new ArrayList<Object>(expected));
                }
                if (!withhold) conn.commit();
            }
            conn.setAutoCommit(true);
            assertThat(schema.column(conn, "v")).isEqualTo(values);
            assertThat(schema.statements(conn)).isEmpty();
            schema.assertUntouched(conn);
            try (Cursor cur = conn.cursor()) {
                cur.execute("SELECT count(*) FROM pg_cursors WHERE name <> ''"); // the unnamed portal is this query's own
                assertThat(cur.fetchone().get(0)).as("every cursor closed on the server").isEqualTo(0L);
            }
        }
    }
}
