package io.ysql.internal.session;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The notifications a session received and nobody has taken yet, at most {@code capacity} of
 * them: when a new one arrives at a full queue the oldest is dropped, and a WARNING says so (the
 * first drop and every thousandth after it), so a connection that LISTENs but never reads cannot
 * grow without bound.
 */
public final class NotificationQueue {
    /** The default of {@code notification_queue_size}. */
    static final int DEFAULT_CAPACITY = 10_000;
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.session");

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Notification> queue = new ArrayDeque<>();
    private volatile int capacity = DEFAULT_CAPACITY;
    private long dropped;

    /** How many notifications are kept; when full, the oldest is dropped with a WARNING. */
    public void capacity(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        this.capacity = capacity;
    }

    void add(Notification n) {
        Notification lost = null;
        long drops = 0;
        lock.lock();
        try {
            while (queue.size() >= capacity) {
                lost = queue.poll();
                drops = ++dropped;
            }
            queue.add(n);
        } finally {
            lock.unlock();
        }
        if (lost != null && (drops == 1 || drops % 1000 == 0)) {
            LOG.log(Level.WARNING, "the notification queue is full ({0} notifications): dropped the oldest, on "
                    + "channel \"{1}\" ({2} dropped so far on this connection); take notifications faster, register a "
                    + "listener, or raise notification_queue_size", capacity, lost.channel(), drops);
        }
    }

    public Notification poll() {
        lock.lock();
        try {
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes every queued notification, oldest first. */
    public List<Notification> drain() {
        lock.lock();
        try {
            List<Notification> all = new ArrayList<>(queue);
            queue.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
