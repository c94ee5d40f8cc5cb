package io.ysql.internal.jdbc;

import io.ysql.Notification;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.session.NotificationListeners;
import io.ysql.internal.session.Session;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The notification side of a {@link JdbcConnection}: pgjdbc's {@code getNotifications}, with the
 * session's notifications turned into the public {@link Notification} record, and the listeners
 * served by the session's delivery thread.
 */
final class ConnectionNotifications {
    private final Session session;
    private final NotificationListeners delivery;
    private final Map<Consumer<Notification>, Consumer<io.ysql.internal.session.Notification>> listeners =
            new ConcurrentHashMap<>();

    ConnectionNotifications(Session session) {
        this.session = session;
        this.delivery = new NotificationListeners(session);
    }

    /** Waits as pgjdbc's {@code getNotifications(int)} does, then takes every notification received. */
    Notification[] get(int timeoutMillis) throws SQLException {
        Duration wait = timeoutMillis < 0 ? Duration.ZERO
                : timeoutMillis == 0 ? Duration.ofDays(365) : Duration.ofMillis(timeoutMillis);
        List<Notification> out = new ArrayList<>();
        io.ysql.internal.session.Notification first = session.awaitNotification(wait);
        if (first != null) out.add(publicOf(first));
        for (io.ysql.internal.session.Notification n : session.notifications().drain()) out.add(publicOf(n));
        return out.toArray(Notification[]::new);
    }

    void add(Consumer<Notification> listener) throws SQLException {
        if (listener == null) throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "the listener must not be null");
        Consumer<io.ysql.internal.session.Notification> adapter = n -> listener.accept(publicOf(n));
        if (listeners.putIfAbsent(listener, adapter) == null) delivery.add(adapter);
    }

    void remove(Consumer<Notification> listener) {
        if (listener == null) return;
        Consumer<io.ysql.internal.session.Notification> adapter = listeners.remove(listener);
        if (adapter != null) delivery.remove(adapter);
    }

    private static Notification publicOf(io.ysql.internal.session.Notification n) {
        return new Notification(n.processId(), n.channel(), n.payload());
    }
}
