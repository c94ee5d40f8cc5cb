package io.ysql.internal.auth;

/**
 * The server-final-message of SCRAM (RFC 5802 section 7): either the server signature
 * ({@code v=}) that proves the server knows the password, or an error ({@code e=}) naming why
 * the server refused the exchange. Anything else is a protocol error.
 */
sealed interface ScramServerFinal {
    /** {@code v=}: the decoded server signature. */
    record Verifier(byte[] serverSignature) implements ScramServerFinal {}

    /** {@code e=}: the server's error value, e.g. {@code invalid-proof}. */
    record ServerError(String error) implements ScramServerFinal {}

    static ScramServerFinal parse(byte[] message) throws AuthenticationFailure {
        ScramAttributes attrs = ScramAttributes.parse(message, "server-final-message");
        ScramServerFinal result;
        if (attrs.isNamed(0, 'e')) {
            result = new ServerError(attrs.value(0, 'e'));
        } else if (attrs.isNamed(0, 'v')) {
            result = new Verifier(attrs.base64Value(0, 'v'));
        } else {
            throw attrs.protocol("expected v= or e=");
        }
        attrs.requireExtensionsFrom(1);
        return result;
    }
}
