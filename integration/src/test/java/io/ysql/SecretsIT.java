package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.jdbc.YsqlDataSource;
import io.ysql.jdbc.YsqlDriver;
import io.ysql.testkit.AuthRole;
import io.ysql.testkit.PgCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No password leaves the driver: with every driver logger at its most verbose level (wire trace
 * included), connecting with each password method, failing with a wrong password, and asking a
 * connection, a data source and the driver to describe themselves never shows a password in a log
 * record, an exception (message, causes, stack trace text), a {@code toString}, {@code getURL} or a
 * {@code getPropertyInfo} default.
 */
class SecretsIT {
    private static final String WRONG = "Wrong-Secret-42";
    private final PgCluster cluster = PgCluster.shared();
    private final List<String> logged = new ArrayList<>();
    private final Logger root = Logger.getLogger("io.ysql");
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) {
            StringBuilder sb = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) for (Object p : r.getParameters()) sb.append(' ').append(p);
            if (r.getThrown() != null) sb.append(' ').append(stackText(r.getThrown()));
            synchronized (logged) { logged.add(sb.toString()); }
        }
        @Override public void flush() {}
        @Override public void close() {}
    };
    private Level before;

    @BeforeEach
    void captureEverything() {
        before = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        root.removeHandler(capture);
        root.setLevel(before);
    }

    @Test
    void passwordsNeverAppear() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(WRONG));
        List<String> shown = new ArrayList<>();
        for (AuthRole role : List.of(AuthRole.PASSWORD, AuthRole.MD5, AuthRole.SCRAM)) {
            secrets.add(role.password());
            try (YsqlConnection c = Ysql.connect(cluster.conninfo(role)); Cursor cur = c.cursor()) {
                cur.execute("SELECT %s::text", "not a secret");
                shown.add(c.toString());
                shown.add(c.connectionInfo().toString());
                shown.add(((Connection) c).getMetaData().getURL());
                shown.add(String.valueOf(((Connection) c).getClientInfo()));
            }
            SQLException wrong = catchThrowableOfType(SQLException.class,
                    () -> Ysql.connect(cluster.conninfo(role.user(), WRONG)).close());
            assertThat((Throwable) wrong).as(role.name()).isNotNull();
            assertThat(wrong.getSQLState()).isEqualTo("28P01");
            shown.add(stackText(wrong));
        }
        String url = "jdbc:ysql://127.0.0.1:" + cluster.port() + "/" + cluster.database() + "?user="
                + AuthRole.SCRAM.user() + "&password=" + AuthRole.SCRAM.password() + "&sslpassword=" + WRONG;
        YsqlDriver driver = new YsqlDriver();
        try (Connection c = driver.connect(url, new Properties()); Statement st = c.createStatement()) {
            st.execute("SELECT 1");
            shown.add(c.getMetaData().getURL());
            shown.add(c.toString());
            shown.add(st.toString());
        }
        for (DriverPropertyInfo p : driver.getPropertyInfo(url, new Properties())) {
            if (!p.name.equalsIgnoreCase("password") && !p.name.equalsIgnoreCase("sslpassword")) {
                shown.add(p.name + "=" + p.value + " " + p.description);
            }
        }
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl(url);
        ds.setPassword(AuthRole.SCRAM.password());
        shown.add(ds.toString());
        SQLException bad = catchThrowableOfType(SQLException.class,
                () -> driver.connect(url.replace("password=" + AuthRole.SCRAM.password(), "password=" + WRONG), new Properties()));
        shown.add(stackText(bad));

        assertThat(logged).as("something was logged at the most verbose level").isNotEmpty();
        List<String> everything = new ArrayList<>(shown);
        synchronized (logged) { everything.addAll(logged); }
        for (String text : everything) {
            for (String secret : secrets) assertThat(text).doesNotContain(secret);
        }
    }

    private static String stackText(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
