package io.ysql.internal.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds how long one write to the socket may block. A blocking socket write has no timeout of
 * its own: when the network stalls while the driver sends (a COPY FROM STDIN, a large batch), the
 * send buffers fill and the write would wait for minutes. Each write is armed with a deadline;
 * a daemon thread, started on the first armed write and ended after a quiet spell or when the
 * connection closes, runs {@code onExpiry} (closing the socket, which ends the write with an
 * error) when a write is still in progress at its deadline. Disarming is a field write, so a write
 * that completes in time costs no wake-up.
 */
final class WriteWatchdog {
    /** The thread ends after this long without an armed write; the next write starts a new one. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Runnable onExpiry;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long deadline; // System.nanoTime() at which the write in progress expires; 0: none
    private boolean idle; // the thread waits for a write to be armed
    private boolean expired;
    private boolean stopped;
    private Thread thread;

    WriteWatchdog(Runnable onExpiry) {
        this.onExpiry = onExpiry;
    }

    /** A write starts that must end within {@code timeoutNanos}. */
    void arm(long timeoutNanos) {
        lock.lock();
        try {
            if (stopped) return;
            long d = System.nanoTime() + timeoutNanos;
            deadline = d == 0 ? 1 : d;
            if (thread == null) {
                thread = new Thread(this::watch, "ysql-write-watchdog");
                thread.setDaemon(true);
                thread.start();
            } else if (idle) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The write ended. */
    void disarm() {
        lock.lock();
        try {
            deadline = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a write outlived its deadline (and the socket was closed for it). */
    boolean expired() {
        lock.lock();
        try {
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the thread, if any, and waits briefly for it, so a closed connection leaves no thread. */
    void stop() {
        Thread t;
        lock.lock();
        try {
            stopped = true;
            deadline = 0;
            changed.signalAll();
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watch() {
        boolean fire = false;
        lock.lock();
        try {
            while (!stopped) {
                if (deadline == 0) {
                    idle = true;
                    long left = changed.awaitNanos(IDLE_NANOS);
                    idle = false;
                    if (deadline == 0 && left <= 0) break; // quiet: end, the next write starts a new thread
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    changed.awaitNanos(left);
                    continue;
                }
                expired = true;
                deadline = 0;
                fire = true;
                break;
            }
        } catch (InterruptedException e) {
            // stopping
        } finally {
            thread = null;
            lock.unlock();
        }
        if (fire) onExpiry.run();
    }
}
