package io.ysql.internal.cluster;

import io.ysql.config.HostSpec;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's share of a server's count: taken before connecting, given back exactly once
 * when the connect fails or the connection closes. A lease taken before the server was marked
 * failed (which resets its count) gives nothing back, so counts never go below zero.
 */
public final class ServerLease {
    private final ClusterState cluster;
    private final HostSpec address;
    private final ServerEntry server;
    private final long epoch;
    private final AtomicBoolean released = new AtomicBoolean();

    ServerLease(ClusterState cluster, HostSpec address, ServerEntry server, long epoch) {
        this.cluster = cluster;
        this.address = address;
        this.server = server;
        this.epoch = epoch;
    }

    /** Where to connect: the server's address (private or public) and YSQL port. */
    public HostSpec address() {
        return address;
    }

    /** The {@code yb_servers()} row of the server. */
    public ServerEntry server() {
        return server;
    }

    /** The cluster the server belongs to. */
    public ClusterState cluster() {
        return cluster;
    }

    long epoch() {
        return epoch;
    }

    /** Gives the count back; later calls do nothing. */
    public void release() {
        if (released.compareAndSet(false, true)) cluster.release(this);
    }

    @Override
    public String toString() {
        return "ServerLease[" + address + "]";
    }
}
