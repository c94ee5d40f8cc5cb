package io.ysql.internal.codec;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text format of composite values and anonymous records, as {@code record_out} prints and
 * {@code record_in} reads it: {@code (1,"a b",,"x""y")}. A field with nothing in it is NULL; an
 * empty string is {@code ""}; inside double quotes a quote is doubled, and anywhere a backslash
 * takes the next character literally. The printer quotes exactly where the server does, so its
 * output equals the server's text of the same value.
 */
public final class CompositeText {
    private CompositeText() {}

    /** The fields of {@code text}, null for NULL fields; 22P02 when it is not a composite literal. */
    public static List<String> parse(String text) throws SQLException {
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') throw CodecErrors.badText("record", text);
        List<String> fields = new ArrayList<>();
        int i = 1;
        int end = s.length() - 1;
        if (i == end) return fields; // a record with no columns: ()
        while (true) {
            StringBuilder sb = new StringBuilder();
            boolean quotedOrEscaped = false;
            boolean inQuotes = false;
            while (i < end) {
                char c = s.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= end) throw CodecErrors.badText("record", text);
                    sb.append(s.charAt(i + 1));
                    quotedOrEscaped = true;
                    i += 2;
                } else if (c == '"') {
                    if (inQuotes && i + 1 < end && s.charAt(i + 1) == '"') {
                        sb.append('"');
                        i += 2;
                    } else {
                        inQuotes = !inQuotes;
                        quotedOrEscaped = true;
                        i++;
                    }
                } else if (!inQuotes && c == ',') {
                    break;
                } else if (!inQuotes && (c == '(' || c == ')')) {
                    throw CodecErrors.badText("record", text);
                } else {
                    sb.append(c);
                    i++;
                }
            }
            if (inQuotes) throw CodecErrors.badText("record", text);
            fields.add(sb.length() == 0 && !quotedOrEscaped ? null : sb.toString());
            if (i >= end) return fields;
            i++; // the comma
        }
    }

    /** The composite literal of {@code fields} (null for NULL), quoted as the server quotes. */
    public static String format(List<String> fields) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            appendField(sb, fields.get(i));
        }
        return sb.append(')').toString();
    }

    private static void appendField(StringBuilder sb, String v) {
        if (v == null) return;
        if (!needsQuotes(v)) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') sb.append(c);
            sb.append(c);
        }
        sb.append('"');
    }

    /** As {@code record_out}: empty strings, and values with a quote, backslash, parenthesis, comma or space. */
    private static boolean needsQuotes(String v) {
        if (v.isEmpty()) return true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || isSpace(c)) return true;
        }
        return false;
    }

    /** C's {@code isspace} in the C locale, as the server tests it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
