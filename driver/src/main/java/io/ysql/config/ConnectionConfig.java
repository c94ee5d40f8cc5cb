package io.ysql.config;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * An immutable, validated connection configuration: every option's typed value, where it came
 * from, the hosts to try, and the password file for per-host password look-ups. Built from a
 * libpq keyword/value string, a {@code postgresql://} URI, a JDBC URL, a map or properties, with
 * libpq's precedence (given values, then {@code PG*} environment variables, then
 * {@code ~/.pgpass} for the password, then the YugabyteDB defaults). Properties or a map given
 * alongside a string override the string's values (as pgjdbc's {@code DriverManager} properties
 * override the URL). Every failure is an {@link SQLException} with SQLSTATE 08001. Neither
 * {@link #toString()} nor {@link #asRedactedMap()} shows a secret.
 */
public final class ConnectionConfig {
    /** Where an option's value came from. */
    public enum ValueOrigin {
        /** The connection string, properties or map. */
        GIVEN,
        /** A {@code PG*} environment variable. */
        ENVIRONMENT,
        /** The password file (password only). */
        PASSWORD_FILE,
        /** The option's default. */
        DEFAULT
    }

    private final Map<ConnectionOption<?>, Object> values;
    private final Map<ConnectionOption<?>, ValueOrigin> origins;
    private final List<HostSpec> hosts;
    private final PgPass pgPass;
    private final String urlPrefix;
    private final String password;
    private final Path homeDirectory;

    ConnectionConfig(Map<ConnectionOption<?>, Object> values, Map<ConnectionOption<?>, ValueOrigin> origins,
                     List<HostSpec> hosts, PgPass pgPass, String urlPrefix, Path homeDirectory) {
        this.homeDirectory = homeDirectory;
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
        this.hosts = List.copyOf(hosts);
        this.pgPass = pgPass;
        this.urlPrefix = urlPrefix == null ? JdbcUrl.PREFIXES.get(0) : urlPrefix;
        Map<ConnectionOption<?>, ValueOrigin> o = new HashMap<>(origins);
        String pw = (String) values.get(Options.PASSWORD);
        if (pw == null) {
            String fromFile = pgPass.lookup(this.hosts.get(0).host(), this.hosts.get(0).port(), dbname(), user())
                    .orElse(null);
            o.put(Options.PASSWORD, fromFile != null ? ValueOrigin.PASSWORD_FILE : ValueOrigin.DEFAULT);
        }
        this.origins = Collections.unmodifiableMap(o);
        this.password = passwordFor(this.hosts.get(0));
    }

    // ------------------------------------------------------------------------- factories

    /**
     * Parses a JDBC URL ({@code jdbc:} …), a URI ({@code postgresql://}, {@code postgres://}) or
     * else a libpq keyword/value string; {@code extra} (may be {@code null}) overrides its values.
     */
    public static ConnectionConfig parse(String text, Properties extra, ConfigSources sources) throws SQLException {
        String t = text == null ? "" : text.strip();
        List<Setting> settings;
        String prefix = null;
        if (t.startsWith("jdbc:")) {
            JdbcUrl.Parsed p = JdbcUrl.parse(t);
            settings = p.settings();
            prefix = p.prefix();
        } else if (ConnectionUri.accepts(t)) {
            settings = ConnectionUri.parse(t);
        } else {
            settings = ConninfoString.parse(t);
        }
        return ConfigResolver.resolve(settings, propertiesToMap(extra), sources, prefix);
    }

    /** {@link #parse(String, Properties, ConfigSources)} with the system environment. */
    public static ConnectionConfig parse(String text, Properties extra) throws SQLException {
        return parse(text, extra, ConfigSources.system());
    }

    /** {@link #parse(String, Properties, ConfigSources)} with no extra properties, system environment. */
    public static ConnectionConfig parse(String text) throws SQLException {
        return parse(text, null, ConfigSources.system());
    }

    /** Builds from option names and values ({@code toString()} of each value; nulls skipped). */
    public static ConnectionConfig fromMap(Map<String, ?> options, ConfigSources sources) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        if (options != null) options.forEach((k, v) -> m.put(k, v == null ? null : v.toString()));
        return ConfigResolver.resolve(List.of(), m, sources, null);
    }

    /** {@link #fromMap(Map, ConfigSources)} with the system environment. */
    public static ConnectionConfig fromMap(Map<String, ?> options) throws SQLException {
        return fromMap(options, ConfigSources.system());
    }

    /** Builds from properties (including their defaults chain). */
    public static ConnectionConfig fromProperties(Properties properties, ConfigSources sources) throws SQLException {
        return ConfigResolver.resolve(List.of(), propertiesToMap(properties), sources, null);
    }

    /** Whether {@code url} starts with a JDBC URL prefix this driver accepts. */
    public static boolean acceptsUrl(String url) {
        return JdbcUrl.accepts(url);
    }

    private static Map<String, String> propertiesToMap(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        if (p == null) return m;
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
        p.forEach((k, v) -> {
            if (v != null) m.put(k.toString(), v.toString());
        });
        return m;
    }

    // ------------------------------------------------------------------------- accessors

    /** The hosts to try, in order, each with its port (and {@code hostaddr}, if given). */
    public List<HostSpec> hosts() {
        return hosts;
    }

    /**
     * The home directory the configuration was resolved against (where {@code .pgpass} and the
     * default TLS files under {@code .postgresql/} are looked for), or null when there is none.
     */
    public Path homeDirectory() {
        return homeDirectory;
    }

    /** The database name. */
    public String dbname() {
        return get(Options.DBNAME);
    }

    /** The user name. */
    public String user() {
        return get(Options.USER);
    }

    /** The password for the first host; never {@code null} (the default applies last). */
    public String password() {
        return password;
    }

    /** Whether a password was given, came from PGPASSWORD or from the password file. */
    public boolean passwordGiven() {
        return origins.get(Options.PASSWORD) != ValueOrigin.DEFAULT;
    }

    /**
     * The password for {@code host}: the given one (or PGPASSWORD), else the password file's line
     * for that host, else the default.
     */
    public String passwordFor(HostSpec host) {
        Objects.requireNonNull(host, "host");
        String pw = (String) values.get(Options.PASSWORD);
        if (pw != null) return pw;
        return pgPass.lookup(host.host(), host.port(), dbname(), user())
                .orElseGet(() -> Options.PASSWORD.defaultText().orElseThrow());
    }

    /** Time allowed to connect to one host; {@link Duration#ZERO} means no limit. */
    public Duration connectTimeout() {
        return get(Options.CONNECT_TIMEOUT);
    }

    /** application_name, else fallback_application_name, else {@code null}. */
    public String applicationName() {
        String a = get(Options.APPLICATION_NAME);
        return a != null ? a : get(Options.FALLBACK_APPLICATION_NAME);
    }

    /** The server command-line options, or {@code null}. */
    public String options() {
        return get(Options.OPTIONS);
    }

    /** The TLS mode. */
    public SslMode sslMode() {
        return get(Options.SSLMODE);
    }

    /**
     * What the session adds to the StartupMessage besides user and database: application_name,
     * options, search_path (from currentSchema), and timezone, geqo (from PGTZ, PGGEQO or their
     * options). Never client_encoding nor datestyle: the session always sends UTF8 and ISO.
     */
    public Map<String, String> startupParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        putIfPresent(m, "application_name", applicationName());
        putIfPresent(m, "options", options());
        putIfPresent(m, "search_path", get(Options.CURRENT_SCHEMA));
        putIfPresent(m, "timezone", get(Options.TIMEZONE));
        putIfPresent(m, "geqo", get(Options.GEQO));
        return Collections.unmodifiableMap(m);
    }

    private static void putIfPresent(Map<String, String> m, String key, String value) {
        if (value != null && !value.isEmpty()) m.put(key, value);
    }

    /** The typed value of any option, or {@code null} when it has none (no value and no default). */
    @SuppressWarnings("unchecked")
    public <T> T get(ConnectionOption<T> option) {
        if (option == Options.PASSWORD) return (T) password;
        return (T) values.get(option);
    }

    /** Whether the option was given or came from the environment (not a default or the password file). */
    public boolean isSet(ConnectionOption<?> option) {
        ValueOrigin o = origins.get(option);
        return o == ValueOrigin.GIVEN || o == ValueOrigin.ENVIRONMENT;
    }

    /** Where the option's value came from, or {@code null} when it has none. */
    public ValueOrigin origin(ConnectionOption<?> option) {
        return origins.get(option);
    }

    /**
     * Canonical name → value as text, for every supported option with a value and every other option
     * that was set, sorted by name; secrets show as {@code <redacted>}.
     */
    public Map<String, String> asRedactedMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ConnectionOption<?> o : Options.all()) {
            Object v = get(o);
            if (v == null) continue;
            if (o.status() == ConnectionOption.Status.SUPPORTED || isSet(o)) m.put(o.name(), o.display(v));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * A JDBC URL for this configuration without user or password, e.g.
     * {@code jdbc:ysql://db1:5433,db2:5433/yugabyte}; the prefix is the one of the JDBC URL this was
     * parsed from ({@code jdbc:postgresql:} stays so), else {@code jdbc:ysql:}.
     */
    public String toUrl() {
        StringBuilder sb = new StringBuilder(urlPrefix).append("//");
        for (int i = 0; i < hosts.size(); i++) {
            HostSpec h = hosts.get(i);
            if (i > 0) sb.append(',');
            sb.append(h.host().indexOf(':') >= 0
                    ? "[" + h.host().replace("%", "%25") + "]" : PercentEncoding.encode(h.host()));
            sb.append(':').append(h.port());
        }
        return sb.append('/').append(PercentEncoding.encode(dbname())).toString();
    }

    @Override
    public String toString() {
        return "ConnectionConfig" + asRedactedMap();
    }
}
