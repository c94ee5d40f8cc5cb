package io.ysql.internal.jdbc;

import io.ysql.testkit.PgCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link java.sql.DatabaseMetaData} against a real server: a schema with tables, keys, indexes,
 * a view, a sequence, a domain and routines, and what the catalog methods report about it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseMetaDataIT {
    private static final String SCHEMA = "dbmeta_it";

    private PgCluster cluster;
    private Connection connection;
    private DatabaseMetaData meta;

    @BeforeAll
    void createSchema() throws SQLException {
        cluster = PgCluster.shared();
        connection = DriverManager.getConnection(cluster.jdbcUrl(), cluster.superuser(), cluster.superuserPassword());
        meta = connection.getMetaData();
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        execute("CREATE SCHEMA " + SCHEMA);
        execute("CREATE DOMAIN " + SCHEMA + ".positive AS integer CHECK (VALUE > 0)");
        execute("CREATE TABLE " + SCHEMA + ".parent (id serial PRIMARY KEY, dropped_soon int, "
                + "code varchar(20) NOT NULL UNIQUE, price numeric(10,2) DEFAULT 0, note text, qty "
                + SCHEMA + ".positive)");
        execute("ALTER TABLE " + SCHEMA + ".parent DROP COLUMN dropped_soon");
        execute("COMMENT ON TABLE " + SCHEMA + ".parent IS 'the parent table'");
        execute("COMMENT ON COLUMN " + SCHEMA + ".parent.code IS 'business code'");
        execute("CREATE TABLE " + SCHEMA + ".child (parent_id int NOT NULL REFERENCES " + SCHEMA
                + ".parent (id) ON DELETE CASCADE, line int NOT NULL, note text, PRIMARY KEY (parent_id, line))");
        execute("CREATE TABLE " + SCHEMA + ".grandchild (id bigserial PRIMARY KEY, p int, l int, "
                + "CONSTRAINT grandchild_child_fk FOREIGN KEY (p, l) REFERENCES " + SCHEMA + ".child (parent_id, line) "
                + "ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED)");
        execute("CREATE INDEX child_note_idx ON " + SCHEMA + ".child (note DESC, line)");
        execute("CREATE VIEW " + SCHEMA + ".parent_view AS SELECT id, code FROM " + SCHEMA + ".parent");
        execute("CREATE SEQUENCE " + SCHEMA + ".counter");
        execute("CREATE TABLE " + SCHEMA + ".under_score (a int)");
        execute("CREATE TABLE " + SCHEMA + ".\"underXscore\" (a int)");
        execute("CREATE FUNCTION " + SCHEMA + ".add_one(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + 1'");
    }

    @AfterAll
    void dropSchema() throws SQLException {
        if (connection == null) return;
        try {
            execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } finally {
            connection.close();
        }
    }

    @Test
    void reportsPostgresqlWithTheServersVersion() throws SQLException {
        int num = Integer.parseInt(scalar("SELECT current_setting('server_version_num')"));
        int major = num / 10000;
        int minor = major >= 10 ? num % 100 : (num / 100) % 100;

        assertThat(meta.getDatabaseProductName()).isEqualTo("PostgreSQL");
        assertThat(meta.getDatabaseProductVersion()).matches("\\d+(\\.\\d+)*");
        assertThat(meta.getDatabaseMajorVersion()).isEqualTo(major);
        assertThat(meta.getDatabaseMinorVersion()).isEqualTo(minor);
        assertThat(meta.getDriverName()).isEqualTo("ysql-driver");
        assertThat(meta.getJDBCMajorVersion()).isEqualTo(4);
        assertThat(meta.getJDBCMinorVersion()).isEqualTo(2);
        assertThat(meta.getUserName()).isEqualTo(cluster.superuser());
        assertThat(meta.getURL()).startsWith("jdbc:").doesNotContain("password").doesNotContain("@");
        assertThat(meta.getConnection()).isSameAs(connection);
    }

    @Test
    void answersCapabilitiesAsPostgresqlDoes() throws SQLException {
        assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
        assertThat(meta.storesLowerCaseIdentifiers()).isTrue();
        assertThat(meta.getSearchStringEscape()).isEqualTo("\\");
        assertThat(meta.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        assertThat(meta.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
        assertThat(meta.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
        assertThat(meta.supportsSavepoints()).isTrue();
        assertThat(meta.getMaxTableNameLength()).isEqualTo(63);
        assertThat(meta.getSQLKeywords().split(",")).contains("limit", "offset").doesNotContain("select", "from");
        assertThat(meta.isWrapperFor(DatabaseMetaData.class)).isTrue();
        assertThat(meta.unwrap(DatabaseMetaData.class)).isSameAs(meta);
        assertThatThrownBy(() -> meta.unwrap(Connection.class)).isInstanceOf(SQLException.class);
    }

    @Test
    void listsTablesOfTheRequestedTypesInOrder() throws SQLException {
        String database = scalar("SELECT current_database()");
        List<Map<String, String>> tables = rows(meta.getTables(null, SCHEMA, "%", new String[] {"TABLE", "VIEW"}));
        assertThat(tables).extracting(r -> r.get("TABLE_NAME") + ":" + r.get("TABLE_TYPE")).containsExactly(
                "child:TABLE", "grandchild:TABLE", "parent:TABLE", "underXscore:TABLE", "under_score:TABLE",
                "parent_view:VIEW");
        assertThat(tables).allSatisfy(r -> {
            assertThat(r.get("TABLE_SCHEM")).isEqualTo(SCHEMA);
            assertThat(r.get("TABLE_CAT")).isEqualTo(database);
        });
        assertThat(tables.get(2).get("REMARKS")).isEqualTo("the parent table");

        try (ResultSet rs = meta.getTables(null, SCHEMA, null, null)) {
            assertThat(labels(rs)).containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
                    "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
            assertThat(rows(rs)).extracting(r -> r.get("TABLE_NAME") + ":" + r.get("TABLE_TYPE"))
                    .contains("child_note_idx:INDEX", "counter:SEQUENCE", "parent_id_seq:SEQUENCE");
        }
    }

    @Test
    void treatsUnderscoreAsAWildcardUnlessEscaped() throws SQLException {
        String escape = meta.getSearchStringEscape();
        assertThat(rows(meta.getTables(null, SCHEMA, "under_score", null))).extracting(r -> r.get("TABLE_NAME"))
                .containsExactly("underXscore", "under_score");
        assertThat(rows(meta.getTables(null, SCHEMA, "under" + escape + "_score", null)))
                .extracting(r -> r.get("TABLE_NAME")).containsExactly("under_score");
    }

    @Test
    void findsNothingInAnotherCatalog() throws SQLException {
        assertThat(rows(meta.getTables("no_such_database", SCHEMA, null, null))).isEmpty();
        assertThat(rows(meta.getColumns("no_such_database", SCHEMA, "parent", null))).isEmpty();
    }

    @Test
    void describesColumns() throws SQLException {
        try (ResultSet rs = meta.getColumns(null, SCHEMA, "parent", null)) {
            List<String> names = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            Map<String, int[]> sizes = new LinkedHashMap<>();
            Map<String, String> typeNames = new LinkedHashMap<>();
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                names.add(name);
                positions.add(rs.getInt("ORDINAL_POSITION"));
                sizes.put(name, new int[] {rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE")});
                typeNames.put(name, rs.getString("TYPE_NAME") + "|" + rs.getString("IS_NULLABLE") + "|"
                        + rs.getString("IS_AUTOINCREMENT") + "|" + rs.getString("COLUMN_DEF") + "|" + rs.getString("REMARKS"));
            }
            assertThat(names).containsExactly("id", "code", "price", "note", "qty");
            assertThat(positions).containsExactly(1, 2, 3, 4, 5);
            assertThat(sizes.get("id")).containsExactly(Types.INTEGER, 10, 0, DatabaseMetaData.columnNoNulls);
            assertThat(sizes.get("code")).containsExactly(Types.VARCHAR, 20, 0, DatabaseMetaData.columnNoNulls);
            assertThat(sizes.get("price")).containsExactly(Types.NUMERIC, 10, 2, DatabaseMetaData.columnNullable);
            assertThat(sizes.get("qty")[0]).isEqualTo(Types.DISTINCT);
            assertThat(typeNames.get("id")).startsWith("serial|NO|YES|nextval(");
            assertThat(typeNames.get("code")).isEqualTo("varchar|NO|NO|null|business code");
            assertThat(typeNames.get("price")).isEqualTo("numeric|YES|NO|0|null");
            assertThat(typeNames.get("note")).isEqualTo("text|YES|NO|null|null");
        }
        assertThat(rows(meta.getColumns(null, SCHEMA, "child", "no%"))).extracting(r -> r.get("COLUMN_NAME"))
                .containsExactly("note");
    }

    @Test
    void reportsPrimaryKeysInKeyOrder() throws SQLException {
        assertThat(rows(meta.getPrimaryKeys(null, SCHEMA, "child")))
                .extracting(r -> r.get("COLUMN_NAME") + ":" + r.get("KEY_SEQ") + ":" + r.get("PK_NAME"))
                .containsExactly("parent_id:1:child_pkey", "line:2:child_pkey");
    }

    @Test
    void reportsForeignKeysFromBothEnds() throws SQLException {
        assertThat(rows(meta.getImportedKeys(null, SCHEMA, "child")))
                .extracting(r -> r.get("PKTABLE_NAME") + "." + r.get("PKCOLUMN_NAME") + "->" + r.get("FKTABLE_NAME")
                        + "." + r.get("FKCOLUMN_NAME") + " u" + r.get("UPDATE_RULE") + " d" + r.get("DELETE_RULE"))
                .containsExactly("parent.id->child.parent_id u" + DatabaseMetaData.importedKeyNoAction
                        + " d" + DatabaseMetaData.importedKeyCascade);
        assertThat(rows(meta.getImportedKeys(null, SCHEMA, "grandchild")))
                .extracting(r -> r.get("FKCOLUMN_NAME") + ":" + r.get("KEY_SEQ") + ":" + r.get("FK_NAME") + ":"
                        + r.get("PK_NAME") + ":" + r.get("UPDATE_RULE") + ":" + r.get("DEFERRABILITY"))
                .containsExactly(
                        "p:1:grandchild_child_fk:child_pkey:" + DatabaseMetaData.importedKeySetNull + ":"
                                + DatabaseMetaData.importedKeyInitiallyDeferred,
                        "l:2:grandchild_child_fk:child_pkey:" + DatabaseMetaData.importedKeySetNull + ":"
                                + DatabaseMetaData.importedKeyInitiallyDeferred);
        assertThat(rows(meta.getExportedKeys(null, SCHEMA, "parent"))).extracting(r -> r.get("FKTABLE_NAME"))
                .containsExactly("child");
        assertThat(rows(meta.getCrossReference(null, SCHEMA, "child", null, SCHEMA, "grandchild")))
                .hasSize(2);
        assertThat(rows(meta.getCrossReference(null, SCHEMA, "parent", null, SCHEMA, "grandchild"))).isEmpty();
    }

    @Test
    void reportsIndexColumnsWithTheirOrder() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getIndexInfo(null, SCHEMA, "child", false, false)) {
            while (rs.next()) {
                columns.add(rs.getString("INDEX_NAME") + ":" + rs.getBoolean("NON_UNIQUE") + ":"
                        + rs.getShort("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME") + ":"
                        + rs.getString("ASC_OR_DESC"));
            }
        }
        assertThat(columns).containsExactly("child_pkey:false:1:parent_id:A", "child_pkey:false:2:line:A",
                "child_note_idx:true:1:note:D", "child_note_idx:true:2:line:A");
        assertThat(rows(meta.getIndexInfo(null, SCHEMA, "child", true, false))).extracting(r -> r.get("INDEX_NAME"))
                .containsOnly("child_pkey");
    }

    @Test
    void listsSchemasCatalogsAndTableTypes() throws SQLException {
        assertThat(rows(meta.getSchemas())).extracting(r -> r.get("TABLE_SCHEM"))
                .contains(SCHEMA, "public", "pg_catalog").doesNotContain("pg_toast");
        assertThat(rows(meta.getSchemas(null, "dbmeta%"))).extracting(r -> r.get("TABLE_SCHEM"))
                .containsExactly(SCHEMA);
        assertThat(rows(meta.getCatalogs())).extracting(r -> r.get("TABLE_CAT"))
                .containsExactly(scalar("SELECT current_database()"));
        assertThat(rows(meta.getTableTypes())).extracting(r -> r.get("TABLE_TYPE"))
                .contains("TABLE", "VIEW", "INDEX", "SEQUENCE", "SYSTEM TABLE", "MATERIALIZED VIEW");
    }

    @Test
    void describesTypesRoutinesAndUserTypes() throws SQLException {
        List<Map<String, String>> types = rows(meta.getTypeInfo());
        assertThat(types).filteredOn(r -> r.get("TYPE_NAME").equals("int4"))
                .extracting(r -> r.get("DATA_TYPE")).containsExactly(String.valueOf(Types.INTEGER));
        assertThat(types).filteredOn(r -> r.get("DATA_TYPE").equals(String.valueOf(Types.VARCHAR)))
                .first().extracting(r -> r.get("TYPE_NAME")).isEqualTo("varchar");

        assertThat(rows(meta.getFunctions(null, SCHEMA, null))).extracting(r -> r.get("FUNCTION_NAME"))
                .containsExactly("add_one");
        assertThat(rows(meta.getProcedureColumns(null, SCHEMA, "add_one", null)))
                .extracting(r -> r.get("COLUMN_NAME") + ":" + r.get("COLUMN_TYPE") + ":" + r.get("DATA_TYPE"))
                .containsExactly("returnValue:" + DatabaseMetaData.procedureColumnReturn + ":" + Types.INTEGER,
                        "x:" + DatabaseMetaData.procedureColumnIn + ":" + Types.INTEGER);
        assertThat(rows(meta.getUDTs(null, SCHEMA, null, null)))
                .extracting(r -> r.get("TYPE_NAME") + ":" + r.get("DATA_TYPE") + ":" + r.get("BASE_TYPE"))
                .containsExactly("positive:" + Types.DISTINCT + ":" + Types.INTEGER);
    }

    @Test
    void answersEmptyButWellFormedWhereThereIsNothingToReport() throws SQLException {
        try (ResultSet rs = meta.getSuperTypes(null, null, null)) {
            assertThat(labels(rs)).containsExactly("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT",
                    "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
            assertThat(rs.next()).isFalse();
        }
        try (ResultSet rs = meta.getPseudoColumns(null, null, null, null)) {
            assertThat(labels(rs)).hasSize(12);
            assertThat(rs.next()).isFalse();
        }
        assertThat(rows(meta.getBestRowIdentifier(null, SCHEMA, "child", DatabaseMetaData.bestRowSession, false)))
                .extracting(r -> r.get("COLUMN_NAME")).containsExactly("parent_id", "line");
        assertThat(rows(meta.getClientInfoProperties())).extracting(r -> r.get("NAME"))
                .containsExactly("ApplicationName");
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) labels.add(md.getColumnLabel(i));
        return labels;
    }

    /** Every row as label → string value, then closes the result set. */
    private static List<Map<String, String>> rows(ResultSet rs) throws SQLException {
        try (rs) {
            List<String> labels = labels(rs);
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < labels.size(); i++) row.put(labels.get(i), rs.getString(i + 1));
                rows.add(row);
            }
            return rows;
        }
    }
}
