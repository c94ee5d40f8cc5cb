package io.ysql.internal.sql;

/**
 * The parts of PostgreSQL's lexical structure that decide where a placeholder or a statement
 * separator can occur: string constants (standard, {@code E''} with backslash escapes), quoted
 * identifiers, dollar-quoted strings, {@code --} comments and nested {@code /* *}{@code /}
 * comments (<a href="https://www.postgresql.org/docs/current/sql-syntax-lexical.html">Lexical
 * Structure</a>). Each method looks at one position and returns where the construct starting there
 * ends, or the position itself when none starts there; unterminated constructs run to the end of
 * the text, leaving the error to the server. {@code standard_conforming_strings} is assumed on
 * (the default since PostgreSQL 9.1 and in YugabyteDB): in {@code '...'} a backslash is ordinary.
 */
final class SqlLexer {
    private SqlLexer() {}

    /** Whitespace as the server's lexer defines it. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** A character that may start an identifier or a dollar-quote tag. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** A character that may continue an identifier (which includes {@code $}). */
    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private static boolean isTagPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    /** Whether a comment or a quoted token may start with {@code c}: the cheap test before the others. */
    static boolean mayStartCommentOrQuote(char c) {
        return c == '-' || c == '/' || c == '\'' || c == '"' || c == '$';
    }

    /** End of the {@code --} or (nested) {@code /*} comment starting at {@code i}, or {@code i}. */
    static int commentEnd(String s, int i) {
        int len = s.length();
        if (i + 1 >= len) return i;
        char c = s.charAt(i);
        char next = s.charAt(i + 1);
        if (c == '-' && next == '-') {
            int j = i + 2;
            while (j < len && s.charAt(j) != '\n' && s.charAt(j) != '\r') j++;
            return j;
        }
        if (c == '/' && next == '*') {
            int depth = 1;
            int j = i + 2;
            while (j + 1 < len) {
                char a = s.charAt(j);
                char b = s.charAt(j + 1);
                if (a == '/' && b == '*') {
                    depth++;
                    j += 2;
                } else if (a == '*' && b == '/') {
                    j += 2;
                    if (--depth == 0) return j;
                } else {
                    j++;
                }
            }
            return len;
        }
        return i;
    }

    /**
     * End of the string constant, quoted identifier or dollar-quoted string starting at {@code i},
     * or {@code i} when none starts there.
     */
    static int quotedEnd(String s, int i) {
        return switch (s.charAt(i)) {
            case '\'' -> quoteEnd(s, i + 1, '\'', isEscapeStringStart(s, i));
            case '"' -> quoteEnd(s, i + 1, '"', false);
            case '$' -> dollarQuotedEnd(s, i);
            default -> i;
        };
    }

    /** An {@code E} or {@code e} right before the quote that is a token of its own, not an identifier's end. */
    private static boolean isEscapeStringStart(String s, int quote) {
        if (quote < 1) return false;
        char e = s.charAt(quote - 1);
        return (e == 'E' || e == 'e') && (quote < 2 || !isIdentPart(s.charAt(quote - 2)));
    }

    private static int quoteEnd(String s, int from, char quote, boolean backslashEscapes) {
        int len = s.length();
        for (int j = from; j < len; j++) {
            char c = s.charAt(j);
            if (c == '\\' && backslashEscapes) {
                j++;
            } else if (c == quote) {
                if (j + 1 < len && s.charAt(j + 1) == quote) {
                    j++;
                } else {
                    return j + 1;
                }
            }
        }
        return len;
    }

    /**
     * A dollar quote opens with {@code $tag$} where the tag is empty or follows identifier rules
     * without {@code $}; so {@code $1} (a parameter) and the {@code $} inside {@code a$b} are not.
     */
    private static int dollarQuotedEnd(String s, int i) {
        int len = s.length();
        if (i > 0 && isIdentPart(s.charAt(i - 1))) return i;
        int j = i + 1;
        if (j < len && isIdentStart(s.charAt(j))) {
            j++;
            while (j < len && isTagPart(s.charAt(j))) j++;
        }
        if (j >= len || s.charAt(j) != '$') return i;
        int tagLength = j - i + 1;
        for (int k = j + 1; k + tagLength <= len; k++) {
            if (s.charAt(k) == '$' && s.regionMatches(k, s, i, tagLength)) return k + tagLength;
        }
        return len;
    }
}
