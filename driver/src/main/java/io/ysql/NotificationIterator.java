package io.ysql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * The iteration of {@link YsqlConnection#notifies(Duration)}: waits for notifications until the
 * time given in all has passed (or forever without one), handing them out one at a time in the
 * order they arrived.
 */
final class NotificationIterator {
    private final YsqlConnection connection;
    private final long deadline;
    private final boolean forever;
    private final ArrayDeque<Notification> taken = new ArrayDeque<>();

    private NotificationIterator(YsqlConnection connection, Duration timeout) {
        this.connection = connection;
        this.forever = timeout == null;
        this.deadline = forever ? 0 : System.nanoTime() + timeout.toNanos();
    }

    static Iterator<Notification> of(YsqlConnection connection, Duration timeout) {
        return new CursorIterator<>(new NotificationIterator(connection, timeout)::next);
    }

    private Notification next() throws SQLException {
        while (taken.isEmpty()) {
            int wait;
            if (forever) {
                wait = 0;
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) return null;
                wait = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
            }
            taken.addAll(List.of(connection.getNotifications(wait)));
        }
        return taken.poll();
    }
}
