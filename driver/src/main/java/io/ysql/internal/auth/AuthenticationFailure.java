package io.ysql.internal.auth;

import java.util.Objects;

/**
 * An authentication exchange that cannot go on. The {@link Kind} tells the caller how to report
 * it: the session maps it to a SQLSTATE and aborts the connection. The message describes what
 * went wrong in the exchange and never contains the password or any key derived from it.
 */
public final class AuthenticationFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the exchange failed. */
    public enum Kind {
        /** The server sent a malformed or unexpected message (SQLSTATE 08P01). */
        PROTOCOL,
        /**
         * The server could not prove it knows the password, or broke a rule meant to protect the
         * client (nonce not extending ours, bad iteration count, wrong server signature): the
         * connection must be aborted (SQLSTATE 08P01).
         */
        SERVER_UNVERIFIED,
        /** The server answered the exchange with an error ({@code e=} in SCRAM), e.g. a wrong password (SQLSTATE 28P01). */
        REJECTED,
        /** No acceptable mechanism or a mandatory extension the client does not know (SQLSTATE 08004 or 28000). */
        UNSUPPORTED
    }

    private final Kind kind;

    public AuthenticationFailure(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public AuthenticationFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
