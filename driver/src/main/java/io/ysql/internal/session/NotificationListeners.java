package io.ysql.internal.session;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Calls the registered notification listeners of one session from a daemon thread of its own,
 * which runs only while at least one listener is registered. The thread waits for notifications
 * with {@link Session#awaitNotification}, so it reads the socket while the session is idle and
 * steps aside for threads that wait for their answers; while it runs it takes every notification.
 * A listener that throws is logged and keeps its registration.
 */
public final class NotificationListeners {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.session");
    /** How often the thread looks whether it is still wanted. */
    private static final Duration SLICE = Duration.ofMillis(500);

    private final Session session;
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private Thread thread;

    public NotificationListeners(Session session) {
        this.session = session;
    }

    /** Registers {@code listener}; starts the delivery thread when it is the first. */
    public void add(Consumer<Notification> listener) {
        lock.lock();
        try {
            listeners.add(listener);
            if (thread == null) {
                thread = new Thread(this::deliver, "ysql-notifications-"
                        + (session.backendKey() == null ? 0 : session.backendKey().processId()));
                thread.setDaemon(true);
                thread.start();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Unregisters {@code listener}; the thread stops soon after the last one is gone. */
    public boolean remove(Consumer<Notification> listener) {
        return listeners.remove(listener);
    }

    private void deliver() {
        while (stillWanted()) {
            Notification n;
            try {
                n = session.awaitNotification(SLICE);
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "notification delivery ends: {0}", e.getMessage());
                continue; // stillWanted() sees the closed session
            }
            if (n == null) continue;
            for (Consumer<Notification> l : listeners) {
                try {
                    l.accept(n);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a notification listener threw for channel \"" + n.channel() + "\"", e);
                }
            }
        }
    }

    private boolean stillWanted() {
        lock.lock();
        try {
            if (!listeners.isEmpty() && !session.isClosed()) return true;
            thread = null;
            return false;
        } finally {
            lock.unlock();
        }
    }
}
