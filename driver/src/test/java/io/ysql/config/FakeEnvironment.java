package io.ysql.config;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * PG* variables and a home directory (where {@code .pgpass} is looked for) made up by a test, in
 * place of the process's own, so that parsing is checked against exactly what the test says.
 */
final class FakeEnvironment {
    private FakeEnvironment() {}

    /** Sources with the variables given as name, value, name, value … and {@code home}. */
    static ConfigSources of(Path home, String... pairs) {
        if (pairs.length % 2 != 0) throw new IllegalArgumentException("variables come in name, value pairs");
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) variables.put(pairs[i], pairs[i + 1]);
        return new ConfigSources(variables, home);
    }

    /** {@link ConnectionConfig#parse} of {@code text} against these variables and {@code home}. */
    static ConnectionConfig parse(Path home, String text, String... pairs) throws SQLException {
        return ConnectionConfig.parse(text, null, of(home, pairs));
    }
}
