package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the server prints {@code float4} and {@code float8}, by version, for the tests that compare
 * the driver's text with the server's. The driver sends {@code extra_float_digits=3} at startup (as
 * pgjdbc does), so every server prints floats exactly: PostgreSQL 12 and later print the shortest
 * decimal that reads back as the same value, which the driver also prints for binary results, so
 * the texts must be equal; PostgreSQL 11 and earlier print 17 ({@code float8}) or 9 ({@code float4})
 * significant digits ({@code 0.100000000000000006}), an exact but longer spelling of the same value,
 * so there the texts must read back as the same values. Without {@code extra_float_digits} an old
 * server would print 15 digits and lose values ({@code 0.30000000000000004} as {@code 0.3}).
 */
final class FloatPrinting {
    /** The first major version that prints the shortest exact float text. */
    static final int SHORTEST_SINCE = 12;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|NaN|-?Infinity");
    private static final java.util.Set<String> GEOMETRIC = java.util.Set.of("point", "line", "lseg", "box", "path",
            "polygon", "circle");

    private FloatPrinting() {}

    /** True when the shared server prints floats as the driver does. */
    static boolean serverPrintsShortest() {
        return PgCluster.shared().majorVersion() >= SHORTEST_SINCE;
    }

    /** True for the types whose text is made of floats: float4, float8 and the geometric types. */
    static boolean isFloat(String type) {
        return type.equals("float4") || type.equals("float8") || GEOMETRIC.contains(type);
    }

    /** Whether {@code mine} is what the server prints as {@code server}, as {@link #assertSameFloats} asserts. */
    static boolean same(String type, String mine, String server) {
        if (serverPrintsShortest() || mine == null || server == null) return java.util.Objects.equals(mine, server);
        return canonical(type, mine).equals(canonical(type, server));
    }

    /**
     * Asserts that {@code mine} is what the server prints as {@code server}: equal text where the
     * server prints the shortest spelling, else the same float values, number by number in an
     * array's or a geometric value's text ({@code {1.5,NULL}}, {@code (1e+300,-2)}).
     */
    static void assertSameFloats(String type, String mine, String server, String label) {
        if (serverPrintsShortest() || mine == null || server == null) {
            assertThat(mine).as(label).isEqualTo(server);
            return;
        }
        assertThat(canonical(type, mine)).as("%s (PostgreSQL %d prints %s)", label, PgCluster.shared().majorVersion(),
                server).isEqualTo(canonical(type, server));
    }

    /** The text with every number replaced by Java's spelling of its float value. */
    private static String canonical(String type, String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group();
            String v = type.equals("float4") ? Float.toString(Float.parseFloat(e)) : Double.toString(Double.parseDouble(e));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        return m.appendTail(sb).toString();
    }
}
