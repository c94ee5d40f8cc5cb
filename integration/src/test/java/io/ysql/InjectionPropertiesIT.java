package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Hostile values never change a statement, in any way a value can reach the server: JDBC
 * parameters and batches, cursor parameters (positional, named, executemany, executeValues), and
 * the two ways that do put values into SQL text, {@code mogrify} and {@code Sql.literal}. Random
 * strings built from quotes, backslashes, comment and dollar-quote markers, semicolons and
 * placeholders come back unchanged and the table holds exactly the rows written; NUL and unpaired
 * surrogates are refused before anything is sent; a negative number after a minus sign stays a
 * subtraction. The strings come from {@link HostileStrings}, whose seed is printed so a failure can
 * be replayed ({@code -Dysql.seed=}). The paths beyond one execution are in {@link InjectionPathsIT}
 * and {@link InjectionCopyIT}.
 */
class InjectionPropertiesIT {
    private static final String SCHEMA = "injection_it";
    private final PgCluster cluster = PgCluster.shared();
    private YsqlConnection conn;
    private HostileStrings hostile;

    @BeforeEach
    void open(TestInfo test) throws SQLException {
        hostile = new HostileStrings("InjectionPropertiesIT." + test.getDisplayName());
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + "; CREATE TABLE " + SCHEMA + ".t (id int, v text, w text)");
        conn = Ysql.connect(cluster.conninfo(cluster.superuser(), cluster.superuserPassword())
                + " options='-c search_path=" + SCHEMA + "'");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private String hostile() {
        return hostile.next();
    }

    private List<String> hostiles(int n) {
        return hostile.list(n);
    }

    @Test
    void everyPathKeepsValuesApartFromTheStatement() throws SQLException {
        Connection jdbc = (Connection) conn;
        List<String> expected = new ArrayList<>();
        int id = 0;
        try (PreparedStatement ps = jdbc.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (String v : hostiles(50)) {
                ps.setInt(1, ++id);
                ps.setString(2, v);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                expected.add(v);
            }
            for (String v : hostiles(50)) {
                ps.setInt(1, ++id);
                ps.setString(2, v);
                ps.addBatch();
                expected.add(v);
            }
            assertThat(ps.executeBatch()).hasSize(50).containsOnly(1);
        }
        try (Cursor cur = conn.cursor()) {
            for (String v : hostiles(50)) {
                cur.execute("INSERT INTO t VALUES (%s, %s)", ++id, v);
                expected.add(v);
            }
            for (String v : hostiles(50)) {
                cur.execute("INSERT INTO t VALUES (%(id)s, %(v)s)", Map.of("id", ++id, "v", v));
                expected.add(v);
            }
            List<List<Object>> sets = new ArrayList<>();
            for (String v : hostiles(50)) {
                sets.add(List.of(++id, v));
                expected.add(v);
            }
            cur.executemany("INSERT INTO t VALUES (%s, %s)", sets);
            sets.clear();
            for (String v : hostiles(50)) {
                sets.add(List.of(++id, v));
                expected.add(v);
            }
            cur.executeValues("INSERT INTO t VALUES %s", sets);
            try (java.sql.Statement st = jdbc.createStatement()) {
                for (String v : hostiles(50)) {
                    // mogrify's text is what the server would see: run it as such
                    st.execute(cur.mogrify("INSERT INTO t VALUES (%s, %s)", ++id, v));
                    expected.add(v);
                }
                for (String v : hostiles(25)) {
                    st.execute(Sql.of("INSERT INTO t VALUES ({}, {})").format(Sql.literal(++id), Sql.literal(v)).asString(conn));
                    expected.add(v);
                }
            }
            for (String v : hostiles(25)) {
                // through the cursor, a literal's own % or %s is never taken for a placeholder
                cur.execute(Sql.of("INSERT INTO t VALUES ({}, {}, %s)").format(Sql.literal(++id), Sql.literal(v)), v);
                expected.add(v);
            }
            cur.execute("SELECT count(*) FROM t WHERE w IS NOT NULL AND w <> v");
            assertThat(cur.fetchone().get(0)).isEqualTo(0L);
            cur.execute("SELECT v FROM t ORDER BY id");
            List<Object> stored = new ArrayList<>();
            for (Row r : cur.fetchall()) stored.add(r.get(0));
            assertThat(stored).as("every value stored exactly, no statement changed").isEqualTo(expected);
            cur.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s", SCHEMA);
            assertThat(cur.fetchone().get(0)).isEqualTo(1L);
        }
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedBeforeSending() throws SQLException {
        try (Cursor cur = conn.cursor(); PreparedStatement ps = ((Connection) conn).prepareStatement("INSERT INTO t VALUES (1, ?)")) {
            for (String bad : List.of("a\u0000b", "x\ud800", "\udc00y")) {
                String v = hostile() + bad + hostile();
                assertThat(catchThrowableOfType(SQLException.class, () -> {
                    ps.setString(1, v);
                    ps.executeUpdate();
                }).getSQLState()).isEqualTo("22021");
                assertThat(catchThrowableOfType(SQLException.class, () -> cur.execute("INSERT INTO t VALUES (1, %s)", v))
                        .getSQLState()).isEqualTo("22021");
                assertThat(catchThrowableOfType(SQLException.class, () -> cur.mogrify("SELECT %s", v)).getSQLState())
                        .isEqualTo("22021");
                assertThat(catchThrowableOfType(SQLException.class, () -> Sql.literal(v).asString(conn)).getSQLState())
                        .isEqualTo("22021");
            }
            cur.execute("SELECT count(*) FROM t");
            assertThat(cur.fetchone().get(0)).isEqualTo(0L);
        }
    }

    @Test
    void aNegativeNumberAfterAMinusStaysASubtraction() throws SQLException {
        try (Cursor cur = conn.cursor(); PreparedStatement ps = ((Connection) conn).prepareStatement("SELECT 1-?")) {
            for (Object minusOne : List.of(-1, -1L, (short) -1, -1.0, new java.math.BigDecimal("-1"))) {
                ps.setObject(1, minusOne);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("JDBC %s", minusOne.getClass()).isEqualTo(2);
                }
                cur.execute("SELECT 1-%s", minusOne);
                assertThat(((Number) cur.fetchone().get(0)).intValue()).isEqualTo(2);
                cur.execute(cur.mogrify("SELECT 1-%s", minusOne));
                assertThat(((Number) cur.fetchone().get(0)).intValue()).as("mogrify %s", minusOne.getClass()).isEqualTo(2);
                cur.execute(Sql.of("SELECT 1-{}").format(Sql.literal(minusOne)));
                assertThat(((Number) cur.fetchone().get(0)).intValue()).as("Sql.literal %s", minusOne.getClass()).isEqualTo(2);
            }
        }
    }
}
