package io.ysql.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A single-row {@code INSERT ... VALUES (...)} whose every parameter ({@code $1 .. $n}) is in its
 * one row, recognised so that a batch of it can be sent as multi-row INSERTs: the text for
 * {@code k} rows repeats the row {@code k} times, renumbering row {@code r}'s {@code $j} to
 * {@code $(j + r·n)}. Only power-of-two row counts up to {@link #maxRows()} are made (at most
 * {@value #MAX_ROWS} rows and {@value #MAX_PARAMETERS} parameters per statement), so a batch of any
 * size uses at most eight texts, which the statement cache can keep prepared. Not rewritten: an
 * INSERT with RETURNING (its rows would lose their order and count per entry), {@code WITH},
 * {@code DEFAULT VALUES}, {@code INSERT ... SELECT}, several rows already, parameters outside the
 * row (e.g. in {@code ON CONFLICT ... DO UPDATE SET x = $3}), or more than one statement. An
 * {@code ON CONFLICT} clause is kept; with {@code DO UPDATE}, two rows of one statement that
 * conflict on the same key fail the statement, where separate INSERTs would not.
 */
public final class MultiRowInsert {
    public static final int MAX_ROWS = 128;
    /** The protocol's limit on the parameters of one statement. */
    public static final int MAX_PARAMETERS = 0xFFFF;

    private final String prefix;
    private final String[] pieces; // the row split at its placeholders: pieces.length == numbers.length + 1
    private final int[] numbers;
    private final String suffix;
    private final int parameterCount;
    private final int maxRows;
    private final String[] texts = new String[Integer.numberOfTrailingZeros(MAX_ROWS) + 1];

    private MultiRowInsert(String prefix, String[] pieces, int[] numbers, String suffix, int parameterCount) {
        this.prefix = prefix;
        this.pieces = pieces;
        this.numbers = numbers;
        this.suffix = suffix;
        this.parameterCount = parameterCount;
        int rows = MAX_ROWS;
        while (rows > 1 && (long) rows * parameterCount > MAX_PARAMETERS) rows >>= 1;
        this.maxRows = rows;
    }

    /** {@code sql} (with {@code $n} placeholders) when it can be rewritten, else empty. */
    public static Optional<MultiRowInsert> of(String sql, int parameterCount) {
        if (parameterCount < 1 || parameterCount > MAX_PARAMETERS) return Optional.empty();
        Scanner s = new Scanner(sql);
        if (!s.word().equals("INSERT")) return Optional.empty();
        String previous = "";
        while (true) {
            String w = s.word();
            if (w.isEmpty()) {
                if (!s.skipGroup()) return Optional.empty(); // end of text, or ; , ) at depth 0 before VALUES
                continue;
            }
            if (w.equals("VALUES")) break;
            if (w.equals("SELECT") || w.equals("RETURNING")) return Optional.empty();
            previous = w;
        }
        if (previous.equals("DEFAULT")) return Optional.empty();
        s.skipSpace();
        int rowStart = s.pos;
        if (!s.at('(') || !s.skipGroup()) return Optional.empty();
        int rowEnd = s.pos;
        // after the row: the end, or ON CONFLICT ..., with no RETURNING, placeholder or second statement
        int afterRow = afterSpace(sql, rowEnd);
        while (true) {
            String w = s.word();
            if (w.equals("RETURNING")) return Optional.empty();
            if (!w.isEmpty()) continue;
            s.skipSpace();
            if (s.done()) break;
            if (s.at(';')) {
                s.pos++;
                s.skipSpace();
                if (!s.done()) return Optional.empty();
                break;
            }
            if (s.at(',')) {
                if (s.pos == afterRow) return Optional.empty(); // a second row
                s.pos++; // DO UPDATE SET a = ..., b = ...
                continue;
            }
            if (!s.skipGroup()) return Optional.empty();
        }
        List<Integer> found = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        int copied = rowStart;
        for (int i = 0; i < sql.length(); ) {
            int end = Scanner.skipCommentOrQuote(sql, i);
            if (end > i) {
                i = end;
                continue;
            }
            int digits = placeholderEnd(sql, i);
            if (digits == i) {
                i++;
                continue;
            }
            if (i < rowStart || i >= rowEnd) return Optional.empty();
            int n;
            try {
                n = Integer.parseInt(sql, i + 1, digits, 10);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (n < 1 || n > parameterCount) return Optional.empty();
            pieces.add(sql.substring(copied, i));
            found.add(n);
            copied = digits;
            i = digits;
        }
        if (found.isEmpty()) return Optional.empty();
        pieces.add(sql.substring(copied, rowEnd));
        return Optional.of(new MultiRowInsert(sql.substring(0, rowStart), pieces.toArray(String[]::new),
                found.stream().mapToInt(Integer::intValue).toArray(), sql.substring(rowEnd), parameterCount));
    }

    /** Parameters of one row. */
    public int parameterCount() { return parameterCount; }

    /** The most rows one statement takes: a power of two, at most {@value #MAX_ROWS}, within the parameter limit. */
    public int maxRows() { return maxRows; }

    /** The text for {@code rows} rows, a power of two up to {@link #maxRows()}; made once per count. */
    public String sql(int rows) {
        if (rows < 1 || rows > maxRows || Integer.bitCount(rows) != 1) {
            throw new IllegalArgumentException("row count " + rows + " is not a power of two up to " + maxRows);
        }
        int slot = Integer.numberOfTrailingZeros(rows);
        String t = texts[slot];
        if (t == null) {
            t = build(rows);
            texts[slot] = t; // a race builds the same text twice
        }
        return t;
    }

    private String build(int rows) {
        int rowLength = 0;
        for (String p : pieces) rowLength += p.length();
        StringBuilder b = new StringBuilder(prefix.length() + suffix.length() + rows * (rowLength + 8 * numbers.length + 1));
        b.append(prefix);
        for (int r = 0; r < rows; r++) {
            if (r > 0) b.append(',');
            for (int k = 0; k < numbers.length; k++) {
                b.append(pieces[k]).append('$').append(numbers[k] + r * parameterCount);
            }
            b.append(pieces[numbers.length]);
        }
        return b.append(suffix).toString();
    }

    /**
     * How a batch of {@code total} rows is cut: as many statements of {@link #maxRows()} rows as
     * fit, then the rest as falling powers of two (1000 rows: 7 × 128, 64, 32, 8).
     */
    public int[] chunks(int total) {
        int full = total / maxRows;
        int rest = total % maxRows;
        int[] out = new int[full + Integer.bitCount(rest)];
        int i = 0;
        while (i < full) out[i++] = maxRows;
        for (int bit = Integer.highestOneBit(Math.max(rest, 1)); bit > 0; bit >>= 1) {
            if ((rest & bit) != 0) out[i++] = bit;
        }
        return out;
    }

    /** Leaves the SQL text out: it may carry a secret in a literal. */
    @Override
    public String toString() {
        return "MultiRowInsert[parameters=" + parameterCount + ", maxRows=" + maxRows + "]";
    }

    private static int afterSpace(String s, int i) {
        Scanner sc = new Scanner(s);
        sc.pos = i;
        sc.skipSpace();
        return sc.pos;
    }

    /** End of the {@code $n} placeholder at {@code i}, or {@code i}. */
    private static int placeholderEnd(String s, int i) {
        if (s.charAt(i) != '$' || (i > 0 && SqlLexer.isIdentPart(s.charAt(i - 1)))) return i;
        int j = i + 1;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') j++;
        return j == i + 1 ? i : j;
    }

    /** Walks top-level words and parenthesised groups, skipping space, comments and quoted text. */
    private static final class Scanner {
        final String s;
        int pos;

        Scanner(String s) { this.s = s; }

        static int skipCommentOrQuote(String s, int i) {
            char c = s.charAt(i);
            if (!SqlLexer.mayStartCommentOrQuote(c)) return i;
            int end = SqlLexer.commentEnd(s, i);
            return end > i ? end : SqlLexer.quotedEnd(s, i);
        }

        boolean done() { return pos >= s.length(); }

        boolean at(char c) { return pos < s.length() && s.charAt(pos) == c; }

        void skipSpace() {
            while (pos < s.length()) {
                if (SqlLexer.isSpace(s.charAt(pos))) {
                    pos++;
                } else {
                    int end = SqlLexer.commentEnd(s, pos);
                    if (end == pos) return;
                    pos = end;
                }
            }
        }

        /** The next word, upper-cased, when one starts here (after space); else "" and nothing consumed. */
        String word() {
            skipSpace();
            if (done() || !SqlLexer.isIdentStart(s.charAt(pos)) || isQuoteAfterPrefix()) return "";
            int start = pos;
            while (pos < s.length() && SqlLexer.isIdentPart(s.charAt(pos))) pos++;
            return s.substring(start, pos).toUpperCase(Locale.ROOT);
        }

        /** {@code E'..'}, {@code U&'..'} and the like are literals, not words. */
        private boolean isQuoteAfterPrefix() {
            int next = pos + 1;
            return next < s.length() && (s.charAt(next) == '\'' || s.charAt(next) == '&');
        }

        /**
         * Skips one token that is not a word: a parenthesised group (with everything nested), a
         * quoted string or identifier, or one other character. False at the end of the text or at
         * a {@code ;} or {@code ,} or an unbalanced {@code )}.
         */
        boolean skipGroup() {
            skipSpace();
            if (done() || at(';') || at(',') || at(')')) return false;
            int end = skipCommentOrQuote(s, pos);
            if (end > pos) {
                pos = end;
                return true;
            }
            if (!at('(')) {
                pos++;
                return true;
            }
            int depth = 0;
            while (pos < s.length()) {
                int e = skipCommentOrQuote(s, pos);
                if (e > pos) {
                    pos = e;
                    continue;
                }
                char c = s.charAt(pos++);
                if (c == '(') depth++;
                if (c == ')' && --depth == 0) return true;
            }
            return false;
        }
    }
}
