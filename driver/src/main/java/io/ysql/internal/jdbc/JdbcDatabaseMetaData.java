package io.ysql.internal.jdbc;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The driver's {@link java.sql.DatabaseMetaData}: what it reports about the server, the driver
 * and the connection it belongs to. The product is always {@code "PostgreSQL"}, on YugabyteDB
 * too, so that tools pick their PostgreSQL dialect; versions come from {@code server_version}
 * (see {@link DatabaseInfo}). The fixed answers live in {@link JdbcDatabaseMetaDataCapabilities},
 * the catalog queries in {@link JdbcDatabaseMetaDataCatalog}; this class adds what depends on the
 * connection: URL, user, versions, read-only state and the server's keyword list, which is read
 * once and kept.
 */
public final class JdbcDatabaseMetaData extends JdbcDatabaseMetaDataCatalog {
    private final DatabaseInfo info;
    private volatile String keywords;

    /**
     * @param connection the connection this metadata describes and runs its queries on
     * @param info       what the connection knows about itself, the server and the driver
     */
    public JdbcDatabaseMetaData(Connection connection, DatabaseInfo info) {
        super(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(info, "info").majorVersion());
        this.info = info;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() {
        return info.url();
    }

    @Override
    public String getUserName() {
        return info.user();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName() {
        return "PostgreSQL";
    }

    @Override
    public String getDatabaseProductVersion() {
        return info.productVersion();
    }

    @Override
    public int getDatabaseMajorVersion() {
        return info.majorVersion();
    }

    @Override
    public int getDatabaseMinorVersion() {
        return info.minorVersion();
    }

    @Override
    public String getDriverName() {
        return info.driverName();
    }

    @Override
    public String getDriverVersion() {
        return info.driverVersion();
    }

    @Override
    public int getDriverMajorVersion() {
        return info.driverMajor();
    }

    @Override
    public int getDriverMinorVersion() {
        return info.driverMinor();
    }

    /** The server's keywords that are not SQL:2003 keywords, asked of the server on first use. */
    @Override
    public String getSQLKeywords() throws SQLException {
        String known = keywords;
        if (known == null) {
            List<String> words = new ArrayList<>();
            try (ResultSet rs = query("keywords")) {
                while (rs.next()) words.add(rs.getString(1));
            }
            known = JdbcDatabaseMetaDataKeywords.nonStandard(words);
            keywords = known;
        }
        return known;
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) return iface.cast(this);
        throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE,
                "database metadata does not implement " + (iface == null ? "null" : iface.getName()));
    }
}
