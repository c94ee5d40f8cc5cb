package io.ysql.internal.codec;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * Booleans read from text, with pgjdbc's spellings: {@code t}, {@code true}, {@code y}, {@code
 * yes}, {@code on}, {@code 1} are true; {@code f}, {@code false}, {@code n}, {@code no}, {@code
 * off}, {@code 0} are false (any case, blanks around ignored); any other number equal to 1 or 0
 * counts too. Anything else raises 22P02, where pgjdbc raises 42846: a value that is not a
 * boolean is a data error, not a syntax error.
 */
final class BoolText {
    private BoolText() {}

    static boolean parse(byte[] b, int off, int len) throws SQLException {
        if (len == 1) {
            if (b[off] == 't' || b[off] == '1') return true;
            if (b[off] == 'f' || b[off] == '0') return false;
        }
        return parse(Text.utf8(b, off, len));
    }

    static boolean parse(String text) throws SQLException {
        String s = text.strip();
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1": return true;
            case "f", "false", "n", "no", "off", "0": return false;
            default: break;
        }
        if (NumberText.isDecimalSyntax(s)) {
            BigDecimal d = new BigDecimal(s);
            if (d.compareTo(BigDecimal.ONE) == 0) return true;
            if (d.signum() == 0) return false;
        }
        throw CodecErrors.badText("boolean", s);
    }

    /** A number as a boolean: 1 is true, 0 is false, anything else raises 22P02. */
    static boolean fromNumber(double v, String text) throws SQLException {
        if (v == 1) return true;
        if (v == 0) return false;
        throw CodecErrors.badText("boolean", text);
    }
}
