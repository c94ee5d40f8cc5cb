package io.ysql.internal.codec;

/**
 * The three data formats of PostgreSQL's COPY: {@code text} (tab-separated, {@code \N} for null,
 * backslash escapes), {@code csv} (comma-separated, quoted, empty for null) and {@code binary}
 * (a signature header, length-prefixed binary values, a trailer). The row writers and readers
 * use the defaults of each format's options (delimiter, null string, quote).
 */
public enum CopyFormat {
    TEXT, CSV, BINARY;

    /**
     * The format a COPY statement asks for: binary when the server announced a binary copy,
     * else CSV when the statement's options name {@code csv}, else text.
     */
    public static CopyFormat of(String sql, boolean binary) {
        if (binary) return BINARY;
        return mentionsCsv(sql) ? CSV : TEXT;
    }

    /** Whether {@code csv} appears as a word outside quotes in {@code sql}. */
    static boolean mentionsCsv(String sql) {
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0) return false;
                i = close;
            } else if ((c == 'c' || c == 'C') && i + 3 <= n && sql.regionMatches(true, i, "csv", 0, 3)
                    && (i == 0 || !isWordChar(sql.charAt(i - 1))) && (i + 3 == n || !isWordChar(sql.charAt(i + 3)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
    }
}
