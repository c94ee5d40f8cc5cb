package io.ysql.internal.session;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.Options;
import java.lang.System.Logger.Level;
import java.sql.SQLException;

/**
 * The connection options that act on an open session rather than on connecting: the network
 * timeout ({@code socket_timeout}), {@code cancelSignalTimeout}, {@code notification_queue_size}
 * and the TCP keep-alives. {@code tcp_user_timeout} has no Java equivalent: it is logged at DEBUG
 * as not applied.
 */
public final class SessionOptions {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.session");

    private SessionOptions() {}

    /** Applies the options to an open session. */
    public static void apply(ConnectionConfig config, Session session) throws SQLException {
        session.networkTimeout(config.get(Options.SOCKET_TIMEOUT));
        session.cancelTimeout(config.get(Options.CANCEL_SIGNAL_TIMEOUT));
        session.notifications().capacity(config.get(Options.NOTIFICATION_QUEUE_SIZE));
        session.transport().keepalives(config.get(Options.KEEPALIVES), config.get(Options.KEEPALIVES_IDLE),
                config.get(Options.KEEPALIVES_INTERVAL), config.get(Options.KEEPALIVES_COUNT));
        if (config.isSet(Options.TCP_USER_TIMEOUT)) {
            LOG.log(Level.DEBUG, "tcp_user_timeout is not applied: the Java runtime has no socket option for "
                    + "TCP_USER_TIMEOUT; socket_timeout and the keepalives_* options bound a dead connection instead");
        }
    }
}
