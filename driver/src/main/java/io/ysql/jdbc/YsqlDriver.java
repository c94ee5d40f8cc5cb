package io.ysql.jdbc;

import io.ysql.DriverCodecs;
import io.ysql.Version;
import io.ysql.Ysql;
import io.ysql.YugabyteClusters;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import io.ysql.types.Codec;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver. Accepts {@code jdbc:ysql:}, {@code jdbc:postgresql:} and
 * {@code jdbc:yugabytedb:} URLs; with pgjdbc on the class path too, name this class explicitly
 * ({@code io.ysql.jdbc.YsqlDriver}) so the right driver answers {@code jdbc:postgresql:}.
 * Registered with {@link DriverManager} when loaded, and through
 * {@code META-INF/services/java.sql.Driver}. Each instance owns the state of its load-balanced
 * connections ({@code load_balance}) and its user codecs ({@link #registerCodec}); the registered
 * one's are shared with {@link Ysql#connect}.
 */
public final class YsqlDriver implements Driver, YugabyteClusters.Owner, DriverCodecs.Owner {
    private final YugabyteClusters clusters = new YugabyteClusters();
    private final DriverCodecs codecs = new DriverCodecs();

    static {
        try {
            DriverManager.registerDriver(new YsqlDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Connects when {@code url} is one of ours; returns {@code null} for other URLs, as
     * {@link DriverManager} expects. {@code info} values win over the URL's.
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null;
        return codecs.applyTo(Ysql.connect(ConnectionConfig.parse(url, info == null ? new Properties() : info), clusters));
    }

    /**
     * Registers a user codec with every connection this driver opens from now on (see {@link
     * io.ysql.YsqlConnection#registerCodec}); the registered driver's codecs also apply to
     * {@link Ysql#connect}. A data source's, a connection's and a cursor's codecs win over these.
     */
    public void registerCodec(Codec<?> codec) throws SQLException {
        codecs.register(codec);
    }

    /** The codecs this driver registers with every connection it opens. */
    @Override
    public DriverCodecs driverCodecs() {
        return codecs;
    }

    /** The state this driver's load-balanced connections share: clusters, servers, per-server counts. */
    @Override
    public YugabyteClusters yugabyteClusters() {
        return clusters;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && ConnectionConfig.acceptsUrl(url);
    }

    /** The supported options with the values the URL and {@code info} give them (or their defaults). */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        Properties given = info == null ? new Properties() : info;
        if (acceptsURL(url)) {
            try {
                return Options.driverPropertyInfo(ConnectionConfig.parse(url, given));
            } catch (SQLException unusable) {
                // a tool asks while the user is still typing: show what the properties alone give
            }
        }
        return Options.driverPropertyInfo(given);
    }

    @Override public int getMajorVersion() { return Version.MAJOR; }
    @Override public int getMinorVersion() { return Version.MINOR; }

    /** False: the driver does not claim full JDBC compliance yet (CallableStatement, LOBs, scrolling are missing). */
    @Override public boolean jdbcCompliant() { return false; }

    @Override public Logger getParentLogger() { return Logger.getLogger("io.ysql"); }
}
