package io.ysql.internal.session;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The session's queue of exchanges written and waiting for their responses: a ring buffer behind a
 * lock, so that queueing a request allocates nothing (a linked queue makes a node per request).
 * Writers add under the write permit and readers poll under the read lock, so the lock is almost
 * never contended; it only makes the two sides see each other's changes.
 */
final class PendingQueue extends AbstractQueue<Exchange> {
    private final ArrayDeque<Exchange> items = new ArrayDeque<>(16);
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public boolean offer(Exchange e) {
        lock.lock();
        try {
            return items.offer(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Exchange poll() {
        lock.lock();
        try {
            return items.poll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Exchange peek() {
        lock.lock();
        try {
            return items.peek();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the sender of the first queued exchange that has one parked (see {@link ReadTurns}). */
    void wakeFirstWaiter() {
        lock.lock();
        try {
            for (Exchange x : items) {
                if (x.wakeWaiter()) return;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Iterates over a snapshot: the queue may change meanwhile. */
    @Override
    public Iterator<Exchange> iterator() {
        lock.lock();
        try {
            return new ArrayList<>(items).iterator();
        } finally {
            lock.unlock();
        }
    }
}
