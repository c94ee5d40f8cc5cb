package io.ysql;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.catalog.TypeCatalog;
import io.ysql.internal.codec.CodecRegistry;
import io.ysql.internal.codec.PgTypes;
import io.ysql.internal.cluster.BalanceRequest;
import io.ysql.internal.cluster.ServerLease;
import io.ysql.internal.connect.Connected;
import io.ysql.internal.connect.Connector;
import io.ysql.internal.cursor.SessionCursor;
import io.ysql.internal.cursor.SessionPipeline;
import io.ysql.internal.jdbc.DatabaseInfo;
import io.ysql.internal.jdbc.JdbcConnection;
import io.ysql.internal.jdbc.TransactionCharacteristics;
import io.ysql.internal.session.Session;
import io.ysql.internal.session.SessionOptions;
import io.ysql.internal.session.StatementSettings;
import io.ysql.types.Codec;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Entry point of the psycopg-style API.
 *
 * <pre>{@code
 * try (YsqlConnection conn = Ysql.connect("dbname=yugabyte host=localhost port=5433 user=yugabyte password=yugabyte");
 *      Cursor cur = conn.cursor()) {
 *     cur.execute("SELECT id, name FROM employee WHERE age > %s", 30);
 *     for (Row row : cur.fetchall()) System.out.println(row.get(0) + ", " + row.get(1));
 * }
 * }</pre>
 *
 * Connection strings may be libpq keyword/value strings, {@code postgresql://} URIs or JDBC URLs;
 * missing values come from the PG* environment variables, {@code ~/.pgpass}, and finally the
 * YugabyteDB defaults (localhost, port 5433, database, user and password {@code yugabyte}).
 */
public final class Ysql {
    /** The driver's name as reported by {@code DatabaseMetaData.getDriverName()}. */
    public static final String DRIVER_NAME = "ysql-driver";

    private Ysql() {}

    /** Connects with a conninfo string, a URI or a JDBC URL. */
    public static YsqlConnection connect(String conninfo) throws SQLException {
        return connect(ConnectionConfig.parse(conninfo));
    }

    /** Connects with a conninfo string, URI or JDBC URL plus extra options that win over it. */
    public static YsqlConnection connect(String conninfo, Properties extra) throws SQLException {
        return connect(ConnectionConfig.parse(conninfo, extra));
    }

    /**
     * Connects with a conninfo string, URI or JDBC URL ({@code extra} may be {@code null}), taking
     * the environment variables and the home directory from {@code sources} instead of the
     * process's: {@code ~/.pgpass} and the default TLS files under {@code ~/.postgresql/} are
     * looked for in {@code sources.homeDir()}.
     */
    public static YsqlConnection connect(String conninfo, Properties extra, ConfigSources sources) throws SQLException {
        return connect(ConnectionConfig.parse(conninfo, extra, sources));
    }

    /** Connects with options given as a map ({@code host}, {@code port}, {@code dbname} …). */
    public static YsqlConnection connect(Map<String, ?> options) throws SQLException {
        return connect(ConnectionConfig.fromMap(options));
    }

    /**
     * Connects with a parsed configuration. With {@code load_balance} on, the connection is balanced
     * with the state of the {@code YsqlDriver} registered with {@code DriverManager}
     * ({@link #yugabyteClusters()}), shared with {@code DriverManager.getConnection}; the codecs
     * registered with that driver ({@link #registerCodec}) are registered with the connection.
     */
    public static YsqlConnection connect(ConnectionConfig config) throws SQLException {
        boolean balanced = BalanceRequest.of(config).isPresent();
        YsqlConnection conn = connect(config, balanced ? yugabyteClusters() : null);
        Optional<DriverCodecs> codecs = driverCodecs();
        return codecs.isPresent() ? codecs.get().applyTo(conn) : conn;
    }

    /**
     * Connects with a parsed configuration; with {@code load_balance} on, the connection is balanced
     * with the state in {@code clusters} (which may be {@code null} only when it is off).
     */
    public static YsqlConnection connect(ConnectionConfig config, YugabyteClusters clusters) throws SQLException {
        return connect(config, clusters, null);
    }

    /**
     * Connects with a parsed configuration, reporting each connect step and, on the connection it
     * returns, each statement to {@code listener} ({@code null} for none); with {@code load_balance}
     * on, balanced with the state in {@code clusters}.
     */
    public static YsqlConnection connect(ConnectionConfig config, YugabyteClusters clusters, YsqlListener listener)
            throws SQLException {
        ListenerBridge bridge = listener == null ? null : new ListenerBridge(listener);
        long started = System.nanoTime();
        Connected c;
        try {
            c = Connector.system(bridge).connect(config, PgTypes::binaryResult,
                    clusters == null ? null : clusters.registry());
        } catch (SQLException e) {
            if (bridge != null) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                bridge.call(() -> listener.connectFailed(config.toUrl(), e, took));
            }
            throw e;
        }
        try {
            JdbcConnection conn = open(config, c.session());
            ServerLease lease = c.lease();
            YsqlConnection result = lease == null ? conn
                    : conn.balanced(lease::release, () -> Optional.of(YugabyteClusters.info(lease.cluster().snapshot())));
            if (bridge != null) {
                c.session().observe(bridge);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                bridge.call(() -> listener.connected(result.connectionInfo(), took));
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            c.session().close();
            c.release();
            throw e;
        }
    }

    /**
     * The load-balancing state {@link #connect(ConnectionConfig)} uses: that of the
     * {@code YsqlDriver} registered with {@code DriverManager}; a fresh, unshared one if the
     * driver was deregistered.
     */
    public static YugabyteClusters yugabyteClusters() {
        // DriverManager loads the drivers of META-INF/services on first use
        return DriverManager.drivers().filter(d -> d instanceof YugabyteClusters.Owner)
                .map(d -> ((YugabyteClusters.Owner) d).yugabyteClusters()).findFirst()
                .orElseGet(YugabyteClusters::new);
    }

    /**
     * Registers a user codec with every connection opened from now on by the {@code YsqlDriver}
     * registered with {@code DriverManager}: {@code DriverManager.getConnection} and {@link
     * #connect(ConnectionConfig)} (and the conninfo, URI and map forms). 55000 when no such driver is
     * registered.
     */
    public static void registerCodec(Codec<?> codec) throws SQLException {
        Optional<DriverCodecs> codecs = driverCodecs();
        if (codecs.isEmpty()) {
            throw SqlExceptions.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "no io.ysql.jdbc.YsqlDriver is "
                    + "registered with DriverManager; register one, or call registerCodec on a YsqlDriver instance");
        }
        codecs.get().register(codec);
    }

    private static Optional<DriverCodecs> driverCodecs() {
        return DriverManager.drivers().filter(d -> d instanceof DriverCodecs.Owner)
                .map(d -> ((DriverCodecs.Owner) d).driverCodecs()).findFirst();
    }

    private static JdbcConnection open(ConnectionConfig config, Session session) throws SQLException {
        SessionOptions.apply(config, session);
        DatabaseInfo info = new DatabaseInfo(config.toUrl(), config.user(), session.parameter("server_version"),
                DRIVER_NAME, Version.VERSION, Version.MAJOR, Version.MINOR);
        session.statementSettings(StatementSettings.of(config));
        TypeCatalog catalog = TypeCatalog.of(session, List.of());
        CodecRegistry codecs = CodecRegistry.of(catalog, "unspecified".equals(config.get(Options.STRINGTYPE)));
        JdbcConnection conn = new JdbcConnection(session, codecs, catalog, config.dbname(), info,
                c -> new SessionCursor(c, c.session(), codecs, catalog))
                .pipelines(c -> new SessionPipeline(c, c.session(), codecs, catalog));
        TransactionCharacteristics.configure(conn, config);
        conn.cursorApiSettings().dsnParameters(config);
        conn.defaultFetchSize(java.util.Objects.requireNonNullElse(config.get(Options.DEFAULT_FETCH_SIZE), 0));
        return conn;
    }
}
