package io.ysql.internal.connect;

import io.ysql.internal.catalog.ClusterQueries;
import io.ysql.internal.session.Session;
import java.sql.SQLException;
import java.util.Locale;

/**
 * libpq's {@code target_session_attrs}: which server is acceptable. Servers from PostgreSQL 14 on
 * report {@code default_transaction_read_only} and {@code in_hot_standby} at startup, so the check
 * costs nothing; older servers (and YugabyteDB's PostgreSQL 11 base) are asked with one query.
 * {@code prefer-standby} is two passes: standbys first, then any server.
 */
enum TargetSessionAttrs {
    ANY, READ_WRITE, READ_ONLY, PRIMARY, STANDBY, PREFER_STANDBY;

    static TargetSessionAttrs of(String value) {
        return value == null ? ANY : valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Why {@code session} is not acceptable, in libpq's words, or {@code null} when it is. A failing
     * probe query is the reason itself.
     */
    String mismatch(Session session) {
        try {
            return switch (this) {
                case ANY, PREFER_STANDBY -> null;
                case READ_WRITE -> readOnly(session) ? "session is read-only" : null;
                case READ_ONLY -> readOnly(session) ? null : "session is not read-only";
                case PRIMARY -> standby(session) ? "server is in hot standby mode" : null;
                case STANDBY -> standby(session) ? null : "server is not in hot standby mode";
            };
        } catch (SQLException e) {
            return "could not check target_session_attrs=" + label() + ": " + e.getMessage();
        }
    }

    private static boolean readOnly(Session s) throws SQLException {
        String defaultReadOnly = s.parameter("default_transaction_read_only");
        String hotStandby = s.parameter("in_hot_standby");
        if (defaultReadOnly == null || hotStandby == null) return ClusterQueries.readOnly(s);
        return on(defaultReadOnly) || on(hotStandby);
    }

    private static boolean standby(Session s) throws SQLException {
        String hotStandby = s.parameter("in_hot_standby");
        return hotStandby == null ? ClusterQueries.inRecovery(s) : on(hotStandby);
    }

    private static boolean on(String value) {
        return value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true");
    }
}
