package io.ysql.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Transport.connect reports the DNS answer and each TCP connect, good or refused, to its observer. */
class TransportObserverTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ConnectObserver observer = new ConnectObserver() {
        @Override
        public void resolved(String host, String address, List<InetAddress> addresses, Duration took) {
            seen.add("resolved " + address + " " + addresses.stream().map(InetAddress::getHostAddress).toList());
        }

        @Override
        public void unresolved(String host, String address, Duration took) {
            seen.add("unresolved " + address);
        }

        @Override
        public void tcpConnected(String host, InetAddress address, int port, Duration took) {
            seen.add("connected " + address.getHostAddress());
        }

        @Override
        public void tcpFailed(String host, InetAddress address, int port, boolean timedOut, String reason,
                              Duration took) {
            seen.add("failed " + address.getHostAddress() + " timedOut=" + timedOut + " " + reason);
        }
    };

    @Test
    void aListeningPortIsReportedConnected() throws IOException, SQLException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Transport t = Transport.connect("127.0.0.1", "127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5),
                     observer)) {
            assertThat(t.port()).isEqualTo(server.getLocalPort());
        }
        assertThat(seen).containsExactly("resolved 127.0.0.1 [127.0.0.1]", "connected 127.0.0.1");
    }

    @Test
    void aClosedPortIsReportedRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> Transport.connect("127.0.0.1", "127.0.0.1", port, Duration.ofSeconds(5), observer))
                .isInstanceOf(SQLException.class);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).startsWith("failed 127.0.0.1 timedOut=false ").containsIgnoringCase("refused");
    }

    @Test
    void anUnknownHostIsReportedUnresolved() {
        assertThatThrownBy(() -> Transport.connect("no-such-host.invalid", "no-such-host.invalid", 5433,
                Duration.ofSeconds(5), observer)).isInstanceOf(SQLException.class);
        assertThat(seen).containsExactly("unresolved no-such-host.invalid");
    }
}
