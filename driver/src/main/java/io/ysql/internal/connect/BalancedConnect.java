package io.ysql.internal.connect;

import io.ysql.config.ConnectionConfig;
import io.ysql.config.HostSpec;
import io.ysql.config.Options;
import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.catalog.ClusterQueries;
import io.ysql.internal.cluster.BalanceRequest;
import io.ysql.internal.cluster.ClusterRegistry;
import io.ysql.internal.cluster.ClusterState;
import io.ysql.internal.cluster.Pick;
import io.ysql.internal.cluster.ServerLease;
import io.ysql.internal.cluster.ServerList;
import io.ysql.internal.session.Session;
import io.ysql.internal.tls.TlsPolicy;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One load-balanced connect ({@code load_balance}): the least-loaded acceptable server of the
 * cluster, as {@link ClusterState} chooses it. The server list is fetched with
 * {@code yb_servers()} on the connection being opened, and only when it is missing or stale, so an
 * ordinary connect costs no extra round trip. A server that cannot be reached is avoided for
 * {@code failed_host_reconnect_delay_secs}; one that answers with an error is skipped for this
 * connect only; an authentication or unknown-database error ends the connect, as it would on any
 * server. Without {@code yb_servers()} (plain PostgreSQL) or with no acceptable server, the
 * connection is a plain one to the configured hosts, except for {@code only-primary},
 * {@code only-rr} and {@code fallback_to_topology_keys_only}, which fail.
 */
final class BalancedConnect {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.connect");

    private final Connector connector;
    private final ConnectionConfig config;
    private final TlsPolicy tls;
    private final IntPredicate binaryTypes;
    private final BalanceRequest request;
    private final ClusterRegistry clusters;
    private final TargetSessionAttrs target;
    private final Set<HostSpec> excluded = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final List<SQLException> causes = new ArrayList<>();

    BalancedConnect(Connector connector, ConnectionConfig config, TlsPolicy tls, IntPredicate binaryTypes,
                    BalanceRequest request, ClusterRegistry clusters) {
        this.connector = connector;
        this.config = config;
        this.tls = tls;
        this.binaryTypes = binaryTypes;
        this.request = request;
        this.clusters = clusters;
        TargetSessionAttrs t = TargetSessionAttrs.of(config.get(Options.TARGET_SESSION_ATTRS));
        this.target = t == TargetSessionAttrs.PREFER_STANDBY ? TargetSessionAttrs.ANY : t;
    }

    Connected run() throws SQLException {
        ClusterState cluster = clusters.forSeeds(config.hosts());
        if (!cluster.known()) return bootstrap(cluster);
        boolean refresh = cluster.claimRefresh(request.refreshInterval());
        try {
            while (true) {
                Pick pick = cluster.pick(request, excluded, null);
                if (pick instanceof Pick.Chosen chosen) {
                    Session s = tryServer(cluster, chosen.lease());
                    if (s == null) continue;
                    if (!refresh || !refresh(cluster, s)) return new Connected(s, chosen.lease());
                    refresh = false;
                    return rechoose(cluster, s, chosen.lease());
                }
                if (((Pick.NoneAvailable) pick).mustFail()) throw noServer(cluster);
                LOG.log(Level.DEBUG, "no server of the cluster is available for load_balance; connecting to {0}",
                        config.hosts());
                return plain();
            }
        } finally {
            if (refresh) cluster.refreshFailed(); // the claim was not used: let the next connect refresh
        }
    }

    /**
     * After a refresh on the new session: keeps it when its server is still a least-loaded choice
     * of the new list, else moves to the server the new list gives.
     */
    private Connected rechoose(ClusterState cluster, Session s, ServerLease old) throws SQLException {
        try {
            old.release();
            excluded.remove(old.address());
            Pick again = cluster.pick(request, excluded, old.address());
            excluded.add(old.address());
            if (again instanceof Pick.Chosen chosen) {
                if (chosen.lease().address().equals(old.address())) return new Connected(s, chosen.lease());
                s.close();
                s = null;
                Session other = tryServer(cluster, chosen.lease());
                return other != null ? new Connected(other, chosen.lease()) : run();
            }
            if (((Pick.NoneAvailable) again).mustFail()) throw noServer(cluster);
            return new Connected(s, null);
        } catch (SQLException | RuntimeException e) {
            if (s != null) s.close();
            throw e;
        }
    }

