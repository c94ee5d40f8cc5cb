package io.ysql.internal.cli;

import io.ysql.Sql;
import io.ysql.YsqlConnection;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code query --copy-in FILE TABLE} and {@code query --copy-out TABLE FILE}: streams a file (or
 * stdin, stdout for {@code -}) through {@code COPY <table> FROM STDIN} or {@code COPY <table> TO
 * STDOUT}, in the text format or, with {@code --csv}, CSV. The table name is
 * quoted as an identifier. The bytes pass through a {@link Progress} count, shown on stderr when
 * asked for or when stderr is a terminal, and the {@code COPY n} tag is printed at the end: on
 * stdout, or on stderr when the data itself went to stdout.
 */
final class FileCopy {
    private static final String STDIO = "-";

    private FileCopy() {}

    /** Runs {@code --copy-in}; returns the exit status. */
    static int copyIn(YsqlConnection conn, QueryCommand.CopyIn action, boolean csv, boolean progress,
            PrintStream out, PrintStream err) throws SQLException {
        String sql = "COPY " + table(action.table()) + " FROM STDIN" + options(csv);
        Progress meter = Progress.on(err, progress);
        long rows;
        try (InputStream file = open(action.file())) {
            rows = conn.copy().copyIn(sql, meter.counting(file));
        } catch (IOException e) {
            throw SqlExceptions.of(SqlState.IO_ERROR, "cannot read '" + action.file() + "': " + e.getMessage()
                    + "; check the file", e);
        } finally {
            meter.finish();
        }
        out.println("COPY " + rows);
        return 0;
    }

    /** Runs {@code --copy-out}; returns the exit status. */
    static int copyOut(YsqlConnection conn, QueryCommand.CopyOut action, boolean csv, boolean progress,
            PrintStream out, PrintStream err) throws SQLException {
        String sql = "COPY " + table(action.table()) + " TO STDOUT" + options(csv);
        boolean toStdout = action.file().equals(STDIO);
        Progress meter = Progress.on(err, progress);
        long rows;
        try (OutputStream file = toStdout ? new Unclosed(out) : new BufferedOutputStream(Files.newOutputStream(Path.of(action.file())))) {
            rows = conn.copy().copyOut(sql, meter.counting(file));
        } catch (IOException e) {
            throw SqlExceptions.of(SqlState.IO_ERROR, "cannot write '" + action.file() + "': " + e.getMessage()
                    + "; check the path and the free space", e);
        } finally {
            meter.finish();
        }
        (toStdout ? err : out).println("COPY " + rows);
        return 0;
    }

    private static String table(List<String> parts) throws SQLException {
        return Sql.identifier(parts.toArray(String[]::new)).asString();
    }

    private static String options(boolean csv) {
        return csv ? " (FORMAT csv)" : "";
    }

    private static InputStream open(String file) throws IOException {
        // stdin belongs to the process; it is left open
        return file.equals(STDIO) ? new BufferedInputStream(System.in) {
            @Override public void close() {}
        } : new BufferedInputStream(Files.newInputStream(Path.of(file)));
    }

    /** stdout flushed but never closed. */
    private static final class Unclosed extends OutputStream {
        private final PrintStream out;

        Unclosed(PrintStream out) {
            this.out = out;
        }

        @Override public void write(int b) { out.write(b); }

        @Override public void write(byte[] b, int off, int len) { out.write(b, off, len); }

        @Override public void close() { out.flush(); }
    }
}
