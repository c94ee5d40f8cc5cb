package io.ysql.internal.connect;

import io.ysql.internal.cluster.ServerLease;
import io.ysql.internal.session.Session;

/**
 * A ready session and, when load balancing chose its server, the lease on that server's count,
 * which the connection gives back when it closes.
 *
 * @param session the session
 * @param lease the lease, or {@code null} when the connection was not load-balanced
 */
public record Connected(Session session, ServerLease lease) {
    /** Gives the lease back, if any (when the connection closes or could not be set up). */
    public void release() {
        if (lease != null) lease.release();
    }
}
