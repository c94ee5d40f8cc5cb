package io.ysql.internal.cli;

import io.ysql.Version;
import io.ysql.config.ConfigSources;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar ysql-driver.jar COMMAND [ARGS]}: looks the command up in a table and runs it.
 * Exit status 0 on success, 2 for a command line it does not understand (usage goes to stderr
 * then). A command is a function of its arguments and the two output streams, so that it can be
 * tested without a process; new commands are one more entry in the table.
 */
public final class Main {
    /** Exit status for a command line that cannot be understood. */
    static final int USAGE = 2;
    /** The JDBC specification version the driver implements. */
    static final String JDBC_VERSION = "4.2";

    /** One command: runs with the arguments after its name and returns the exit status. */
    @FunctionalInterface
    interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    private record Entry(String summary, Command command) {}

    private final Map<String, Entry> commands = new LinkedHashMap<>();

    Main() {
        this(ConfigSources.system());
    }

    /** A dispatcher whose commands read the environment and home directory of {@code sources}. */
    Main(ConfigSources sources) {
        Entry version = new Entry("print the driver version and the JDBC version it implements", Main::version);
        Entry help = new Entry("print this help", (args, out, err) -> usage(out, 0));
        commands.put("check", new Entry("connect step by step and say what works and what to fix "
                + "(check [--json] CONNINFO)", new CheckCommand(sources)));
        commands.put("query", new Entry("run one statement and print its rows, or copy a table from or to a file (query [--csv] [--null TEXT] "
                + "[--max-width N] CONNINFO SQL | query [--csv] [--progress] CONNINFO --copy-in FILE TABLE | --copy-out TABLE FILE)",
                new QueryCommand(sources)));
        commands.put("--version", version);
        commands.put("--help", help);
        commands.put("-h", help);
    }

    public static void main(String[] args) {
        System.exit(new Main().run(args, System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit status. */
    int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("ysql-driver: no command given");
            return usage(err, USAGE);
        }
        Entry entry = commands.get(args[0]);
        if (entry == null) {
            err.println("ysql-driver: unknown command '" + args[0] + "'");
            return usage(err, USAGE);
        }
        return entry.command().run(List.of(Arrays.copyOfRange(args, 1, args.length)), out, err);
    }

    private static int version(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("ysql-driver: --version takes no arguments");
            return USAGE;
        }
        out.println("ysql-driver " + Version.VERSION);
        out.println("JDBC " + JDBC_VERSION + ", running on Java " + Runtime.version());
        return 0;
    }

    private int usage(PrintStream to, int status) {
        to.println("usage: java -jar ysql-driver.jar COMMAND [ARGS]");
        to.println();
        to.println("commands:");
        commands.forEach((name, entry) -> to.printf("  %-12s %s%n", name, entry.summary()));
        return status;
    }
}
