package io.ysql.internal.transport;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.frontend.CancelRequest;
import io.ysql.internal.wire.frontend.SSLRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The only place that touches sockets: connects to one host (every address it resolves to, in
 * order, within the connect timeout), negotiates TLS with an SSLRequest, and exposes the framed
 * {@link MessageReader} and {@link MessageWriter} for the session. Also sends CancelRequests on a
 * connection of their own, negotiated as this one was (TLS or not, the same way), and applies the
 * TCP keep-alive settings.
 */
public final class Transport implements AutoCloseable {
    /** The largest default cap on a single backend message (1 GiB of data plus framing). */
    public static final int MAX_MESSAGE_LENGTH = (1 << 30) + (1 << 20);
    /** Cap before authentication completes: an unauthenticated peer gets little room. */
    public static final int MAX_STARTUP_MESSAGE_LENGTH = 1 << 20;

    private final String host;
    private final int port;
    private Socket socket;
    private MessageReader reader;
    private MessageWriter writer;
    private boolean tls;
    private boolean sslRequested;
    private TlsUpgrade upgrade;
    private Socket tcp;
    private int readTimeoutMillis = -1;
    private int maxMessageLength = defaultMaxMessageLength();
    private final WriteWatchdog watchdog = new WriteWatchdog(() -> closeQuietly(socket));
    private Duration writeTimeout = Duration.ZERO;

    private Transport(String host, int port, Socket socket) throws IOException {
        this.host = host;
        this.port = port;
        attach(socket);
    }

    /**
     * Opens a TCP connection to {@code host:port}, trying each resolved address in turn until the
     * deadline. {@code Duration.ZERO} means no timeout.
     */
    public static Transport connect(String host, int port, Duration timeout) throws SQLException {
        return connect(host, host, port, timeout);
    }

    /**
     * Opens a TCP connection to {@code address} (libpq's hostaddr) while naming the server
     * {@code host} in messages and in {@link #host()}.
     */
    public static Transport connect(String host, String address, int port, Duration timeout) throws SQLException {
        return connect(host, address, port, timeout, ConnectObserver.NONE);
    }

