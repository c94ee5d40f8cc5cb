package io.ysql.internal.tls;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.SQLException;

/**
 * The two kinds of TLS failure and their SQLSTATEs: a configuration the driver cannot use (a
 * missing or unreadable file, a wrong passphrase, options that contradict each other) is 08001,
 * raised before any byte is sent; a handshake that fails with a server is 08006. Messages name the
 * file or the check that failed and never carry key material or passphrases.
 */
final class TlsErrors {
    private TlsErrors() {}

    static SQLException setup(String message) {
        return SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, message);
    }

    static SQLException setup(String message, Throwable cause) {
        return SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, message, cause);
    }

    static SQLException handshake(String message, Throwable cause) {
        return SqlExceptions.of(SqlState.CONNECTION_FAILURE, message, cause);
    }
}
