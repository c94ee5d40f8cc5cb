package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Facts about the machine's loopback interfaces, found by trying: whether {@code ::1} can be
 * bound, which TCP port is free now, whether something accepts connections on a port.
 */
final class Loopback {
    static final String IPV4 = "127.0.0.1";
    static final String IPV6 = "::1";

    private Loopback() {}

    /** Whether a socket can be bound on the IPv6 loopback address. */
    static boolean hasIpv6() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(IPV6))) {
            return socket.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago (another process may take it since). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(IPV4))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a free port on " + IPV4, e);
        }
    }

    /** Whether a TCP connection to host:port succeeds within the timeout. */
    static boolean accepts(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the host name resolves only to loopback or wildcard addresses. */
    static boolean isLocal(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()) return false;
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
