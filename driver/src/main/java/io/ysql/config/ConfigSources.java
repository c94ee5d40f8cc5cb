package io.ysql.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a configuration looks beyond the values it is given: the environment variables (the
 * {@code PG*} variables libpq reads) and the home directory (for {@code ~/.pgpass} and the
 * default TLS file locations). Tests inject both; {@link #system()} reads the real ones.
 * {@link #toString()} never shows the environment's values, which may hold a password.
 *
 * @param env     environment variables by name
 * @param homeDir the user's home directory, or {@code null} if there is none
 */
public record ConfigSources(Map<String, String> env, Path homeDir) {
    /** Copies the environment. */
    public ConfigSources {
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** The process environment and the {@code user.home} system property. */
    public static ConfigSources system() {
        String home = System.getProperty("user.home");
        return new ConfigSources(System.getenv(), home == null || home.isEmpty() ? null : Path.of(home));
    }

    /** No environment variables and no home directory: only given values and defaults apply. */
    public static ConfigSources none() {
        return new ConfigSources(Map.of(), null);
    }

    /** The value of an environment variable, or {@code null}. */
    public String getenv(String name) {
        return env.get(name);
    }

    @Override
    public String toString() {
        return "ConfigSources[" + env.size() + " environment variables, home=" + homeDir + "]";
    }
}
