package io.ysql.internal.jdbc.metadata;

import static io.ysql.internal.jdbc.metadata.MetadataFixture.OTHER;
import static io.ysql.internal.jdbc.metadata.MetadataFixture.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@link DatabaseMetaData} method of this driver compared with pgjdbc's, on the same server
 * and the same {@link MetadataFixture}: the result sets column by column (labels, JDBC types,
 * values as strings, row by row) and every scalar method found by reflection (no argument, or one
 * {@code int} such as a result set type or an isolation level). A difference must be listed, with
 * its reason, in {@code docs/metadata.md}; an entry there that no longer differs fails too, so
 * the document stays true. pgjdbc is loaded in its own class loader from the jar named by the
 * {@code pgjdbc.jar} system property, so that it never answers a {@code jdbc:postgresql:} URL
 * meant for this driver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseMetaDataComparisonIT {
    private static final Path DOC = Path.of("..", "docs", "metadata.md");
    private static final int[] RESULT_SET_TYPES = {
        ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.TYPE_SCROLL_SENSITIVE,
    };
    private static final int[] ISOLATION_LEVELS = {
        Connection.TRANSACTION_NONE, Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
        Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE,
    };
    private static final int[] HOLDABILITIES = {ResultSet.HOLD_CURSORS_OVER_COMMIT, ResultSet.CLOSE_CURSORS_AT_COMMIT};

    /** One catalog call, made the same way on both drivers. */
    @FunctionalInterface
    interface MetaCall {
        ResultSet call(DatabaseMetaData meta) throws SQLException;
    }

    private URLClassLoader pgjdbcLoader;
    private Connection ours;
    private Connection theirs;

    @BeforeAll
    void connect() throws Exception {
        PgCluster cluster = PgCluster.shared();
        MetadataFixture.create(cluster);
        ours = DriverManager.getConnection(cluster.jdbcUrl(), cluster.superuser(), cluster.superuserPassword());
        String jar = System.getProperty("pgjdbc.jar");
        assertThat(jar).as("system property pgjdbc.jar (set by integration/pom.xml)").isNotNull();
        assertThat(Path.of(jar)).as("the pgjdbc jar").exists();
        pgjdbcLoader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Driver pgjdbc = (Driver) pgjdbcLoader.loadClass("org.postgresql.Driver").getDeclaredConstructor().newInstance();
        Properties p = new Properties();
        p.setProperty("user", cluster.superuser());
        p.setProperty("password", cluster.superuserPassword());
        theirs = pgjdbc.connect(cluster.jdbcUrl().replace("jdbc:ysql:", "jdbc:postgresql:"), p);
        assertThat(theirs).as("a pgjdbc connection").isNotNull();
    }

    @AfterAll
    void close() throws Exception {
        if (ours != null) ours.close();
        if (theirs != null) theirs.close();
        if (pgjdbcLoader != null) pgjdbcLoader.close();
    }

    @Test
    void everyDifferenceFromPgjdbcIsDocumented() throws Exception {
        List<Difference> found = new ArrayList<>();
        DatabaseMetaData a = ours.getMetaData();
        DatabaseMetaData b = theirs.getMetaData();
        calls().forEach((name, call) -> found.addAll(ResultSetComparison.compare(name, a, b, call,
                name.equals("getTypeInfo"))));
        found.addAll(compareScalars(a, b));

        Set<String> allowed = allowList();
        Set<String> differing = new TreeSet<>();
        List<String> undocumented = new ArrayList<>();
        for (Difference d : found) {
            differing.add(d.key());
            if (!allowed.contains(d.key())) undocumented.add(d.toString());
        }
        Set<String> stale = new TreeSet<>(allowed);
        stale.removeAll(differing);
        assertThat(undocumented).as("differences from pgjdbc not listed in %s", DOC.toAbsolutePath()).isEmpty();
        assertThat(stale).as("entries of %s that no longer differ from pgjdbc", DOC.toAbsolutePath()).isEmpty();
    }

    private static Map<String, MetaCall> calls() {
        Map<String, MetaCall> c = new LinkedHashMap<>();
        c.put("getTables", m -> m.getTables(null, "mdcmp%", "%", null));
        c.put("getTables(TABLE,VIEW)", m -> m.getTables(null, SCHEMA, "%", new String[] {"TABLE", "VIEW"}));
        c.put("getTableTypes", DatabaseMetaData::getTableTypes);
        c.put("getColumns", m -> m.getColumns(null, "mdcmp%", "%", "%"));
        c.put("getPrimaryKeys", m -> m.getPrimaryKeys(null, SCHEMA, "orders"));
        c.put("getImportedKeys", m -> m.getImportedKeys(null, SCHEMA, "shipment"));
        c.put("getImportedKeys(cross-schema)", m -> m.getImportedKeys(null, SCHEMA, "customer"));
        c.put("getExportedKeys", m -> m.getExportedKeys(null, SCHEMA, "orders"));
        c.put("getExportedKeys(cross-schema)", m -> m.getExportedKeys(null, OTHER, "region"));
        c.put("getCrossReference", m -> m.getCrossReference(null, SCHEMA, "orders", null, SCHEMA, "shipment"));
        c.put("getIndexInfo", m -> m.getIndexInfo(null, SCHEMA, "orders", false, false));
        c.put("getIndexInfo(unique)", m -> m.getIndexInfo(null, SCHEMA, "customer", true, false));
        c.put("getSchemas", DatabaseMetaData::getSchemas);
        c.put("getSchemas(pattern)", m -> m.getSchemas(null, "mdcmp%"));
        c.put("getCatalogs", DatabaseMetaData::getCatalogs);
        c.put("getTypeInfo", DatabaseMetaData::getTypeInfo);
        c.put("getFunctions", m -> m.getFunctions(null, SCHEMA, "%"));
        c.put("getFunctionColumns", m -> m.getFunctionColumns(null, SCHEMA, "%", "%"));
        c.put("getProcedures", m -> m.getProcedures(null, SCHEMA, "%"));
        c.put("getProcedureColumns", m -> m.getProcedureColumns(null, SCHEMA, "%", "%"));
        c.put("getTablePrivileges", m -> m.getTablePrivileges(null, SCHEMA, "%"));
        c.put("getColumnPrivileges", m -> m.getColumnPrivileges(null, SCHEMA, "orders", "%"));
        c.put("getBestRowIdentifier", m -> m.getBestRowIdentifier(null, SCHEMA, "orders",
                DatabaseMetaData.bestRowSession, true));
        c.put("getBestRowIdentifier(identity)", m -> m.getBestRowIdentifier(null, SCHEMA, "customer",
                DatabaseMetaData.bestRowTemporary, false));
        c.put("getVersionColumns", m -> m.getVersionColumns(null, SCHEMA, "orders"));
        c.put("getUDTs", m -> m.getUDTs(null, SCHEMA, "%", null));
        c.put("getSuperTables", m -> m.getSuperTables(null, SCHEMA, "%"));
        c.put("getSuperTypes", m -> m.getSuperTypes(null, SCHEMA, "%"));
        c.put("getAttributes", m -> m.getAttributes(null, SCHEMA, "%", "%"));
        c.put("getPseudoColumns", m -> m.getPseudoColumns(null, SCHEMA, "%", "%"));
        c.put("getClientInfoProperties", DatabaseMetaData::getClientInfoProperties);
        return c;
    }

    /** Every method without arguments, or with one int, that returns a value rather than a result set. */
    private static List<Difference> compareScalars(DatabaseMetaData a, DatabaseMetaData b) {
        List<Difference> out = new ArrayList<>();
        Method[] methods = DatabaseMetaData.class.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            Class<?> r = m.getReturnType();
            if (r == ResultSet.class || r == Connection.class || m.getDeclaringClass() != DatabaseMetaData.class) continue;
            Class<?>[] params = m.getParameterTypes();
            if (params.length == 0) {
                compareScalar(m.getName(), m, a, b, out);
            } else if (params.length == 1 && params[0] == int.class && r == boolean.class) {
                int[] arguments = switch (m.getName()) {
                    case "supportsTransactionIsolationLevel" -> ISOLATION_LEVELS;
                    case "supportsResultSetHoldability" -> HOLDABILITIES;
                    default -> RESULT_SET_TYPES;
                };
                for (int arg : arguments) compareScalar(m.getName() + "(" + arg + ")", m, a, b, out, arg);
            }
        }
        return out;
    }

    private static void compareScalar(String name, Method m, DatabaseMetaData a, DatabaseMetaData b,
            List<Difference> out, Object... args) {
        String x = invoke(m, a, args);
        String y = invoke(m, b, args);
        if (!x.equals(y)) out.add(new Difference(name, "-", "value", "ours " + x + ", pgjdbc " + y));
    }

    private static String invoke(Method m, DatabaseMetaData meta, Object... args) {
        try {
            return String.valueOf(m.invoke(meta, args));
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            return c instanceof SQLException s ? "throws SQLSTATE " + s.getSQLState() : "throws " + c.getClass().getSimpleName();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The keys of the documented differences: the rows of the tables in {@code docs/metadata.md}
     * whose first cell is code, {@code | `method` | `column` | kind | reason |}.
     */
    private static Set<String> allowList() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(DOC)) {
            if (!line.startsWith("| `")) continue;
            String[] cells = line.split("\\|");
            keys.add(new Difference(unquote(cells[1]), unquote(cells[2]), cells[3].trim(), "").key());
        }
        return keys;
    }

    private static String unquote(String cell) {
        String s = cell.trim();
        return s.startsWith("`") && s.endsWith("`") ? s.substring(1, s.length() - 1) : s;
    }
}
