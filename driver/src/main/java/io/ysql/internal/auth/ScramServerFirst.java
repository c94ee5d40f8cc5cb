package io.ysql.internal.auth;

import io.ysql.internal.auth.AuthenticationFailure.Kind;

/**
 * The server-first-message of SCRAM (RFC 5802 section 7): the combined nonce, the salt and the
 * iteration count, validated against the client nonce. A nonce that does not extend the client's,
 * or an iteration count outside 1..{@value #MAX_ITERATIONS}, means the server cannot be trusted;
 * a mandatory extension ({@code m=}) is not supported; anything else malformed is a protocol error.
 *
 * @param text the message as received, part of the SCRAM AuthMessage
 * @param nonce the client nonce followed by the server's part
 * @param salt the decoded salt, not empty
 * @param iterationCount the iteration count of Hi()
 */
record ScramServerFirst(String text, String nonce, byte[] salt, int iterationCount) {
    /** The largest iteration count accepted; more would let a server keep the client busy for minutes. */
    static final int MAX_ITERATIONS = 10_000_000;

    static ScramServerFirst parse(byte[] message, String clientNonce) throws AuthenticationFailure {
        ScramAttributes attrs = ScramAttributes.parse(message, "server-first-message");
        if (attrs.isNamed(0, 'm')) {
            throw new AuthenticationFailure(Kind.UNSUPPORTED,
                    "the server requires a SCRAM extension (m=) that is not supported");
        }
        String nonce = attrs.value(0, 'r');
        byte[] salt = attrs.base64Value(1, 's');
        int iterations = iterationCount(attrs, attrs.value(2, 'i'));
        attrs.requireExtensionsFrom(3);
        if (!isPrintable(nonce)) {
            throw attrs.protocol("the nonce contains characters outside printable ASCII");
        }
        if (!nonce.startsWith(clientNonce) || nonce.length() <= clientNonce.length()) {
            throw new AuthenticationFailure(Kind.SERVER_UNVERIFIED,
                    "the server nonce does not extend the client nonce");
        }
        return new ScramServerFirst(attrs.text(), nonce, salt, iterations);
    }

    private static int iterationCount(ScramAttributes attrs, String value) throws AuthenticationFailure {
        if (!value.matches("-?[0-9]+")) {
            throw attrs.protocol("the iteration count is not a number");
        }
        boolean inRange = value.matches("[1-9][0-9]{0,7}") && Integer.parseInt(value) <= MAX_ITERATIONS;
        if (!inRange) {
            throw new AuthenticationFailure(Kind.SERVER_UNVERIFIED,
                    "the server sent an iteration count outside 1.." + MAX_ITERATIONS);
        }
        return Integer.parseInt(value);
    }

    /** RFC 5802 "printable": %x21-2B / %x2D-7E, i.e. visible ASCII except ','. */
    static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
