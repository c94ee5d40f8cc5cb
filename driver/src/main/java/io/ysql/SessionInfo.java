package io.ysql;

import java.util.Map;

/**
 * What a connection knows about its session, as psycopg2's {@code connection.info}: the server
 * version, the backend process, the parameters the server reported, the transaction status, where
 * and as whom it is connected, and how the connection is encrypted ({@link #connection()}). Never
 * the password. From {@link YsqlConnection#info()}.
 *
 * @param serverVersion     the server version as a number, as libpq's {@code PQserverVersion}
 *                          ({@code 150018} for 15.18, {@code 110002} for YugabyteDB's 11.2)
 * @param backendPid        the process id of the server backend
 * @param parameters        the parameters the server reported ({@code server_version}, {@code TimeZone} …)
 * @param transactionStatus the transaction status when the info was taken
 * @param dbname            the database
 * @param user              the user the session authenticated as
 * @param connection        host, port, TLS details and authentication method
 */
public record SessionInfo(int serverVersion, int backendPid, Map<String, String> parameters,
                          TransactionStatus transactionStatus, String dbname, String user, ConnectionInfo connection) {

    /** psycopg2's {@code TRANSACTION_STATUS_*}, as the server last reported it. */
    public enum TransactionStatus {
        /** Not in a transaction. */
        IDLE,
        /** In a transaction block. */
        INTRANS,
        /** In a failed transaction block, which must be rolled back. */
        INERROR,
        /** The connection is closed or broken. */
        UNKNOWN
    }

    public SessionInfo {
        parameters = Map.copyOf(parameters);
    }

    /** A parameter the server reported, or null (psycopg2's {@code parameter_status}). */
    public String parameterStatus(String name) { return parameters.get(name); }

    public String host() { return connection.host(); }

    public int port() { return connection.port(); }

    /** Whether the session runs over TLS. */
    public boolean sslInUse() { return connection.encrypted(); }

    /** The client encoding the server reported ({@code UTF8}). */
    public String encoding() { return parameters.get("client_encoding"); }
}
