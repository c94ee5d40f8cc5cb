package io.ysql.internal.cli;

import io.ysql.Column;
import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code query [--csv] [--null TEXT] [--max-width N] CONNINFO SQL}: runs one statement and prints
 * its rows as an aligned table ({@link TextTable}) or as CSV ({@link CsvOutput}), or the command
 * tag of a statement without rows. Values are shown as the server prints them. An error goes to
 * stderr as {@code ERROR: SQLSTATE: message} with exit status 1. The statement is sent as written:
 * {@code %} has no special meaning here. Each action of the command is one {@link Action}, parsed
 * from the arguments, so further actions (such as COPY to and from files) are one more variant.
 */
final class QueryCommand implements Main.Command {
    static final String USAGE = "usage: java -jar ysql-driver.jar query [--csv] [--null TEXT] [--max-width N] "
            + "\"CONNINFO | URI | JDBC URL\" \"SQL\"";
    private static final int DEFAULT_MAX_WIDTH = 60;

    private final ConfigSources sources;

    QueryCommand(ConfigSources sources) {
        this.sources = sources;
    }

    /** What the command line asks for. */
    sealed interface Action {}

    /** Run {@code sql} and print its outcome. */
    record Statement(String sql) implements Action {}

    /** How results are printed. */
    record Format(boolean csv, String nullText, int maxWidth) {}

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean csv = false;
        String nullText = "";
        int maxWidth = DEFAULT_MAX_WIDTH;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--csv" -> csv = true;
                case "--null", "--max-width" -> {
                    if (i + 1 >= args.size()) return usage(err, a + " needs a value");
                    String v = args.get(++i);
                    if (a.equals("--null")) {
                        nullText = v;
                    } else {
                        try {
                            maxWidth = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            return usage(err, "--max-width needs a number, not '" + v + "'");
                        }
                        if (maxWidth < 0 || maxWidth == 1) return usage(err, "--max-width must be 0 (no limit) or at least 2");
                    }
                }
                default -> {
                    if (a.startsWith("--")) return usage(err, "unknown option '" + a + "'");
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 2) return usage(err, "query takes a connection string and one SQL statement");
        Action action = new Statement(positional.get(1));
        return run(positional.get(0), action, new Format(csv, nullText, maxWidth), out, err);
    }

    private int run(String conninfo, Action action, Format format, PrintStream out, PrintStream err) {
        try (YsqlConnection conn = Ysql.connect(ConnectionConfig.parse(conninfo, null, sources))) {
            if (action instanceof Statement s) return statement(conn, s.sql(), format, out);
            throw new IllegalStateException("unknown action " + action);
        } catch (SQLException e) {
            err.println("ERROR: " + e.getSQLState() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int statement(YsqlConnection conn, String sql, Format format, PrintStream out) throws SQLException {
        try (Cursor cur = conn.cursor()) {
            cur.execute(sql.replace("%", "%%"));
            List<Column> columns = cur.description();
            if (columns == null) {
                String tag = cur.statusmessage();
                out.println(tag == null ? "" : tag);
                return 0;
            }
            List<String> header = columns.stream().map(Column::name).toList();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : cur.fetchall()) {
                List<String> values = new ArrayList<>(header.size());
                for (int i = 0; i < header.size(); i++) values.add(row.getString(i));
                rows.add(values);
            }
            if (format.csv()) {
                CsvOutput.print(header, rows, format.nullText(), out);
            } else {
                TextTable.print(header, rows, format.nullText(), format.maxWidth(), out);
            }
            return 0;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("ysql-driver: query: " + problem);
        err.println(USAGE);
        return Main.USAGE;
    }
}
