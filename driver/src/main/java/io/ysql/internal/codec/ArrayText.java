package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The text format of arrays, as the server's {@code array_in} reads and {@code array_out} writes
 * it: {@code {1,NULL,"a \"b\""}}, nested braces for each dimension ({@code {{1,2},{3,4}}}), an
 * optional bounds decoration ({@code [0:1]={7,8}}), the element type's delimiter ({@code ;} for
 * {@code box}, {@code ,} otherwise). The parser works on the UTF-8 bytes (no multi-byte sequence
 * contains an ASCII byte) and refuses ragged input and more than {@link #MAX_DIMENSIONS}
 * dimensions as the server does; the printer quotes exactly the elements the server quotes.
 * @see <a href="https://www.postgresql.org/docs/current/arrays.html#ARRAYS-IO">Array input and output syntax</a>
 */
final class ArrayText {
    private ArrayText() {}

    /** The server's limit on array dimensions ({@code MAXDIM}). */
    static final int MAX_DIMENSIONS = 6;

    /** The delimiter between elements of this type: {@code ;} for {@code box}, {@code ,} for every other built-in type. */
    static char delimiter(int elementOid) {
        return elementOid == 603 ? ';' : ',';
    }

    // ---- printing ------------------------------------------------------------------------------

    /** An array in text format printed back to the server's spelling. */
    static String print(ArrayData a) {
        String[] texts = new String[a.elementCount()];
        for (int k = 0; k < texts.length; k++) {
            if (!a.isNull(k)) texts[k] = a.elementText(k);
        }
        return print(a.dims(), a.lowerBounds(), texts, delimiter(a.elementOid()));
    }

    /** Elements (null for NULL) in row-major order, printed with their dimensions and lower bounds. */
    static String print(int[] dims, int[] lowerBounds, String[] elements, char delimiter) {
        if (dims.length == 0 || elements.length == 0) return "{}";
        StringBuilder sb = new StringBuilder(elements.length * 8 + 2);
        boolean defaultBounds = true;
        for (int lb : lowerBounds) defaultBounds &= lb == 1;
        if (!defaultBounds) {
            for (int d = 0; d < dims.length; d++) {
                sb.append('[').append(lowerBounds[d]).append(':').append(lowerBounds[d] + dims[d] - 1).append(']');
            }
            sb.append('=');
        }
        printLevel(sb, dims, 0, elements, new int[1], delimiter);
        return sb.toString();
    }

    private static void printLevel(StringBuilder sb, int[] dims, int depth, String[] elements, int[] next, char delimiter) {
        sb.append('{');
        for (int i = 0; i < dims[depth]; i++) {
            if (i > 0) sb.append(delimiter);
            if (depth + 1 < dims.length) {
                printLevel(sb, dims, depth + 1, elements, next, delimiter);
            } else {
                appendElement(sb, elements[next[0]++], delimiter);
            }
        }
        sb.append('}');
    }

    /** One element: {@code NULL}, bare, or double-quoted with {@code "} and {@code \} escaped. */
    static void appendElement(StringBuilder sb, String s, char delimiter) {
        if (s == null) {
            sb.append("NULL");
            return;
        }
        if (!needsQuotes(s, delimiter)) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        sb.append('"');
    }

    private static boolean needsQuotes(String s, char delimiter) {
        if (s.isEmpty() || s.equalsIgnoreCase("NULL")) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '{' || c == '}' || c == delimiter || isSpace(c)) return true;
        }
        return false;
    }

    /** The server's {@code array_isspace}: space, tab, newline, carriage return, vertical tab, form feed. */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    /** An array in text format holding these element texts (null for NULL), lower bounds 1. */
    static ArrayData of(int arrayOid, int elementOid, int[] dims, String[] elements) {
        byte[][] utf8 = new byte[elements.length][];
        int size = 0;
        for (int k = 0; k < elements.length; k++) {
            if (elements[k] != null) {
                utf8[k] = elements[k].getBytes(StandardCharsets.UTF_8);
                size += utf8[k].length;
            }
        }
        byte[] buffer = new byte[size];
        int[] offsets = new int[elements.length];
        int[] lengths = new int[elements.length];
        int p = 0;
        for (int k = 0; k < elements.length; k++) {
            offsets[k] = p;
            lengths[k] = utf8[k] == null ? -1 : utf8[k].length;
            if (utf8[k] != null) {
                System.arraycopy(utf8[k], 0, buffer, p, utf8[k].length);
                p += utf8[k].length;
            }
        }
        int[] d = elements.length == 0 ? new int[0] : dims;
        int[] ones = new int[d.length];
        Arrays.fill(ones, 1);
        byte[] printed = print(d, ones, elements, delimiter(elementOid)).getBytes(StandardCharsets.UTF_8);
        return new ArrayData(arrayOid, elementOid, FormatCode.TEXT, d, ones, buffer, offsets, lengths, printed);
    }

    // ---- parsing -------------------------------------------------------------------------------

    /** Parses {@code b[off, off+len)} as an array of {@code elementOid}; elements keep their unescaped text. */
    static ArrayData parse(int arrayOid, int elementOid, byte[] b, int off, int len) throws SQLException {
        return new Parser(b, off, len, delimiter(elementOid)).parse(arrayOid, elementOid);
    }

    /** A one-shot parser over one value; collects element text into its own buffer. */
    private static final class Parser {
        private final byte[] in;
        private final int start;
        private final int end;
        private final char delimiter;
        private int p;
        private byte[] out;
        private int outSize;
        private int[] offsets = new int[16];
        private int[] lengths = new int[16];
        private int count;
        private final int[] dims = new int[MAX_DIMENSIONS];
        private int ndim = -1; // unknown until the first element or the innermost '}' is seen

        Parser(byte[] in, int off, int len, char delimiter) {
            this.in = in;
            this.start = off;
            this.end = off + len;
            this.delimiter = delimiter;
            this.p = off;
            this.out = new byte[Math.max(16, len)];
            Arrays.fill(dims, -1);
        }

        ArrayData parse(int arrayOid, int elementOid) throws SQLException {
            skipSpace();
            int[][] bounds = p < end && in[p] == '[' ? bounds() : null;
            skipSpace();
            if (p >= end || in[p] != '{') throw error("array value must start with \"{\" or dimension information");
            level(0);
            skipSpace();
            if (p != end) throw error("junk after closing right brace");
            int n = Math.max(ndim, 0);
            int[] d = Arrays.copyOf(dims, n);
            int[] lb = new int[n];
            Arrays.fill(lb, 1);
            if (count == 0) {
                n = 0;
                d = new int[0];
                lb = new int[0];
            }
            if (bounds != null) {
                if (bounds.length != n) throw error("specified array dimensions do not match array contents");
                for (int i = 0; i < n; i++) {
                    if (bounds[i][1] - bounds[i][0] + 1 != d[i]) {
                        throw error("specified array dimensions do not match array contents");
                    }
                    lb[i] = bounds[i][0];
                }
            }
            return new ArrayData(arrayOid, elementOid, FormatCode.TEXT, d, lb, Arrays.copyOf(out, outSize),
                Arrays.copyOf(offsets, count), Arrays.copyOf(lengths, count));
        }

        /** {@code [lb:ub]} or {@code [ub]} per dimension, then {@code =}. */
        private int[][] bounds() throws SQLException {
            int[][] bounds = new int[MAX_DIMENSIONS + 1][];
            int n = 0;
            while (p < end && in[p] == '[') {
                if (n == MAX_DIMENSIONS) throw tooManyDimensions(n + 1);
                p++;
                int lower = 1;
                int upper = integer();
                if (p < end && in[p] == ':') {
                    p++;
                    lower = upper;
                    upper = integer();
                }
                if (p >= end || in[p] != ']') throw error("missing \"]\" in array dimensions");
                p++;
                if (upper < lower - 1) throw error("upper bound cannot be less than lower bound");
                bounds[n++] = new int[] {lower, upper};
                skipSpace();
            }
            if (p >= end || in[p] != '=') throw error("missing assignment operator");
            p++;
            return Arrays.copyOf(bounds, n);
        }

        private int integer() throws SQLException {
            int s = p;
            if (p < end && (in[p] == '-' || in[p] == '+')) p++;
            while (p < end && in[p] >= '0' && in[p] <= '9') p++;
            try {
                return Integer.parseInt(Text.utf8(in, s, p - s));
            } catch (NumberFormatException e) {
                throw error("invalid array dimension");
            }
        }

        /** One brace level at {@code depth}, the opening brace under {@code p}. */
        private void level(int depth) throws SQLException {
            if (depth >= MAX_DIMENSIONS) throw tooManyDimensions(depth + 1);
            p++; // '{'
            skipSpace();
            int items = 0;
            if (p < end && in[p] == '}') {
                p++;
                closeLevel(depth, 0, true);
                return;
            }
            while (true) {
                skipSpace();
                if (p >= end) throw error("unexpected end of input");
                if (in[p] == '{') {
                    if (ndim >= 0 && depth + 1 >= ndim) throw ragged();
                    level(depth + 1);
                } else {
                    if (ndim < 0) ndim = depth + 1;
                    else if (ndim != depth + 1) throw ragged();
                    element();
                }
                items++;
                skipSpace();
                if (p >= end) throw error("unexpected end of input");
                if (in[p] == '}') {
                    p++;
                    break;
                }
                if (in[p] != delimiter) throw error("unexpected \"" + (char) in[p] + "\" character");
                p++;
            }
            closeLevel(depth, items, false);
        }

        /** Checks this level's item count against its siblings'. */
        private void closeLevel(int depth, int items, boolean empty) throws SQLException {
            if (empty) {
                // "{}" nested inside a larger array: only allowed when every sibling is empty too
                if (ndim < 0) ndim = depth + 1;
                else if (ndim != depth + 1) throw ragged();
            }
            if (dims[depth] < 0) dims[depth] = items;
            else if (dims[depth] != items) throw ragged();
        }

        /** One element, quoted or bare; a bare {@code NULL} (any case) is SQL NULL. */
        private void element() throws SQLException {
            int begin = outSize;
            if (in[p] == '"') {
                p++;
                while (true) {
                    if (p >= end) throw error("unexpected end of input");
                    byte c = in[p++];
                    if (c == '"') break;
                    if (c == '\\') {
                        if (p >= end) throw error("unexpected end of input");
                        c = in[p++];
                    }
                    put(c);
                }
                add(begin, outSize - begin);
                return;
            }
            boolean escaped = false;
            int keep = outSize; // output length up to the last character that is not trailing unescaped space
            while (p < end) {
                byte c = in[p];
                if (c == delimiter || c == '}') break;
                if (c == '{' || c == '"') throw error("unexpected \"" + (char) c + "\" character");
                p++;
                if (c == '\\') {
                    if (p >= end) throw error("unexpected end of input");
                    put(in[p++]);
                    escaped = true;
                    keep = outSize;
                } else {
                    put(c);
                    if (!isSpace(c)) keep = outSize;
                }
            }
            outSize = keep;
            int length = outSize - begin;
            if (length == 0 && !escaped) throw error("unexpected \"" + (p < end ? (char) in[p] : ' ') + "\" character");
            if (!escaped && isNullWord(begin, length)) {
                outSize = begin;
                add(begin, -1);
            } else {
                add(begin, length);
            }
        }

        private boolean isNullWord(int begin, int length) {
            if (length != 4) return false;
            for (int i = 0; i < 4; i++) {
                int c = out[begin + i] & ~0x20; // ASCII letters to upper case
                if (c != "NULL".charAt(i)) return false;
            }
            return true;
        }

        private void put(byte c) {
            if (outSize == out.length) out = Arrays.copyOf(out, out.length * 2);
            out[outSize++] = c;
        }

        private void add(int offset, int length) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = offset;
            lengths[count] = length;
            count++;
        }

        private void skipSpace() {
            while (p < end && isSpace(in[p])) p++;
        }

        private SQLException ragged() {
            return error("multidimensional arrays must have sub-arrays with matching dimensions");
        }

        private SQLException error(String detail) {
            String value = Text.utf8(in, start, Math.min(end - start, 60));
            return SqlExceptions.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "malformed array literal: \"" + value + (end - start > 60 ? "...\"" : "\"") + ": " + detail);
        }
    }

    static SQLException tooManyDimensions(int n) {
        return SqlExceptions.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
            "number of array dimensions (" + n + ") exceeds the maximum allowed (" + MAX_DIMENSIONS + ")");
    }
}
