package io.ysql.internal.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints rows as an aligned table, as psql does: a header, a separator line of dashes joined by
 * {@code +}, one line per row with the columns separated by {@code |}, then {@code (N rows)}.
 * NULL shows as the {@code --null} text (empty by default); a value wider than the maximum width
 * is cut and ends with an ellipsis; line breaks inside a value show as {@code ↵}.
 */
final class TextTable {
    private TextTable() {}

    /**
     * @param maxWidth the widest a value is shown, at least 2; 0 for no limit
     */
    static void print(List<String> header, List<List<String>> rows, String nullText, int maxWidth, PrintStream out) {
        int n = header.size();
        int[] width = new int[n];
        String[][] cells = new String[rows.size()][];
        for (int c = 0; c < n; c++) width[c] = fit(header.get(c), maxWidth).length();
        for (int r = 0; r < rows.size(); r++) {
            cells[r] = new String[n];
            for (int c = 0; c < n; c++) {
                String v = rows.get(r).get(c);
                String shown = fit(v == null ? nullText : v, maxWidth);
                cells[r][c] = shown;
                width[c] = Math.max(width[c], shown.length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < n; c++) cell(line, c, fit(header.get(c), maxWidth), width[c], n);
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int c = 0; c < n; c++) {
            line.append(c == 0 ? "" : "+").append("-".repeat(width[c] + 2));
        }
        out.println(line);
        for (String[] row : cells) {
            line.setLength(0);
            for (int c = 0; c < n; c++) cell(line, c, row[c], width[c], n);
            out.println(line.toString().stripTrailing());
        }
        out.println(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)");
    }

    private static void cell(StringBuilder line, int c, String text, int width, int n) {
        line.append(c == 0 ? " " : " | ").append(text);
        if (c < n - 1) line.append(" ".repeat(width - text.length()));
    }

    /** The value on one line, cut to {@code maxWidth} with an ellipsis. */
    static String fit(String v, int maxWidth) {
        String one = v.replace("\r\n", "↵").replace('\n', '↵').replace('\r', '↵');
        if (maxWidth <= 0 || one.length() <= maxWidth) return one;
        return one.substring(0, Math.max(1, maxWidth - 1)) + "…";
    }
}
