package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.ClusterInfo;
import io.ysql.ClusterServer;
import io.ysql.YsqlConnection;
import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.YbNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Opens connections through some connection form, tells which node each landed on (the server's
 * own {@code inet_server_addr()}), and closes them all; the expected spreads are checked against
 * the nodes' {@code pg_stat_activity} (the server is the oracle) and against the driver's
 * {@link ClusterInfo}.
 */
final class Spread implements AutoCloseable {
    /** Opens one connection. */
    @FunctionalInterface
    interface Source {
        Connection open() throws SQLException;
    }

    private final List<Connection> connections = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();

    /** Opens {@code n} connections, one after the other. */
    static Spread open(int n, Source source) throws SQLException {
        Spread spread = new Spread();
        try {
            spread.add(n, source);
        } catch (SQLException | RuntimeException e) {
            spread.close();
            throw e;
        }
        return spread;
    }

    /** Opens {@code n} more connections. */
    Spread add(int n, Source source) throws SQLException {
        for (int i = 0; i < n; i++) {
            Connection c = source.open();
            connections.add(c);
            hosts.add(serverHost(c));
        }
        return this;
    }

    List<Connection> connections() { return List.copyOf(connections); }

    /** Per node address, how many of these connections landed there. */
    Map<String, Long> byHost() {
        return hosts.stream().collect(Collectors.groupingBy(h -> h, LinkedHashMap::new, Collectors.counting()));
    }

    long on(String host) {
        return hosts.stream().filter(host::equals).count();
    }

    /** Closes the connections that landed on {@code host}, ignoring errors of dead ones; returns how many. */
    int closeOn(String host) {
        int closed = 0;
        for (int i = connections.size() - 1; i >= 0; i--) {
            if (!hosts.get(i).equals(host)) continue;
            quietlyClose(connections.remove(i));
            hosts.remove(i);
            closed++;
        }
        return closed;
    }

    @Override
    public void close() {
        connections.forEach(Spread::quietlyClose);
        connections.clear();
        hosts.clear();
    }

    static String serverHost(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT host(inet_server_addr())")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** The driver's view of the cluster this connection was balanced over. */
    static ClusterInfo clusterInfo(Connection c) throws SQLException {
        return c.unwrap(YsqlConnection.class).clusterInfo()
                .orElseThrow(() -> new AssertionError("the connection was not load-balanced"));
    }

    /** The driver's per-server counts, by host, for the servers that have any. */
    static Map<String, Integer> driverCounts(ClusterInfo info) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ClusterServer server : info.servers()) counts.put(server.host(), server.connections());
        return counts;
    }

    /** A data source with its own load-balancing state, pointed at {@code nodes}, with the cluster's login. */
    static YsqlDataSource dataSource(FakeYugabyteCluster cluster, List<YbNode> nodes) {
        YsqlDataSource ds = new YsqlDataSource();
        ds.setServerName(nodes.stream().map(YbNode::host).collect(Collectors.joining(",")));
        ds.setPortNumber(cluster.port());
        ds.setDatabaseName(cluster.database());
        ds.setUser(cluster.user());
        ds.setPassword(cluster.password());
        ds.setConnectTimeout(10);
        return ds;
    }

    /** A data source with {@code load_balance=true} whose URL names one node; the driver discovers the others. */
    static YsqlDataSource loadBalanced(FakeYugabyteCluster cluster, YbNode urlHost) {
        YsqlDataSource ds = dataSource(cluster, List.of(urlHost));
        ds.setLoadBalance("true");
        return ds;
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // a connection to a stopped node may fail to say goodbye; it is closed all the same
        }
    }
}
