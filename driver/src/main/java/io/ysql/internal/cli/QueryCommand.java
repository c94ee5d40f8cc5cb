package io.ysql.internal.cli;

import io.ysql.Column;
import io.ysql.Cursor;
import io.ysql.Row;
import io.ysql.Ysql;
import io.ysql.YsqlConnection;
import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code query [--csv] [--null TEXT] [--max-width N] CONNINFO SQL}: runs one statement and prints
 * its rows as an aligned table ({@link TextTable}) or as CSV ({@link CsvOutput}), or the command
 * tag of a statement without rows. Values are shown as the server prints them. An error goes to
 * stderr as {@code ERROR: SQLSTATE: message} with exit status 1. The statement is sent as written:
 * {@code %} has no special meaning here. Each action of the command is one {@link Action}, parsed
 * from the arguments: a statement, or a COPY between a table and a file ({@link FileCopy}).
 */
final class QueryCommand implements Main.Command {
    static final String USAGE = "usage: java -jar ysql-driver.jar query [--csv] [--null TEXT] [--max-width N] "
            + "\"CONNINFO | URI | JDBC URL\" \"SQL\"\n"
            + "       java -jar ysql-driver.jar query [--csv] [--progress] \"CONNINFO\" --copy-in FILE TABLE\n"
            + "       java -jar ysql-driver.jar query [--csv] [--progress] \"CONNINFO\" --copy-out TABLE FILE";
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

    /** Copy the rows of the text or CSV file {@code file} ({@code -}: stdin) into {@code table}. */
    record CopyIn(String file, List<String> table) implements Action {}

    /** Copy the rows of {@code table} into the text or CSV file {@code file} ({@code -}: stdout). */
    record CopyOut(List<String> table, String file) implements Action {}

    /** A parsed command line: where to connect, what to do, how to print it, whether to show progress. */
    record Request(String conninfo, Action action, Format format, boolean progress) {}

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (request.action() instanceof CopyIn in && !in.file().equals("-") && !Files.isReadable(Path.of(in.file()))) {
            err.println("ysql-driver: query: cannot read '" + in.file() + "': no such file or not readable");
            return Main.USAGE;
        }
        if (request.action() instanceof CopyOut o && !o.file().equals("-")) {
            Path parent = Path.of(o.file()).toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                err.println("ysql-driver: query: cannot write '" + o.file() + "': no such directory " + parent);
                return Main.USAGE;
            }
        }
        return run(request, out, err);
    }

    /** Parses the arguments after {@code query}; an {@link IllegalArgumentException} says what is wrong. */
    static Request parse(List<String> args) {
        boolean csv = false;
        boolean progress = false;
        String nullText = "";
        int maxWidth = DEFAULT_MAX_WIDTH;
        Action copy = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--csv" -> csv = true;
                case "--progress" -> progress = true;
                case "--copy-in", "--copy-out" -> {
                    if (i + 2 >= args.size()) {
                        throw new IllegalArgumentException(a + (a.equals("--copy-in") ? " needs FILE TABLE" : " needs TABLE FILE"));
                    }
                    if (copy != null) throw new IllegalArgumentException("only one of --copy-in and --copy-out, once");
                    String first = args.get(++i);
                    String second = args.get(++i);
                    copy = a.equals("--copy-in") ? new CopyIn(first, tableName(second)) : new CopyOut(tableName(first), second);
                }
                case "--null", "--max-width" -> {
                    if (i + 1 >= args.size()) throw new IllegalArgumentException(a + " needs a value");
                    String v = args.get(++i);
                    if (a.equals("--null")) {
                        nullText = v;
                    } else {
                        try {
                            maxWidth = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--max-width needs a number, not '" + v + "'");
                        }
                        if (maxWidth < 0 || maxWidth == 1) {
                            throw new IllegalArgumentException("--max-width must be 0 (no limit) or at least 2");
                        }
                    }
                }
                default -> {
                    if (a.startsWith("--")) throw new IllegalArgumentException("unknown option '" + a + "'");
                    positional.add(a);
                }
            }
        }
        Format format = new Format(csv, nullText, maxWidth);
        if (copy != null) {
            if (positional.size() != 1) throw new IllegalArgumentException("a copy takes a connection string and no SQL");
            return new Request(positional.get(0), copy, format, progress);
        }
        if (positional.size() != 2) throw new IllegalArgumentException("query takes a connection string and one SQL statement");
        return new Request(positional.get(0), new Statement(positional.get(1)), format, progress);
    }

    /** {@code schema.table} split at its dots; every part must be non-empty. */
    private static List<String> tableName(String name) {
        List<String> parts = List.of(name.split("\\.", -1));
        if (parts.stream().anyMatch(String::isEmpty)) throw new IllegalArgumentException("'" + name + "' is not a table name");
        return parts;
    }

    private int run(Request request, PrintStream out, PrintStream err) {
        try (YsqlConnection conn = Ysql.connect(ConnectionConfig.parse(request.conninfo(), null, sources))) {
            Action action = request.action();
            boolean csv = request.format().csv();
            if (action instanceof CopyIn in) return FileCopy.copyIn(conn, in, csv, request.progress(), out, err);
            if (action instanceof CopyOut o) return FileCopy.copyOut(conn, o, csv, request.progress(), out, err);
            return statement(conn, ((Statement) action).sql(), request.format(), out);
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
