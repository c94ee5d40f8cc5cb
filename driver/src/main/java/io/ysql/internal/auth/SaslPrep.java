package io.ysql.internal.auth;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;

/**
 * SASLprep (RFC 4013), the stringprep profile (RFC 3454) applied to SCRAM passwords, with the
 * choices PostgreSQL's own implementation ({@code src/common/saslprep.c}) makes, because the
 * prepared password must match the one the server hashed when the password was set:
 * non-ASCII spaces (C.1.2) are mapped to U+0020 before the "mapped to nothing" table (B.1) is
 * applied, so U+200B, which is in both, becomes a space; unassigned code points (A.1, Unicode 3.2)
 * are refused, as for stored strings; a string that maps to nothing is refused; and, like
 * PostgreSQL, the prohibited-output and bidirectional checks look at the mapped string before
 * NFKC normalization, while the normalized string is returned. ASCII control characters are
 * refused here, where PostgreSQL passes pure ASCII through unchanged; a SCRAM client falls back to
 * the raw password in both cases, so the bytes hashed are the same. Error messages never quote
 * the input.
 */
public final class SaslPrep {
    private SaslPrep() {}

    /**
     * Prepares a string with SASLprep.
     *
     * @param s the string to prepare
     * @return the prepared string, NFKC-normalized
     * @throws IllegalArgumentException if the string contains a prohibited or unassigned code point,
     *     breaks the bidirectional rules of RFC 3454 section 6, or maps to nothing
     */
    public static String prepare(String s) {
        Objects.requireNonNull(s, "s");
        if (s.isEmpty()) {
            return s;
        }
        int[] mapped = map(s);
        try {
            if (mapped.length == 0) {
                throw new IllegalArgumentException("SASLprep: the string maps to nothing");
            }
            for (int cp : mapped) {
                if (StringprepTable.PROHIBITED_OUTPUT.contains(cp)) {
                    throw new IllegalArgumentException("SASLprep: the string contains a prohibited character");
                }
                if (StringprepTable.UNASSIGNED.contains(cp)) {
                    throw new IllegalArgumentException("SASLprep: the string contains an unassigned code point");
                }
            }
            checkBidi(mapped);
            return Normalizer.normalize(new String(mapped, 0, mapped.length), Normalizer.Form.NFKC);
        } finally {
            Arrays.fill(mapped, 0); // the code points of a password
        }
    }

    /** Step 1 of RFC 3454: C.1.2 to U+0020, B.1 to nothing. */
    private static int[] map(String s) {
        int[] out = new int[s.codePointCount(0, s.length())];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (StringprepTable.NON_ASCII_SPACE.contains(cp)) {
                out[n++] = ' ';
            } else if (!StringprepTable.MAPPED_TO_NOTHING.contains(cp)) {
                out[n++] = cp;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * RFC 3454 section 6: a string with any RandALCat character has no LCat character, and starts
     * and ends with a RandALCat character.
     */
    private static void checkBidi(int[] cps) {
        boolean hasRandAL = false;
        boolean hasL = false;
        for (int cp : cps) {
            hasRandAL |= StringprepTable.RAND_AL_CAT.contains(cp);
            hasL |= StringprepTable.L_CAT.contains(cp);
        }
        if (!hasRandAL) {
            return;
        }
        if (hasL) {
            throw new IllegalArgumentException("SASLprep: the string mixes right-to-left and left-to-right characters");
        }
        if (!StringprepTable.RAND_AL_CAT.contains(cps[0])
                || !StringprepTable.RAND_AL_CAT.contains(cps[cps.length - 1])) {
            throw new IllegalArgumentException(
                    "SASLprep: a right-to-left string must start and end with a right-to-left character");
        }
    }
}
