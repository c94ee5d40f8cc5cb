package io.ysql.internal.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The statements of one connection that are not closed yet, so that closing the connection closes
 * them. A list threaded through the statements themselves ({@link JdbcStatement#prevOpen},
 * {@link JdbcStatement#nextOpen}): opening and closing a statement links and unlinks it without
 * allocating, which matters to a pooled connection that prepares a statement per borrow. The
 * connection may be shared between threads, so the links change under a lock.
 */
final class OpenStatements {
    private final ReentrantLock lock = new ReentrantLock();
    private JdbcStatement head;

    void add(JdbcStatement s) {
        lock.lock();
        try {
            s.prevOpen = null;
            s.nextOpen = head;
            if (head != null) head.prevOpen = s;
            head = s;
            s.linked = true;
        } finally {
            lock.unlock();
        }
    }

    void remove(JdbcStatement s) {
        lock.lock();
        try {
            if (!s.linked) return;
            if (s.prevOpen != null) s.prevOpen.nextOpen = s.nextOpen; else head = s.nextOpen;
            if (s.nextOpen != null) s.nextOpen.prevOpen = s.prevOpen;
            s.prevOpen = null;
            s.nextOpen = null;
            s.linked = false;
        } finally {
            lock.unlock();
        }
    }

    /** The open statements now; each unlinks itself when closed. */
    List<JdbcStatement> snapshot() {
        lock.lock();
        try {
            List<JdbcStatement> all = new ArrayList<>();
            for (JdbcStatement s = head; s != null; s = s.nextOpen) all.add(s);
            return all;
        } finally {
            lock.unlock();
        }
    }
}
