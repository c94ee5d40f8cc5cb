package io.ysql.internal.cli;

import io.ysql.ClusterInfo;
import io.ysql.ConnectEvent;
import io.ysql.ConnectionInfo;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.YsqlListener;
import io.ysql.YugabyteClusters;
import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.config.ConnectionConfig.ValueOrigin;
import io.ysql.config.ConnectionOption;
import io.ysql.config.Options;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code check [--json] CONNINFO}: connects the way an application would and tells, step by step,
 * what happened — the options and where each value came from, DNS, TCP, the SSL request, the TLS
 * handshake with the server's certificates, authentication, the server and, with load balancing,
 * the cluster — and on failure what to do about it. It is built on {@link YsqlListener}, so it
 * reports the driver's real connect path. Exit status 0 when a connection was made, 1 when not.
 */
final class CheckCommand implements Main.Command {
    /** Options always shown, even at their default: the ones that decide where and how to connect. */
    private static final Set<String> ALWAYS = Set.of("host", "port", "dbname", "user", "password", "sslmode",
            "connect_timeout", "target_session_attrs", "load_balance");

    private final ConfigSources sources;

    CheckCommand(ConfigSources sources) {
        this.sources = sources;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        String conninfo = null;
        for (String a : args) {
            if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("--")) {
                err.println("ysql-driver: check: unknown option '" + a + "'");
                err.println("usage: java -jar ysql-driver.jar check [--json] \"CONNINFO | URI | JDBC URL\"");
                return Main.USAGE;
            } else if (conninfo == null) {
                conninfo = a;
            } else {
                err.println("ysql-driver: check takes one connection string (quote it)");
                return Main.USAGE;
            }
        }
        CheckReport report = check(conninfo == null ? "" : conninfo);
        if (json) {
            out.println(Json.write(CheckJson.of(report)));
        } else {
            CheckText.print(report, out);
        }
        return report.connected() ? 0 : 1;
    }

    /** Resolves the configuration, connects, and gathers what happened. */
    CheckReport check(String conninfo) {
        ConnectionConfig config;
        try {
            config = ConnectionConfig.parse(conninfo, null, sources);
        } catch (SQLException e) {
            return new CheckReport(List.of(), List.of(), null, Map.of(), Optional.empty(), e,
                    Advice.of(e, List.of(), null), Duration.ZERO, Duration.ZERO);
        }
        List<CheckReport.OptionLine> options = options(config);
        Recorder recorder = new Recorder();
        boolean balanced = !"false".equals(config.get(Options.LOAD_BALANCE));
        long started = System.nanoTime();
        try (YsqlConnection conn = Ysql.connect(config, balanced ? new YugabyteClusters() : null, recorder)) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ConnectionInfo info = conn.connectionInfo();
            Optional<ClusterInfo> cluster = conn.clusterInfo();
            return new CheckReport(options, List.copyOf(recorder.events), info, conn.serverParameters(), cluster, null,
                    List.of(), took, config.connectTimeout());
        } catch (SQLException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            List<ConnectEvent> events = List.copyOf(recorder.events);
            return new CheckReport(options, events, null, Map.of(), Optional.empty(), e, Advice.of(e, events, config),
                    took, config.connectTimeout());
        }
    }

    /** The options worth showing: every one not at its default, and the few that always matter. */
    static List<CheckReport.OptionLine> options(ConnectionConfig config) {
        List<CheckReport.OptionLine> lines = new ArrayList<>();
        for (ConnectionOption<?> o : Options.all()) {
            ValueOrigin origin = config.origin(o);
            if (origin == null || origin == ValueOrigin.DEFAULT && !ALWAYS.contains(o.name())) continue;
            Object value = config.get(o);
            String shown = o.secret() ? "***" : value == null ? "" : o.display(value);
            String source;
            String detail = null;
            switch (origin) {
                case GIVEN -> source = "given";
                case ENVIRONMENT -> {
                    source = "environment";
                    detail = o.envVar().orElse(null);
                }
                case PASSWORD_FILE -> {
                    source = "password file";
                    detail = config.get(Options.PASSFILE);
                }
                default -> source = "default";
            }
            if (o.status() != ConnectionOption.Status.SUPPORTED) source += ", accepted but has no effect";
            lines.add(new CheckReport.OptionLine(o.name(), shown, source, detail));
        }
        return List.copyOf(lines);
    }

    /** Keeps every connect step; thread-safe, though connects report from one thread. */
    private static final class Recorder implements YsqlListener {
        final List<ConnectEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void connectEvent(ConnectEvent event) {
            events.add(event);
        }
    }
}
