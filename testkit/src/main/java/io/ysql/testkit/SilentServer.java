package io.ysql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP server on 127.0.0.1 that accepts every connection and never sends a byte, holding the
 * sockets open until it is closed: the peer a client's connect or read timeout must give up on.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor;
    private boolean closed;

    private SilentServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        this.acceptor = new Thread(this::acceptForever, "testkit-silent-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Binds a free port on 127.0.0.1 and starts accepting. */
    public static SilentServer start() {
        try {
            SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getByName(Loopback.IPV4)));
            server.acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a silent server on " + Loopback.IPV4, e);
        }
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago; another process may take it since. */
    public static int freePort() {
        return Loopback.freePort();
    }

    public String host() { return Loopback.IPV4; }
    public int port() { return serverSocket.getLocalPort(); }

    /** How many connections were accepted so far. */
    public synchronized int acceptedCount() { return accepted.size(); }

    private void acceptForever() {
        while (true) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            synchronized (this) {
                if (closed) {
                    closeQuietly(socket);
                    return;
                }
                accepted.add(socket);
            }
        }
    }

    /** Stops accepting and closes every accepted socket. */
    @Override
    public void close() {
        List<Socket> toClose;
        synchronized (this) {
            if (closed) return;
            closed = true;
            toClose = List.copyOf(accepted);
            accepted.clear();
        }
        closeQuietly(serverSocket);
        toClose.forEach(SilentServer::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (SocketException e) {
            // Already closed by the peer.
        } catch (Exception e) {
            // Nothing to report for a socket that is going away.
        }
    }

    @Override
    public String toString() {
        return "SilentServer[" + host() + ":" + port() + "]";
    }
}
