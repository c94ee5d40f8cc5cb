package io.ysql.config;

import io.ysql.config.ConnectionConfig.ValueOrigin;
import io.ysql.config.ConnectionOption.Status;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns given settings into a {@link ConnectionConfig} with libpq's precedence: given values
 * (a connection string's, then the extra properties', which win), then the {@code PG*}
 * environment variables, then the password file (password only), then the defaults. A value
 * given empty still hides the environment variable, as in libpq, and then means the default.
 */
final class ConfigResolver {
    private static final System.Logger LOG = System.getLogger("io.ysql.config");

    /** A raw value and the name it was given under. */
    private record Given(String name, String value) {}

    private final ConfigSources sources;
    private final Map<ConnectionOption<?>, Given> given = new LinkedHashMap<>();
    private final Map<ConnectionOption<?>, Object> values = new HashMap<>();
    private final Map<ConnectionOption<?>, ValueOrigin> origins = new HashMap<>();

    private ConfigResolver(ConfigSources sources) {
        this.sources = sources == null ? ConfigSources.none() : sources;
    }

    /**
     * @param ordered   settings of a connection string, later ones overriding earlier ones
     * @param unordered settings from properties or a map, overriding {@code ordered}
     * @param urlPrefix the JDBC URL prefix used, or {@code null}
     */
    static ConnectionConfig resolve(List<Setting> ordered, Map<String, String> unordered, ConfigSources sources,
                                    String urlPrefix) throws SQLException {
        ConfigResolver r = new ConfigResolver(sources);
        for (Setting s : ordered) r.given.put(lookup(s.name()), new Given(s.name(), s.value()));
        r.overlay(unordered);
        r.parseGiven();
        r.applyEnvironment();
        r.applyDefaults();
        List<HostSpec> hosts = HostPairing.pair(r.values, r.origins);
        PgPass pgPass = r.passwordFile();
        return new ConnectionConfig(r.values, r.origins, hosts, pgPass, urlPrefix, r.sources.homeDir());
    }

    static ConnectionOption<?> lookup(String name) throws SQLException {
        ConnectionOption<?> o = Options.byName(name).orElse(null);
        if (o != null) return o;
        String hint = Options.suggest(name).map(s -> "; did you mean \"" + s + "\"?").orElse("");
        throw ConfigError.of("unknown connection option \"" + name + "\"" + hint);
    }

    private void overlay(Map<String, String> unordered) throws SQLException {
        Map<ConnectionOption<?>, Given> extra = new HashMap<>();
        for (Map.Entry<String, String> e : unordered.entrySet()) {
            if (e.getValue() == null) continue;
            ConnectionOption<?> o = lookup(e.getKey());
            Given prev = extra.put(o, new Given(e.getKey(), e.getValue()));
            if (prev != null && !prev.value().equals(e.getValue())) {
                throw ConfigError.of("option \"" + o.name() + "\" is given twice with different values, as \""
                        + prev.name() + "\" and as \"" + e.getKey() + "\"");
            }
        }
        given.putAll(extra);
    }

    private void parseGiven() throws SQLException {
        for (Map.Entry<ConnectionOption<?>, Given> e : given.entrySet()) {
            ConnectionOption<?> o = e.getKey();
            Given g = e.getValue();
            if (o.status() == Status.REJECTED && !g.value().isEmpty()) {
                throw ConfigError.of("connection option \"" + g.name() + "\" is refused: " + o.doc());
            }
            put(o, o.parse(g.value(), g.name(), null), ValueOrigin.GIVEN, g.name());
        }
        // pgjdbc's ssl=true (and libpq's URI ssl=true) asks for TLS unless sslmode says otherwise.
        if (Boolean.TRUE.equals(values.get(Options.SSL)) && !given.containsKey(Options.SSLMODE)) {
            values.put(Options.SSLMODE, SslMode.REQUIRE);
            origins.put(Options.SSLMODE, ValueOrigin.GIVEN);
            given.put(Options.SSLMODE, new Given("ssl", "true"));
        }
    }

    private void applyEnvironment() throws SQLException {
        for (ConnectionOption<?> o : Options.all()) {
            if (given.containsKey(o) || o.envVar().isEmpty()) continue;
            String var = o.envVar().get();
            String text = sources.getenv(var);
            if (text == null) continue;
            put(o, o.parse(text, o.name(), "environment variable " + var), ValueOrigin.ENVIRONMENT, var);
        }
    }

    private void applyDefaults() throws SQLException {
        for (ConnectionOption<?> o : Options.all()) {
            if (values.get(o) != null || o == Options.PASSWORD || o.defaultText().isEmpty()) continue;
            String text = o.defaultText().get();
            if (text.startsWith("~/")) {
                if (sources.homeDir() == null) continue;
                text = sources.homeDir().resolve(text.substring(2)).toString();
            }
            values.put(o, o.parse(text));
            origins.put(o, ValueOrigin.DEFAULT);
        }
    }

    private PgPass passwordFile() {
        if (values.get(Options.PASSWORD) != null) return PgPass.empty();
        String path = (String) values.get(Options.PASSFILE);
        return path == null || path.isEmpty() ? PgPass.empty() : PgPass.load(Path.of(path));
    }

    private void put(ConnectionOption<?> o, Object value, ValueOrigin origin, String source) {
        if (o.status() == Status.IGNORED) {
            LOG.log(Level.DEBUG, "connection option \"{0}\" (from {1}) is accepted but has no effect",
                    o.name(), source);
        }
        if (value == null) return;
        values.put(o, value);
        origins.put(o, origin);
    }

    /** Pairs host, hostaddr and port lists into hosts, as libpq does. */
    static final class HostPairing {
        private HostPairing() {}

        @SuppressWarnings("unchecked")
        static List<HostSpec> pair(Map<ConnectionOption<?>, Object> values,
                                   Map<ConnectionOption<?>, ValueOrigin> origins) throws SQLException {
            List<String> hosts = (List<String>) values.get(Options.HOST);
            List<String> addrs = (List<String>) values.get(Options.HOSTADDR);
            List<Integer> ports = (List<Integer>) values.get(Options.PORT);
            boolean hostSet = origins.get(Options.HOST) != ValueOrigin.DEFAULT;
            if (addrs != null) {
                if (!hostSet) {
                    hosts = addrs.stream().map(a -> "").toList();
                } else if (hosts.size() != addrs.size()) {
                    throw ConfigError.of("could not match " + hosts.size() + " host names to " + addrs.size()
                            + " hostaddr values");
                }
            }
            int n = hosts.size();
            if (ports.size() != 1 && ports.size() != n) {
                throw ConfigError.of("could not match " + ports.size() + " port numbers to " + n + " hosts");
            }
            List<HostSpec> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String addr = addrs == null ? null : addrs.get(i);
                String host = hosts.get(i);
                if (host.isEmpty()) host = addr != null && !addr.isEmpty() ? addr : HostSpec.DEFAULT_HOST;
                out.add(new HostSpec(host, ports.get(ports.size() == 1 ? 0 : i), addr));
            }
            return List.copyOf(out);
        }
    }
}
