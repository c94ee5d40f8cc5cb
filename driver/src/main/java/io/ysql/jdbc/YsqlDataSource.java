package io.ysql.jdbc;

import io.ysql.Ysql;
import io.ysql.YsqlListener;
import io.ysql.YugabyteClusters;
import io.ysql.YsqlConnection;
import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.ConnectionOption;
import io.ysql.config.Options;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.types.Codec;
import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Logger;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import javax.sql.DataSource;

/**
 * A {@link DataSource} configured by JavaBeans properties, for pools and containers: HikariCP's
 * {@code dataSourceClassName=io.ysql.jdbc.YsqlDataSource} with {@code dataSource.serverName},
 * {@code dataSource.portNumber}, {@code dataSource.databaseName} …, or any tool that introspects
 * bean setters. A base {@linkplain #setUrl URL} (JDBC URL, {@code postgresql://} URI or libpq
 * conninfo string) may be combined with options set by {@link #setProperty} or the generated
 * setters of {@link YsqlDataSourceSetters}; the options win over the URL's values. Every value is
 * validated when it is set ({@link IllegalArgumentException} with the configuration's message, as
 * bean setters cannot throw checked exceptions); each {@code getConnection} resolves the
 * configuration (environment variables, password file, defaults) and connects through
 * {@link Ysql#connect(ConnectionConfig)}. With {@code load_balance} on, the data source's own
 * {@link YugabyteClusters} balances its connections (so a pool over it spreads over the cluster),
 * independently of other data sources. The log writer is kept as JDBC requires but the driver
 * logs through {@code System.Logger}. {@link #toString()} never shows a secret.
 */