    /** First connect for these hosts: a plain connection, which learns the list and is kept when it may be. */
    private Connected bootstrap(ClusterState cluster) throws SQLException {
        Session s = connector.openAny(config, tls, binaryTypes);
        try {
            ServerList list;
            try {
                list = ClusterQueries.servers(s);
            } catch (SQLException e) {
                if (s.isClosed()) throw e;
                logNoList(e);
                return new Connected(s, null);
            }
            AddressChoice choice = AddressChoice.of(s, list, cluster.usePublic());
            ClusterState canonical = clusters.adopt(config.hosts(), cluster, list.universeUuid());
            if (canonical != cluster) cluster.refreshFailed();
            canonical.update(list, choice.usePublic());
            Pick pick = canonical.pick(request, excluded, choice.current());
            if (pick instanceof Pick.Chosen chosen) {
                if (chosen.lease().address().equals(choice.current())) return new Connected(s, chosen.lease());
                s.close();
                s = null;
                Session other = tryServer(canonical, chosen.lease());
                return other != null ? new Connected(other, chosen.lease()) : run();
            }
            if (((Pick.NoneAvailable) pick).mustFail()) throw noServer(canonical);
            return new Connected(s, null);
        } catch (SQLException | RuntimeException e) {
            if (s != null) s.close();
            throw e;
        }
    }

    /** Connects to the leased server; on failure gives the lease back, records why and returns null. */
    private Session tryServer(ClusterState cluster, ServerLease lease) throws SQLException {
        HostSpec address = lease.address();
        excluded.add(address);
        Session s;
        try {
            s = connector.openHost(config, address, tls, binaryTypes);
        } catch (SQLException e) {
            lease.release();
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (Connector.isUnreachable(e)) {
                cluster.markFailed(address, request.failedHostDelay());
            } else if (state.startsWith("28") || state.startsWith("3D") || state.equals(SqlState.PROTOCOL_VIOLATION)) {
                throw e; // the same on every server
            } else {
                cluster.requestRefresh();
            }
            failures.add(e.getMessage());
            causes.add(e);
            return null;
        }
        String why = target.mismatch(s);
        if (why == null) return s;
        s.close();
        lease.release();
        failures.add("server at " + address + ": " + why);
        return null;
    }

    /** Fetches the list on the new session; false when that failed (the old list stays). */
    private boolean refresh(ClusterState cluster, Session s) {
        try {
            ServerList list = ClusterQueries.servers(s);
            cluster.update(list, AddressChoice.of(s, list, cluster.usePublic()).usePublic());
            return true;
        } catch (SQLException e) {
            cluster.refreshFailed();
            logNoList(e);
            return false;
        }
    }

    private Connected plain() throws SQLException {
        return new Connected(connector.openAny(config, tls, binaryTypes), null);
    }

    private static void logNoList(SQLException e) {
        LOG.log(Level.DEBUG, SqlState.UNDEFINED_FUNCTION.equals(e.getSQLState())
                ? "the server has no yb_servers(): not a YugabyteDB cluster; connecting without load balancing"
                : "yb_servers() failed (" + e.getMessage() + "); connecting without load balancing");
    }

    private SQLException noServer(ClusterState cluster) {
        StringBuilder msg = new StringBuilder("no server of the cluster is available for load_balance=")
                .append(request.mode().label());
        String keys = config.get(Options.TOPOLOGY_KEYS);
        if (keys != null && !keys.isEmpty()) {
            msg.append(" with topology_keys=").append(keys);
            if (request.failsWhenNone() && !request.mode().label().startsWith("only")) {
                msg.append(" and fallback_to_topology_keys_only=true");
            }
        }
        msg.append("; servers listed by yb_servers():");
        for (var server : cluster.snapshot().servers()) {
            msg.append("\n  ").append(server.address()).append(':').append(server.entry().port())
                    .append(' ').append(server.entry().nodeType()).append(' ').append(server.entry().placement())
                    .append(server.downUntil() != null ? " (avoided after a failed connect)" : "");
        }
        for (String f : failures) msg.append("\n  tried: ").append(f.replace("\n", "\n    "));
        msg.append("\nrelax load_balance or topology_keys, or wait for the servers to come back");
        SQLException e = SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, msg.toString(),
                causes.isEmpty() ? null : causes.get(0));
        for (int i = 1; i < causes.size(); i++) e.addSuppressed(causes.get(i));
        return e;
    }
}
