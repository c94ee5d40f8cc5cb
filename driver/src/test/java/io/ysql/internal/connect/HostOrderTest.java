package io.ysql.internal.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.config.ConfigSources;
import io.ysql.config.ConnectionConfig;
import io.ysql.internal.cluster.ClusterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Host order against ports where nothing listens (each refusal is immediate): in order by default,
 * shuffled with load_balance_hosts=random; the error names every host tried.
 */
class HostOrderTest {
    private static final Pattern PORT = Pattern.compile("port (\\d+)");

    private static List<Integer> freePorts(int n) throws IOException {
        Integer[] ports = new Integer[n];
        for (int i = 0; i < n; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports[i] = s.getLocalPort();
            }
        }
        return List.of(ports);
    }

    private static List<Integer> triedOrder(String conninfo, List<Integer> ports) throws SQLException {
        ConnectionConfig config = ConnectionConfig.parse(conninfo, null, ConfigSources.none());
        SQLException e = catchThrowableOfType(() -> Connector.system().connect(config, oid -> false,
                ClusterRegistry.system()), SQLException.class);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).startsWith("could not connect to any of the 3 hosts:");
        Matcher m = PORT.matcher(e.getMessage());
        List<Integer> order = new java.util.ArrayList<>();
        while (m.find()) {
            int p = Integer.parseInt(m.group(1));
            if (ports.contains(p) && !order.contains(p)) order.add(p);
        }
        return order;
    }

    private static String hosts(List<Integer> ports) {
        return "host=127.0.0.1,127.0.0.1,127.0.0.1 port=" + ports.get(0) + "," + ports.get(1) + "," + ports.get(2)
                + " sslmode=disable connect_timeout=5";
    }

    @Test
    void hostsAreTriedInOrderAndAllNamed() throws Exception {
        List<Integer> ports = freePorts(3);
        for (int i = 0; i < 3; i++) assertThat(triedOrder(hosts(ports), ports)).isEqualTo(ports);
    }

    @Test
    void loadBalanceHostsRandomShufflesThem() throws Exception {
        List<Integer> ports = freePorts(3);
        Set<List<Integer>> orders = new HashSet<>();
        for (int i = 0; i < 40 && orders.size() < 3; i++) {
            List<Integer> order = triedOrder(hosts(ports) + " load_balance_hosts=random", ports);
            assertThat(order).containsExactlyInAnyOrderElementsOf(ports);
            orders.add(order);
        }
        assertThat(orders).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void loadBalanceWithNoReachableHostFailsNamingThem() throws Exception {
        List<Integer> ports = freePorts(3);
        assertThat(triedOrder(hosts(ports) + " load_balance=true", ports)).isEqualTo(ports);
    }
}
