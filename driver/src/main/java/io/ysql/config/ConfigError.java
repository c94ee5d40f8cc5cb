package io.ysql.config;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;

import java.sql.SQLException;

/**
 * The exception for a configuration the driver cannot use: SQLSTATE 08001 (the client cannot
 * establish the connection), since no connection can be set up from it. Messages name options and,
 * unless the option is secret, values; they never repeat a whole connection string.
 */
final class ConfigError {
    private ConfigError() {}

    static SQLException of(String message) {
        return SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, message);
    }
}
