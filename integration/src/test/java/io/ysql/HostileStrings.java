package io.ysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random strings built to break out of wherever a value is put: SQL quotes, comments,
 * dollar quotes and placeholders of every syntax the driver scans, and COPY's delimiters, escapes,
 * null marker and end-of-data line. The seed comes from {@code -Dysql.seed} or the clock and is
 * printed, with the test's name, so a failure can be replayed. NUL and unpaired surrogates are
 * left out: no text value can hold them, and the tests check separately that they are refused.
 */
final class HostileStrings {
    private static final String[] PIECES = {"'", "''", "\\", "\\'", "--", "/*", "*/", "$$", "$x$", ";", "?", "%s",
        "%(a)s", "%%", "$1", "\"", "E'", "DROP TABLE t;", " ", "\n", "\t", "é", "𝄞", "\u00a0", "0", "-", "::text", ")",
        "(", "\\.", "\n\\.\n", "\\N", "\r", "\r\n", ",", "\"\"", "\\\\", "\\t", "{}", "NULL"};

    private final long seed;
    private final Random random;

    HostileStrings(String testName) {
        seed = Long.getLong("ysql.seed", System.nanoTime());
        System.out.println(testName + " seed " + seed);
        random = new Random(seed);
    }

    long seed() {
        return seed;
    }

    Random random() {
        return random;
    }

    /** One to eight pieces; the empty string now and then. */
    String next() {
        if (random.nextInt(40) == 0) return "";
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) sb.append(PIECES[random.nextInt(PIECES.length)]);
        return sb.toString();
    }

    List<String> list(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(next());
        return out;
    }
}
