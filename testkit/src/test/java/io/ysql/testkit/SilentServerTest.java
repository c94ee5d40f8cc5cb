package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class SilentServerTest {

    @Test
    void acceptsAndNeverAnswers() throws IOException, InterruptedException {
        try (SilentServer server = SilentServer.start(); Socket client = new Socket()) {
            assertThat(server.host()).isEqualTo("127.0.0.1");
            client.connect(new InetSocketAddress(server.host(), server.port()), 5_000);
            client.getOutputStream().write(new byte[] {0, 0, 0, 8, 4, (byte) 0xd2, 0x16, 0x2f});
            client.setSoTimeout(200);
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            for (int i = 0; i < 200 && server.acceptedCount() == 0; i++) Thread.sleep(25);
            assertThat(server.acceptedCount()).isEqualTo(1);
        }
    }

    @Test
    void closeReleasesThePortAndTheConnections() throws IOException {
        SilentServer server = SilentServer.start();
        int port = server.port();
        Socket client = new Socket("127.0.0.1", port);
        server.close();
        client.setSoTimeout(10_000);
        assertThat(readOrReset(client)).isEqualTo(-1);
        server.close();
        client.close();
        // another process on a busy machine may take the freed port at once: a refusal on any of a
        // few fresh servers shows that close releases the port
        boolean refused = false;
        for (int attempt = 0; attempt < 5 && !refused; attempt++) {
            SilentServer other = SilentServer.start();
            int freed = other.port();
            other.close();
            try {
                new Socket("127.0.0.1", freed).close();
            } catch (ConnectException expected) {
                refused = true;
            }
        }
        assertThat(refused).as("a closed server's port refuses connections").isTrue();
    }

    @Test
    void freePortIsBindable() throws IOException {
        int port = SilentServer.freePort();
        assertThat(port).isBetween(1, 65_535);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    /** -1 for an orderly close; a reset counts as closed too. */
    private static int readOrReset(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
