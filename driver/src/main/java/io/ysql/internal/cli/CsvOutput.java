package io.ysql.internal.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints rows as CSV (RFC 4180): a header line, then one line per row, lines ending in CRLF; a
 * field is quoted when it holds a comma, a quote, CR or LF (or starts or ends with a space), and
 * quotes inside are doubled. NULL is the {@code --null} text, unquoted (empty by default), so it
 * differs from an empty string, which is written {@code ""}.
 */
final class CsvOutput {
    private CsvOutput() {}

    static void print(List<String> header, List<List<String>> rows, String nullText, PrintStream out) {
        out.print(line(header, nullText));
        for (List<String> row : rows) out.print(line(row, nullText));
    }

    private static String line(List<String> fields, String nullText) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String f = fields.get(i);
            sb.append(f == null ? nullText : quote(f));
        }
        return sb.append("\r\n").toString();
    }

    static String quote(String f) {
        boolean needs = f.isEmpty() || f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                || f.indexOf('\r') >= 0 || f.startsWith(" ") || f.endsWith(" ");
        return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }
}
