package io.ysql.internal.sql;

/**
 * Counts the non-empty statements of a SQL string while a scanner feeds it the characters that
 * lie outside literals and comments. A {@code ;} ends a statement only outside parentheses (as in
 * {@code CREATE RULE ... DO (a; b)}); empty statements ({@code ;;}, a leading or trailing
 * {@code ;}) do not count, just as the server's parser drops them. A {@code ;} inside a
 * {@code BEGIN ATOMIC ... END} function body does count: such a string then reads as several
 * statements, which is harmless because it carries no parameters and the simple protocol sends it
 * whole. Mutable, single use.
 */
final class StatementCounter {
    private int parenDepth;
    private boolean inStatement;
    private int completed;

    /** Feeds one character that is outside every literal, identifier quote and comment. */
    void accept(char c) {
        switch (c) {
            case '(' -> {
                parenDepth++;
                inStatement = true;
            }
            case ')' -> {
                parenDepth--;
                inStatement = true;
            }
            case ';' -> {
                if (parenDepth <= 0) {
                    if (inStatement) completed++;
                    inStatement = false;
                    parenDepth = 0;
                }
            }
            default -> {
                if (!SqlLexer.isSpace(c)) inStatement = true;
            }
        }
    }

    /** Records a token (a literal, a quoted identifier, a placeholder) as statement content. */
    void content() {
        inStatement = true;
    }

    int count() {
        return completed + (inStatement ? 1 : 0);
    }

    /**
     * When a comment or a quoted token (literal, quoted identifier, dollar quote) starts at
     * {@code i}, consumes it, counting a quoted one as content, and returns the index after it;
     * otherwise returns {@code i}. The scanners call this before looking at the character itself.
     */
    int skipCommentOrQuote(String sql, int i) {
        if (!SqlLexer.mayStartCommentOrQuote(sql.charAt(i))) return i;
        int end = SqlLexer.commentEnd(sql, i);
        if (end > i) return end;
        end = SqlLexer.quotedEnd(sql, i);
        if (end > i) content();
        return Math.max(end, i);
    }

    /** Counts the statements of a whole string. */
    static int count(String sql) {
        StatementCounter counter = new StatementCounter();
        int len = sql.length();
        int i = 0;
        while (i < len) {
            int next = counter.skipCommentOrQuote(sql, i);
            if (next > i) {
                i = next;
                continue;
            }
            counter.accept(sql.charAt(i));
            i++;
        }
        return counter.count();
    }
}
