package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import io.ysql.types.Range;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User-defined and extension types against a real server, through JDBC and the cursor API: enums,
 * composites (nested, NULL fields, quoting) and anonymous records, domains, {@code hstore}, and
 * the values the server itself prints checked against what the driver reads and sends. The
 * catalog lookups happen on fresh connections, from one thread and from eight at once.
 */
class UserTypesIT {
    static final String SCHEMA = "user_types_it";
    private static PgCluster cluster;
    private YsqlConnection conn;

    @BeforeAll
    static void types() {
        cluster = PgCluster.shared();
        cluster.psql("CREATE EXTENSION IF NOT EXISTS hstore");
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA + ";"
                + "SET search_path TO " + SCHEMA + ";"
                + "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');"
                + "CREATE TYPE complex AS (r float8, i float8);"
                + "CREATE DOMAIN posint AS int CHECK (VALUE > 0);"
                + "CREATE TYPE address AS (street text, zip posint, since date, m mood);"
                + "CREATE TYPE person AS (name text, home address, note text);"
                + "CREATE TYPE floatrange AS RANGE (subtype = float8);"
                + "CREATE TABLE item (id int PRIMARY KEY, m mood, c complex, p person, d posint, h public.hstore);");
    }

    static String url() {
        return cluster.conninfo(cluster.superuser(), cluster.superuserPassword()) + " options='-c search_path=" + SCHEMA + ",public'";
    }

    @BeforeEach
    void open() throws SQLException {
        conn = Ysql.connect(url());
        try (Statement s = conn.createStatement()) {
            s.execute("TRUNCATE item");
        }
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static Object one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            Object v = rs.getObject(1);
            ResultSetMetaData md = rs.getMetaData();
            if (v != null) assertThat(Class.forName(md.getColumnClassName(1), false, UserTypesIT.class.getClassLoader()))
                    .as("getColumnClassName of %s", sql).isAssignableFrom(v.getClass());
            return v;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static String serverText(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    // ---- enums -------------------------------------------------------------------------------

    @Test
    void enumsAreStringsBothWays() throws SQLException {
        assertThat(one(conn, "SELECT 'happy'::mood")).isEqualTo("happy");
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 'ok'::mood")) {
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR);
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("mood");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item (id, m) VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setObject(2, "sad", Types.JAVA_OBJECT); // setString types it varchar, as pgjdbc
            ps.executeUpdate();
            ps.setInt(1, 2);
            ps.setObject(2, "happy", Types.OTHER);
            ps.executeUpdate();
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT m FROM item ORDER BY id");
            assertThat(cur.fetchall()).extracting(r -> get(r, 0)).containsExactly("sad", "happy");
            cur.execute("INSERT INTO item (id, m) VALUES (%s, %s)", 3, "ok");
            cur.execute("SELECT count(*) FROM item WHERE m = %s", "ok");
            assertThat(get(cur.fetchone(), 0)).isEqualTo(1L);
            cur.execute("SELECT m FROM item WHERE id = 3");
            assertThat(cur.description().get(0).typeName()).isEqualTo("mood");
        }
    }

    private static Object get(Row r, int i) {
        try {
            return r.get(i);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // ---- composites --------------------------------------------------------------------------

    @Test
    void compositesAreStructsWithTypedAttributes() throws SQLException {
        Object v = one(conn, "SELECT ROW('Main St, 5 \"A\"', 42, DATE '2024-02-29', 'ok')::address");
        assertThat(v).isInstanceOf(Struct.class).isInstanceOf(Composite.class);
        Struct s = (Struct) v;
        assertThat(s.getSQLTypeName()).isEqualTo(SCHEMA + ".address");
        assertThat(s.getAttributes()).containsExactly("Main St, 5 \"A\"", 42, java.sql.Date.valueOf("2024-02-29"), "ok");
        Composite c = (Composite) v;
        assertThat(c.fieldNames()).containsExactly("street", "zip", "since", "m");
        assertThat(c.get("zip")).isEqualTo(42);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT ROW('a', 1, NULL, NULL)::address")) {
            rs.next();
            assertThat(rs.getObject(1, Struct.class).getAttributes()).containsExactly("a", 1, null, null);
            assertThat(rs.getObject(1, Composite.class).get("street")).isEqualTo("a");
            assertThat(rs.getString(1)).isEqualTo("(a,1,,)");
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.STRUCT);
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("address");
        }
    }

    @Test
    void nestedCompositesNullFieldsAndQuoting() throws SQLException {
        String sql = "SELECT ROW('x (y), \\z', ROW('', NULL, NULL, NULL)::address, NULL)::person";
        Composite p = (Composite) one(conn, sql);
        assertThat(p.get("name")).isEqualTo("x (y), \\z");
        Composite home = (Composite) p.get("home");
        assertThat(home.values()).containsExactly("", null, null, null);
        assertThat(p.get("note")).isNull();
        // sent back, the server prints the same text as for the original value
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql + "::text")) {
            rs.next();
            assertThat(serverText(conn, "SELECT ?::text", p)).isEqualTo(rs.getString(1));
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute(sql);
            Composite modern = (Composite) cur.fetchone().get(0);
            assertThat(((Composite) modern.get("home")).get("street")).isEqualTo("");
            cur.execute("SELECT (ROW('a', 1, DATE '2020-01-02', 'sad')::address).since, ROW('a', 1, DATE '2020-01-02', 'sad')::address");
            Row r = cur.fetchone();
            assertThat(((Composite) r.get(1)).get("since")).isEqualTo(LocalDate.of(2020, 1, 2)).isEqualTo(r.get(0));
        }
    }

    @Test
    void anonymousRecordsHaveStringFields() throws SQLException {
        Composite r = (Composite) one(conn, "SELECT ROW(1, 'a b', NULL, ROW(2, 3))");
        assertThat(r.getSQLTypeName()).isEqualTo("record");
        assertThat(r.values()).containsExactly("1", "a b", null, "(2,3)");
        assertThat(r.get("f2")).isEqualTo("a b");
    }

    @Test
    void createStructAndSetObjectWriteComposites() throws SQLException {
        Struct c = conn.createStruct("complex", new Object[] {1.5, -2.0});
        assertThat(c.getSQLTypeName()).isEqualTo(SCHEMA + ".complex");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item (id, c, p) VALUES (?, ?, ?)")) {
            ps.setInt(1, 1);
            ps.setObject(2, c);
            ps.setObject(3, conn.createStruct("person", new Object[] {"Ann",
                conn.createStruct("address", new Object[] {"Elm \"1\"", 7, LocalDate.of(2001, 2, 3), "happy"}), null}));
            ps.executeUpdate();
        }
        assertThat(one(conn, "SELECT (c).i FROM item")).isEqualTo(-2.0);
        assertThat(one(conn, "SELECT p::text FROM item")).isEqualTo("(Ann,\"(\"\"Elm \"\"\"\"1\"\"\"\"\"\",7,2001-02-03,happy)\",)");
        assertThat(serverText(conn, "SELECT ?::text", c)).isEqualTo("(1.5,-2)");
        try (PreparedStatement ps = conn.prepareStatement("SELECT (?).r")) {
            ps.setObject(1, c, Types.STRUCT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(1.5);
            }
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT %s::text", Composite.of("complex", 0.25, null));
            assertThat(cur.fetchone().get(0)).isEqualTo("(0.25,)");
        }
        assertThatThrownBy(() -> conn.createStruct("no_such_type", new Object[0]))
                .isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "42704");
    }

    // ---- domains -----------------------------------------------------------------------------

    @Test
    void domainsAreReportedAsTheirBaseType() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 5::posint")) {
            rs.next();
            assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("int4");
            assertThat(rs.getObject(1)).isEqualTo(5);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item (id, d) VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setInt(2, 9);
            ps.executeUpdate();
            ps.setInt(1, 2);
            ps.setInt(2, -1);
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "23514");
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT d FROM item WHERE d = %s", 9);
            assertThat(cur.fetchone().get(0)).isEqualTo(9);
        }
    }

    // ---- user range types --------------------------------------------------------------------

    @Test
    void userRangeTypesAreRangesOfTheirSubtype() throws SQLException {
        String sql = "SELECT '[1.5,2.25)'::floatrange, 'empty'::floatrange, '(,3]'::floatrange";
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            assertThat(rs.getObject(1)).isEqualTo(Range.closedOpen(1.5, 2.25));
            assertThat(rs.getObject(2)).isEqualTo(Range.empty());
            assertThat(((Range<?>) rs.getObject(3)).upper()).isEqualTo(3.0);
            assertThat(rs.getString(1)).isEqualTo("[1.5,2.25)");
            assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo(Range.class.getName());
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute(sql);
            assertThat(cur.fetchone().get(0)).isEqualTo(Range.closedOpen(1.5, 2.25));
            cur.execute("SELECT %s::floatrange::text", "[0,1]");
            assertThat(cur.fetchone().get(0)).isEqualTo("[0,1]");
        }
    }

    // ---- hstore ------------------------------------------------------------------------------

    @Test
    void hstoreIsAMapBothWays() throws SQLException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a", "1");
        expected.put("k \"q\"", "v\\w, x=>y");
        expected.put("n", null);
        expected.put("", "");
        String literal = "SELECT 'a=>1, \"k \\\"q\\\"\"=>\"v\\\\w, x=>y\", n=>NULL, \"\"=>\"\"'::hstore";
        assertThat(one(conn, literal)).isEqualTo(expected);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item (id, h) VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setObject(2, expected);
            ps.executeUpdate();
        }
        assertThat(one(conn, "SELECT h = (" + literal + ") FROM item")).isEqualTo(true);
        assertThat(serverText(conn, "SELECT ?::text", expected)).isEqualTo(one(conn, literal.replace("::hstore", "::hstore::text")));
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?")) {
            ps.setObject(1, expected);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(expected);
                assertThat(rs.getObject(1, Map.class)).isEqualTo(expected);
            }
        }
        try (Cursor cur = conn.cursor()) {
            cur.execute("SELECT %s", (Object) Map.of("x", "1")); // a lone Map would be named parameters
            assertThat(cur.fetchone().get(0)).isEqualTo(Map.of("x", "1"));
        }
    }

    @Test
    void extensionTypesWithoutACodecAreStrings() throws SQLException {
        cluster.psql("CREATE EXTENSION IF NOT EXISTS citext");
        try (YsqlConnection fresh = Ysql.connect(url())) {
            assertThat(one(fresh, "SELECT 'MiXeD'::citext")).isEqualTo("MiXeD");
            try (Cursor cur = fresh.cursor()) {
                cur.execute("SELECT 'MiXeD'::citext = %s", "mixed");
                assertThat(cur.fetchone().get(0)).isEqualTo(true);
            }
        }
    }

    // ---- lookups -----------------------------------------------------------------------------

    @Test
    void eightThreadsShareTheFirstLookup() throws Exception {
        try (Statement s = conn.createStatement()) {
            s.execute("INSERT INTO item (id, m, c) VALUES (1, 'ok', '(1,2)')");
        }
        try (YsqlConnection fresh = Ysql.connect(url())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean jdbc = t % 2 == 0;
                Callable<Object> task = () -> {
                    start.await();
                    if (jdbc) return one(fresh, "SELECT c FROM item");
                    try (Cursor cur = fresh.cursor()) {
                        cur.execute("SELECT c FROM item");
                        return cur.fetchone().get(0);
                    }
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Object> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(new Composite(SCHEMA + ".complex", List.of("r", "i"), List.of(1.0, 2.0)));
            }
            pool.shutdown();
        }
    }

    @Test
    void lookupsRunInsideTheTransactionWithoutDisturbingIt() throws SQLException {
        try (YsqlConnection fresh = Ysql.connect(url())) {
            fresh.setAutoCommit(false);
            try (Statement s = fresh.createStatement()) {
                s.execute("INSERT INTO item (id, c) VALUES (5, '(3,4)')");
                try (ResultSet rs = s.executeQuery("SELECT c FROM item WHERE id = 5")) {
                    rs.next();
                    assertThat(((Struct) rs.getObject(1)).getAttributes()).containsExactly(3.0, 4.0);
                }
                fresh.rollback();
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM item WHERE id = 5")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
                fresh.commit();
            }
        }
    }
}
