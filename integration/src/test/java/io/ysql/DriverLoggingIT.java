package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * The driver's logging with every {@code io.ysql} logger at the finest level (through
 * {@code java.util.logging}, the default {@code System.Logger} backend): the connect steps and the
 * TLS session at DEBUG, statements at TRACE, the wire trace by message name and length — and never
 * the password, nor a parameter value.
 */
class DriverLoggingIT {
    private static final AuthRole ROLE = AuthRole.SCRAM;

    @Test
    void everythingIsLoggedButSecrets() throws SQLException {
        Logger root = Logger.getLogger("io.ysql");
        Level before = root.getLevel();
        List<String> lines = new CopyOnWriteArrayList<>();
        SimpleFormatter format = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) { lines.add(r.getLoggerName() + " " + format.formatMessage(r)); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        handler.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        try {
            PgCluster pg = PgCluster.sharedTls();
            String conninfo = pg.conninfo(ROLE) + " sslmode=require";
            try (YsqlConnection c = Ysql.connect(ConnectionConfig.parse(conninfo, null, ConfigSources.none()));
                 Cursor cur = c.cursor()) {
                cur.execute("SELECT %s::text AS v", "a-parameter-value");
                assertThat(cur.fetchone().get(0)).isEqualTo("a-parameter-value");
            }
        } finally {
            root.removeHandler(handler);
            root.setLevel(before);
        }
        String all = String.join("\n", lines);
        assertThat(all).contains("io.ysql.internal.connect TCP connection to 127.0.0.1")
                .contains("io.ysql.internal.tls TLS with 127.0.0.1")
                .containsPattern("io.ysql.internal.connect 127.0.0.1:\\d+ authenticated with SCRAM-SHA-256-PLUS")
                .contains("io.ysql.internal.session executing: SELECT $1::text AS v")
                .containsPattern("io.ysql.internal.wire > SASLInitialResponse \\(\\d+ bytes\\)")
                .containsPattern("io.ysql.internal.wire > SASLResponse \\(\\d+ bytes\\)")
                .containsPattern("io.ysql.internal.wire < \\w+ \\(\\d+ bytes\\)")
                .doesNotContain(ROLE.password())
                .doesNotContain("a-parameter-value");
    }
}
