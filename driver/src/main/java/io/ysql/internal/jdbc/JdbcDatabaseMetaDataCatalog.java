package io.ysql.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The result-set answers of {@link java.sql.DatabaseMetaData}: each one query over
 * {@code pg_catalog}, kept in a {@code metadata/*.sql} resource, prepared on the connection with
 * {@code ?} parameters and returned as its result set, whose statement closes with it. Column
 * labels and their order are the ones the JDBC specification lists; the values are pgjdbc's.
 *
 * <p>Arguments follow pgjdbc: a null or empty pattern or name means "any", patterns are LIKE
 * patterns with {@code \} as escape; a catalog other than the current database matches nothing
 * (a connection sees one database), and every row carries the current database as its catalog.
 */
abstract class JdbcDatabaseMetaDataCatalog extends JdbcDatabaseMetaDataCapabilities {
    final Connection connection;
    private final JdbcDatabaseMetaDataSql sql;

    JdbcDatabaseMetaDataCatalog(Connection connection, int serverMajor) {
        this.connection = connection;
        this.sql = new JdbcDatabaseMetaDataSql(serverMajor);
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return query("procedures", any(catalog), any(schemaPattern), any(procedureNamePattern));
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return query("procedure_columns", any(catalog), any(schemaPattern), any(procedureNamePattern),
                any(columnNamePattern));
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        String typeList = types == null ? null : String.join(",", types);
        return query("tables", any(catalog), any(schemaPattern), any(tableNamePattern), typeList);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return query("schemas", any(catalog), any(schemaPattern));
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return query("catalogs");
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return query("table_types");
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        return query("columns", any(catalog), any(schemaPattern), any(tableNamePattern), any(columnNamePattern));
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return query("column_privileges", any(catalog), any(schema), any(table), any(columnNamePattern));
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return query("table_privileges", any(catalog), any(schemaPattern), any(tableNamePattern));
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope,
                                          boolean nullable) throws SQLException {
        return query("best_row_identifier", any(catalog), any(schema), any(table), scope);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return query("version_columns", any(catalog), any(schema), any(table));
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return query("primary_keys", any(catalog), any(schema), any(table));
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return query("foreign_keys", null, null, null, any(catalog), any(schema), any(table), 0);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return query("foreign_keys", any(catalog), any(schema), any(table), null, null, null, 1);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        return query("foreign_keys", any(parentCatalog), any(parentSchema), any(parentTable),
                any(foreignCatalog), any(foreignSchema), any(foreignTable), 1);
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return query("type_info");
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique,
                                  boolean approximate) throws SQLException {
        return query("index_info", any(catalog), any(schema), any(table), unique ? 1 : 0);
    }

    /**
     * Standalone composite types and domains. As the specification allows, a qualified
     * {@code typeNamePattern} ({@code schema.name} or {@code catalog.schema.name}) overrides
     * {@code schemaPattern}.
     */
    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        String schema = schemaPattern;
        String name = typeNamePattern;
        if (name != null && name.indexOf('.') >= 0) {
            int last = name.lastIndexOf('.');
            String qualifier = name.substring(0, last);
            schema = qualifier.substring(qualifier.lastIndexOf('.') + 1);
            name = name.substring(last + 1);
        }
        String typeList = types == null ? null
                : Arrays.stream(types).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return query("udts", any(catalog), any(schema), any(name), typeList);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
            throws SQLException {
        return query("super_types");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return query("super_tables", any(catalog), any(schemaPattern), any(tableNamePattern));
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return query("attributes");
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return query("client_info_properties");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return query("functions", any(catalog), any(schemaPattern), any(functionNamePattern));
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return query("function_columns", any(catalog), any(schemaPattern), any(functionNamePattern),
                any(columnNamePattern));
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return query("pseudo_columns");
    }

    /** Null for a null or empty argument, which the queries read as "any". */
    private static String any(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Prepares query {@code name}, binds {@code params} in order (a {@code String}, an
     * {@code Integer} or null) and executes it; the statement closes when the result set does.
     */
    final ResultSet query(String name, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text(name));
        try {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i];
                if (value == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) value);
                }
            }
            statement.closeOnCompletion();
            return statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            try {
                statement.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