    /** {@link #connect(String, String, int, Duration)} reporting the DNS answer and each TCP connect to {@code observer}. */
    public static Transport connect(String host, String address, int port, Duration timeout, ConnectObserver observer)
            throws SQLException {
        long started = System.nanoTime();
        long deadline = timeout.isZero() ? 0 : started + timeout.toNanos();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(address);
            observer.resolved(host, address, List.of(addresses), since(started));
        } catch (UnknownHostException e) {
            observer.unresolved(host, address, since(started));
            throw SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
                    "could not translate host name \"" + address + "\" to address: unknown host; check the host option", e);
        }
        List<String> failures = new ArrayList<>();
        IOException last = null;
        for (InetAddress candidate : addresses) {
            Socket s = new Socket();
            long tcpStarted = System.nanoTime();
            try {
                int millis = 0;
                if (deadline != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) throw new SocketTimeoutException("timeout expired");
                    millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
                }
                s.setTcpNoDelay(true);
                s.setKeepAlive(true);
                s.connect(new InetSocketAddress(candidate, port), millis);
                // the SSL answer and the TLS handshake come before the startup flow sets its own timeout
                s.setSoTimeout(millis);
                observer.tcpConnected(host, candidate, port, since(tcpStarted));
                return new Transport(host, port, s);
            } catch (IOException e) {
                closeQuietly(s);
                observer.tcpFailed(host, candidate, port, e instanceof SocketTimeoutException, reason(e), since(tcpStarted));
                last = e;
                failures.add(describe(host, candidate, port) + " failed: " + reason(e));
                if (e instanceof SocketTimeoutException) break;
            }
        }
        String hint = last instanceof SocketTimeoutException
                ? "\nThe server did not answer within connect_timeout; check the host and port, or raise connect_timeout."
                : "\nIs the server running on that host and accepting TCP/IP connections?";
        throw SqlExceptions.of(SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION, String.join("\n", failures) + hint, last);
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static String describe(String host, InetAddress address, int port) {
        String ip = address.getHostAddress();
        return host.equals(ip)
                ? "connection to server at \"" + host + "\", port " + port
                : "connection to server at \"" + host + "\" (" + ip + "), port " + port;
    }

    private static String reason(IOException e) {
        if (e instanceof SocketTimeoutException) return "timeout expired";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private void attach(Socket s) throws IOException {
        if (tcp == null) tcp = s;
        this.socket = s;
        this.readTimeoutMillis = -1;
        this.reader = new MessageReader(s.getInputStream(), Math.min(MAX_STARTUP_MESSAGE_LENGTH, maxMessageLength));
        // no buffering stream: the writer sends whole requests, and a buffer it cannot wipe would keep passwords
        this.writer = new MessageWriter(s.getOutputStream(), watchdog);
        writer.timeout(writeTimeout);
    }

    /**
     * Sends an SSLRequest and reads the one-byte answer: {@code true} for 'S' (the caller must now
     * call {@link #startTls}), {@code false} for 'N'.
     */
    public boolean requestTls() throws SQLException {
        try {
            ByteWriter w = new ByteWriter(8);
            SSLRequest.INSTANCE.encode(w);
            writer.writeRaw(w.toByteArray());
            InputStream raw = socket.getInputStream();
            int answer = raw.read();
            switch (answer) {
                case 'S' -> {
                    if (raw.available() > 0) {
                        // CVE-2021-23222: bytes after 'S' were not protected by TLS; never process them.
                        throw SqlExceptions.of(SqlState.PROTOCOL_VIOLATION,
                                "received unencrypted data after SSL response; the connection is not safe and was closed");
                    }
                    sslRequested = true;
                    return true;
                }
                case 'N' -> { return false; }
                case 'E' -> throw SqlExceptions.of(SqlState.PROTOCOL_VIOLATION,
                        "the server answered the SSL request with an error; its text is not shown because it came "
                                + "before the server was authenticated (a very old server, or not PostgreSQL at this address)");
                case -1 -> throw SqlExceptions.of(SqlState.CONNECTION_FAILURE,
                        "the server closed the connection while negotiating SSL");
                default -> throw SqlExceptions.of(SqlState.PROTOCOL_VIOLATION,
                        "invalid answer to the SSL request (byte " + answer + "); is this a PostgreSQL server?");
            }
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** Replaces the plain socket with a TLS one; {@code upgrade} does the handshake. */
    public void startTls(TlsUpgrade upgrade) throws SQLException {
        try {
            Socket secured = upgrade.upgrade(socket, host, port);
            attach(secured);
            tls = true;
            this.upgrade = upgrade;
        } catch (IOException e) {
            throw SqlExceptions.of(SqlState.CONNECTION_FAILURE, "SSL handshake with " + host + ":" + port + " failed: "
                    + reason(e), e);
        }
    }

    /** Performs a TLS handshake over an established socket; reports its own failures as SQLExceptions. */
    @FunctionalInterface
    public interface TlsUpgrade {
        Socket upgrade(Socket plain, String host, int port) throws IOException, SQLException;
    }

    /**
     * The default cap on one backend message when {@code max_message_size} is not set: the smaller
     * of {@link #MAX_MESSAGE_LENGTH} and a quarter of the heap this JVM may grow to, so that a
     * peer announcing a huge length is refused long before it could exhaust the heap.
     */
    public static int defaultMaxMessageLength() {
        return (int) Math.max(MAX_STARTUP_MESSAGE_LENGTH, Math.min(MAX_MESSAGE_LENGTH, Runtime.getRuntime().maxMemory() / 4));
    }

    /**
     * Sets the cap on one backend message once the session is authenticated ({@code
     * max_message_size}); before that, at most {@link #MAX_STARTUP_MESSAGE_LENGTH} and never more than
     * this cap.
     */
    public void maxMessageLength(int bytes) {
        if (bytes < 5) throw new IllegalArgumentException("max_message_size must be at least 5 bytes, not " + bytes);
        maxMessageLength = bytes;
        reader.lowerStartupLimit(bytes);
    }

    /** The cap on one backend message once the session is authenticated. */
    public int maxMessageLength() { return maxMessageLength; }

    public boolean isTls() { return tls; }
    public Socket socket() { return socket; }
    public String host() { return host; }
    public int port() { return port; }
    public MessageReader reader() { return reader; }
    public MessageWriter writer() { return writer; }

    /** Read timeout for the next reads; {@code Duration.ZERO} waits forever. */
    public void readTimeout(Duration timeout) throws SQLException {
        int millis = timeout.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (millis == readTimeoutMillis) return;
        try {
            socket.setSoTimeout(millis);
            readTimeoutMillis = millis;
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /**
     * How long a write may make no progress (the server takes no data) before the socket is closed
     * and the write fails as timed out; {@code Duration.ZERO} waits forever. The session sets its
     * network timeout (socket_timeout) here, so a stalled network fails a write as it fails a read.
     */
    public void writeTimeout(Duration timeout) {
        writeTimeout = timeout;
        writer.timeout(timeout);
    }

    /** Maps an I/O failure on this connection to SQLSTATE 08006. */
    public SQLException ioFailure(IOException e) {
        String why = e instanceof SocketTimeoutException ? "timeout expired" : reason(e);
        return SqlExceptions.of(SqlState.CONNECTION_FAILURE,
                "connection to " + host + ":" + port + " lost: " + why, e);
    }

    @Override
    public void close() {
        closeQuietly(socket);
        watchdog.stop();
    }

    /**
     * Asks the server to cancel whatever the session {@code processId} is running, on a new
     * connection to the address this one is connected to, as the protocol requires: with TLS
     * negotiated the same way (SSLRequest or direct, same trust and keys) when this connection
     * uses TLS. Returns once the server closed the cancel connection (it has then signalled the
     * backend), at most {@code timeout} after the call; {@code Duration.ZERO} means 10 seconds.
     */
    public void sendCancel(int processId, int secretKey, Duration timeout) throws SQLException {
        Duration limit = timeout.isZero() ? Duration.ofSeconds(10) : timeout;
        long deadline = System.nanoTime() + limit.toNanos();
        // to the very address this session is connected to, whatever the host name resolves to now
        String address = socket.getInetAddress().getHostAddress();
        try (Transport t = connect(host, address, port, limit)) {
            if (tls) {
                if (sslRequested && !t.requestTls()) {
                    throw SqlExceptions.of(SqlState.CONNECTION_FAILURE, "could not send the cancel request: the server "
                            + "refused TLS on the cancel connection");
                }
                t.startTls(upgrade);
            }
            ByteWriter w = new ByteWriter(16);
            new CancelRequest(processId, secretKey).encode(w);
            t.writer.writeRaw(w.toByteArray());
            t.awaitClose(deadline, limit);
        } catch (IOException e) {
            throw SqlExceptions.of(SqlState.CONNECTION_FAILURE, "could not send the cancel request: " + reason(e), e);
        }
    }

    /** Waits for the server to close this (cancel) connection; a reset or TLS alert counts as closed. */
    private void awaitClose(long deadline, Duration limit) throws SQLException {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new SocketTimeoutException();
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
                if (in.read() < 0) return;
            }
        } catch (SocketTimeoutException e) {
            throw SqlExceptions.of(SqlState.CONNECTION_FAILURE, "the cancel request was sent, but the server did not "
                    + "close the cancel connection within " + limit.toMillis() + " ms (cancelSignalTimeout); the statement "
                    + "may or may not be canceled", e);
        } catch (IOException closed) {
            // the server closed the connection abruptly: the request was read
        }
    }

    /**
     * Applies libpq's keep-alive settings to the TCP socket: {@code keepalives} off disables
     * SO_KEEPALIVE; the idle time, interval and count (seconds, seconds, probes; null for the
     * system's default) are set where the platform supports them.
     */
    public void keepalives(boolean on, Integer idle, Integer interval, Integer count) throws SQLException {
        try {
            tcp.setKeepAlive(on);
            if (on) KeepaliveOptions.apply(tcp, idle, interval, count);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
