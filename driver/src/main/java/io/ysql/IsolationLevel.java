package io.ysql;

import java.sql.Connection;

/**
 * A transaction isolation level for the cursor API's {@link YsqlConnection#isolationLevel(IsolationLevel)}
 * and {@link YsqlConnection#setSession}, as psycopg2's {@code ISOLATION_LEVEL_*} constants.
 * {@link #DEFAULT} means the server's {@code default_transaction_isolation}. The server decides what
 * a level means: YugabyteDB, for one, runs {@code READ UNCOMMITTED} as {@code READ COMMITTED}.
 */
public enum IsolationLevel {
    /** The server's default ({@code default_transaction_isolation} of the configuration). */
    DEFAULT(null, Connection.TRANSACTION_NONE),
    READ_UNCOMMITTED("READ UNCOMMITTED", Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED("READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ("REPEATABLE READ", Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE("SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE);

    private final String sql;
    private final int jdbc;

    IsolationLevel(String sql, int jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** The level as SQL spells it ({@code REPEATABLE READ}), or null for {@link #DEFAULT}. */
    public String sql() { return sql; }

    /** The {@code Connection.TRANSACTION_*} constant; {@code TRANSACTION_NONE} for {@link #DEFAULT}. */
    public int jdbcLevel() { return jdbc; }

    /** The level of a {@code transaction_isolation} value as the server shows it ({@code read committed}). */
    public static IsolationLevel ofShown(String shown) {
        for (IsolationLevel l : values()) {
            if (l.sql != null && l.sql.equalsIgnoreCase(shown)) return l;
        }
        return DEFAULT;
    }
}
