package io.ysql.internal.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketOption;
import jdk.net.ExtendedSocketOptions;

/**
 * Sets the TCP keep-alive timers ({@code TCP_KEEPIDLE}, {@code TCP_KEEPINTERVAL},
 * {@code TCP_KEEPCOUNT} of {@code jdk.net}) on a socket. A timer the platform does not support is
 * skipped with a DEBUG log; libpq likewise applies only what the platform has.
 */
final class KeepaliveOptions {
    private static final System.Logger LOG = System.getLogger("io.ysql.internal.transport");

    private KeepaliveOptions() {}

    static void apply(Socket socket, Integer idle, Integer interval, Integer count) throws IOException {
        set(socket, ExtendedSocketOptions.TCP_KEEPIDLE, idle, "keepalives_idle");
        set(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, interval, "keepalives_interval");
        set(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, count, "keepalives_count");
    }

    private static void set(Socket socket, SocketOption<Integer> option, Integer value, String key) throws IOException {
        if (value == null || value == 0) return; // 0 means the system default, as in libpq
        if (!socket.supportedOptions().contains(option)) {
            LOG.log(Level.DEBUG, "{0} is not applied: this platform has no socket option {1}", key, option.name());
            return;
        }
        socket.setOption(option, value);
    }
}