public class YsqlDataSource extends YsqlDataSourceSetters implements DataSource, Serializable, Referenceable,
        YugabyteClusters.Owner {
    private static final long serialVersionUID = 1L;

    /** Options by canonical name, as text; safe to read while another thread sets one. */
    private final ConcurrentSkipListMap<String, String> options = new ConcurrentSkipListMap<>();
    private volatile String url;
    private transient volatile PrintWriter logWriter;
    /** Not serialized: a deserialized data source starts with fresh state. */
    private transient volatile YugabyteClusters clusters = new YugabyteClusters();

    /** User codecs registered with every connection this data source opens; not serialized. */
    private transient volatile List<Codec<?>> codecs = List.of();

    /** Told of every connect and statement of this data source's connections; not serialized. */
    private transient volatile YsqlListener listener;

    /** A data source with no option set: the environment, the password file and the defaults apply. */
    public YsqlDataSource() {}

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        clusters = new YugabyteClusters();
        codecs = List.of();
    }

    /** A data source that registers {@code codecs} with every connection it opens. */
    public YsqlDataSource(List<? extends Codec<?>> codecs) {
        this.codecs = List.copyOf(codecs);
    }

    /**
     * Registers a user codec with every connection this data source opens from now on (see
     * {@link YsqlConnection#registerCodec}).
     */
    public void registerCodec(Codec<?> codec) {
        if (codec == null) throw new IllegalArgumentException("the codec must not be null");
        List<Codec<?>> next = new ArrayList<>(codecs == null ? List.of() : codecs);
        next.add(codec);
        codecs = List.copyOf(next);
    }

    /**
     * Reports each connect step and each statement of the connections opened from now on to
     * {@code listener} (see {@link YsqlListener}); {@code null} stops reporting.
     */
    public void setListener(YsqlListener listener) {
        this.listener = listener;
    }

    /** The listener set with {@link #setListener}, or null. */
    public YsqlListener getListener() {
        return listener;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withCodecs(Ysql.connect(config(null, null), yugabyteClusters(), listener));
    }

    /** Connects as {@code user} with {@code password}, which win over the configured ones when not null. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return withCodecs(Ysql.connect(config(user, password), yugabyteClusters(), listener));
    }

    /** The state this data source's load-balanced connections share: clusters, servers, per-server counts. */
    @Override
    public YugabyteClusters yugabyteClusters() {
        return clusters;
    }
    private YsqlConnection withCodecs(YsqlConnection c) throws SQLException {
        List<Codec<?>> list = codecs;
        if (list == null) return c;
        try {
            for (Codec<?> codec : list) c.registerCodec(codec);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * The configuration {@link #getConnection()} would connect with, resolved against the process
     * environment and home directory.
     */
    public ConnectionConfig connectionConfig() throws SQLException {
        return config(null, null);
    }

    private ConnectionConfig config(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(options);
        String base = url;
        if (user != null) p.setProperty(Options.USER.name(), user);
        if (password != null) p.setProperty(Options.PASSWORD.name(), password);
        return ConnectionConfig.parse(base == null ? "" : base, p, ConfigSources.system());
    }

    // ------------------------------------------------------------------------ URL and options

    /**
     * Sets the base configuration: a JDBC URL ({@code jdbc:ysql:}, {@code jdbc:postgresql:},
     * {@code jdbc:yugabytedb:}), a {@code postgresql://} URI or a libpq conninfo string; {@code null}
     * removes it. It is checked on its own, without the environment.
     *
     * @throws IllegalArgumentException with the configuration's message when it cannot be parsed
     */
    public void setUrl(String url) {
        if (url != null) {
            try {
                ConnectionConfig.parse(url, null, ConfigSources.none());
            } catch (SQLException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        this.url = url;
    }

    /** The base URL or conninfo string, or {@code null}. It may hold a password. */
    public String getUrl() {
        return url;
    }

    /**
     * Sets an option by any of its names or aliases ({@code sslmode}, {@code connectTimeout},
     * {@code dbname} …); a {@code null} value removes it, an empty one means its default.
     *
     * @throws IllegalArgumentException with the configuration's message when the name is unknown,
     *                                  the option is refused or the value is bad
     */
    public void setProperty(String name, String value) {
        set(option(name), name, value);
    }

    /** The value set for an option (by any of its names), as text, or {@code null}. */
    public String getProperty(String name) {
        return value(option(name));
    }

    @Override
    final void set(ConnectionOption<?> option, String text) {
        set(option, option.name(), text);
    }

    private void set(ConnectionOption<?> option, String givenAs, String text) {
        if (text != null) {
            if (option.status() == ConnectionOption.Status.REJECTED && !text.isEmpty()) {
                throw new IllegalArgumentException(configMessage(givenAs, text));
            }
            try {
                option.parse(text, givenAs, null);
            } catch (SQLException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (text == null) options.remove(option.name());
        else options.put(option.name(), text);
    }

    @Override
    final String value(ConnectionOption<?> option) {
        return options.get(option.name());
    }

    private static ConnectionOption<?> option(String name) {
        if (name == null) throw new IllegalArgumentException("option name is null");
        return Options.byName(name).orElseThrow(() -> new IllegalArgumentException(configMessage(name, "")));
    }

    /** The message the configuration gives for a name it refuses, so both speak alike. */
    private static String configMessage(String name, String value) {
        try {
            ConnectionConfig.fromMap(Map.of(name, value), ConfigSources.none());
        } catch (SQLException e) {
            return e.getMessage();
        }
        return "connection option \"" + name + "\" is refused";
    }

    // ------------------------------------------------------------------------ JNDI

    /**
     * A JNDI reference that {@link YsqlDataSourceFactory} turns back into an equal data source: the
     * base URL and every option set, each as a string address. Like pgjdbc's, it holds the password
     * when one was set (the URL may hold one too), since a data source bound in JNDI must be able to
     * connect; protect the directory accordingly. User codecs are not part of it.
     */
    @Override
    public Reference getReference() {
        Reference ref = new Reference(getClass().getName(), YsqlDataSourceFactory.class.getName(), null);
        String base = url;
        if (base != null) ref.add(new StringRefAddr(YsqlDataSourceFactory.URL, base));
        options.forEach((name, text) -> ref.add(new StringRefAddr(name, text)));
        return ref;
    }

    // ------------------------------------------------------------------------ CommonDataSource

    /** Sets {@code connect_timeout}; 0 removes it, so that its default applies. */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        if (seconds < 0) {
            Options.CONNECT_TIMEOUT.parse(Integer.toString(seconds), "loginTimeout", null);
        }
        set(Options.CONNECT_TIMEOUT, "loginTimeout", seconds == 0 ? null : Integer.toString(seconds));
    }

    /** The {@code connect_timeout} set, in seconds, or 0 when none is set. */
    @Override
    public int getLoginTimeout() {
        String text = value(Options.CONNECT_TIMEOUT);
        if (text == null || text.isEmpty()) return 0;
        Duration d = Options.CONNECT_TIMEOUT.type().parse(text);
        return (int) d.getSeconds();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.ysql");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) return iface.cast(this);
        throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED,
                "not a wrapper for " + (iface == null ? null : iface.getName()));
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }

    /** The URL's hosts and database (never its user or password) and the options set, secrets redacted. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "YsqlDataSource[", "]");
        String base = url;
        if (base != null) j.add("url=" + redactedUrl(base));
        options.forEach((name, text) -> {
            boolean secret = Options.byName(name).map(ConnectionOption::secret).orElse(true);
            j.add(name + "=" + (secret ? "<redacted>" : text));
        });
        return j.toString();
    }

    private static String redactedUrl(String url) {
        try {
            return ConnectionConfig.parse(url, null, ConfigSources.none()).toUrl();
        } catch (SQLException e) {
            return "<unparsable>";
        }
    }
}
