package io.ysql.testkit;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.FrontendDecoder;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.BackendKeyData;
import io.ysql.internal.wire.backend.ParameterStatus;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.frontend.PasswordMessage;
import io.ysql.internal.wire.frontend.SASLInitialResponse;
import io.ysql.internal.wire.frontend.SASLResponse;
import io.ysql.internal.wire.frontend.SSLRequest;
import io.ysql.internal.wire.frontend.StartupMessage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fake PostgreSQL server that exists only to play hostile and misbehaving peers in tests: wrong
 * SCRAM signatures, garbage after the SSL answer, malformed messages, sockets closed mid-result,
 * silence. It speaks through the driver's own wire records, listens on 127.0.0.1 on a free port,
 * and runs its {@link Script} once per accepted connection, each in a thread of its own. Everything
 * the client sends is recorded; once the script ends, the server keeps reading (and recording)
 * until the client closes its end, which tests observe with {@link #awaitClientClose}.
 */
public final class ScriptedServer implements AutoCloseable {
    /** How long one expected message may take to arrive, so that a script never waits forever. */
    private static final int READ_LIMIT_MILLIS = 30_000;

    private final ServerSocket serverSocket;
    private final Script script;
    private final List<FrontendMessage> received = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Semaphore clientCloses = new Semaphore(0);
    private boolean closed;

    private ScriptedServer(ServerSocket serverSocket, Script script) {
        this.serverSocket = serverSocket;
        this.script = script;
    }

    /** Binds a free port on 127.0.0.1 and starts accepting; every connection runs {@code script}. */
    public static ScriptedServer start(Script script) {
        try {
            ScriptedServer server = new ScriptedServer(new ServerSocket(0, 50, InetAddress.getByName(Loopback.IPV4)), script);
            server.spawn(server::acceptForever);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a scripted server on " + Loopback.IPV4, e);
        }
    }

    public String host() { return Loopback.IPV4; }
    public int port() { return serverSocket.getLocalPort(); }

    /** Every message the clients sent so far, in arrival order. */
    public synchronized List<FrontendMessage> received() { return List.copyOf(received); }

    /** The messages of one type the clients sent so far. */
    public synchronized <T extends FrontendMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** What went wrong in the scripts: an unexpected message, a client that left early, a timeout. */
    public synchronized List<Throwable> failures() { return List.copyOf(failures); }

    /** How many connections were accepted so far. */
    public synchronized int acceptedCount() { return sockets.size(); }

    /**
     * Waits until a client closed a connection (end of stream or reset), during or after its
     * script; false on timeout. A close before the script's end is also one of {@link #failures()}.
     */
    public boolean awaitClientClose(Duration timeout) throws InterruptedException {
        return clientCloses.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptForever() {
        try {
            while (true) {
                Socket socket = serverSocket.accept();
                synchronized (this) {
                    sockets.add(socket);
                    if (closed) closeQuietly(socket);
                }
                spawn(() -> converse(socket));
            }
        } catch (IOException e) {
            // the server socket was closed: stop accepting
        }
    }

    private void spawn(Runnable body) {
        Thread t = new Thread(body, "testkit-scripted-server-" + port());
        t.setDaemon(true);
        t.start();
    }

    private void converse(Socket socket) {
        boolean scripted = false;
        try (socket) {
            Peer peer = new Peer(socket);
            for (Step step : script.steps) step.run(peer);
            scripted = true;
            if (socket.isClosed()) return;
            socket.setSoTimeout(0);
            while (true) peer.read(FrontendMessage.class);
        } catch (EOFException | SocketException e) { // end of stream, or a reset: the client closed
            if (isClosed()) return;
            if (!scripted) fail(e); // recorded before the close is signalled, so a waiting test sees it
            clientCloses.release();
        } catch (Exception | AssertionError e) {
            if (!isClosed()) fail(e);
        }
    }

    private synchronized void fail(Throwable e) { failures.add(e); }

    private synchronized void record(FrontendMessage m) { received.add(m); }

    private synchronized boolean isClosed() { return closed; }

    /** Stops accepting and closes every connection, which ends the script threads. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closeQuietly(serverSocket);
        sockets.forEach(ScriptedServer::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try (c) { /* closing is all */ } catch (Exception ignored) { /* going away anyway */ }
    }

    /** One step of a script, run against the connection. */
    @FunctionalInterface
    interface Step {
        void run(Peer peer) throws Exception;
    }

    /** One accepted connection: framed reads that decode and record, whole writes. */
    final class Peer {
        private final Socket socket;
        private final DataInputStream in;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            socket.setSoTimeout(READ_LIMIT_MILLIS);
        }

        FrontendMessage readStartupPacket() throws IOException {
            int length = in.readInt();
            if (length < 8 || length > 10_000) throw new AssertionError("startup packet of length " + length);
            FrontendMessage m = FrontendDecoder.decodeStartup(in.readNBytes(length - 4));
            record(m);
            return m;
        }

        /** Reads and records one message of {@code type}; a 'p' message is reinterpreted as SASL when asked for. */
        <T extends FrontendMessage> T read(Class<T> type) throws IOException {
            int tag = in.read();
            if (tag < 0) throw new EOFException("the client closed the connection");
            int length = in.readInt();
            if (length < 4 || length > 1 << 24) throw new AssertionError("client message of length " + length);
            byte[] body = new byte[length - 4];
            in.readFully(body);
            FrontendMessage m = FrontendDecoder.decode((byte) tag, body, 0, body.length);
            if (m instanceof PasswordMessage p && type == SASLInitialResponse.class) m = SASLInitialResponse.decode(p.password());
            if (m instanceof PasswordMessage p && type == SASLResponse.class) m = SASLResponse.decode(p.password());
            record(m);
            if (!type.isInstance(m)) throw new AssertionError("expected " + type.getSimpleName() + ", received " + m);
            return type.cast(m);
        }

        /** Waits without consuming anything (up to 64 KiB are read ahead and put back); ends at a client close. */
        void idle(Duration duration) throws IOException {
            long deadline = System.nanoTime() + duration.toNanos();
            in.mark(1 << 16);
            try {
                for (long left = duration.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                    socket.setSoTimeout((int) left);
                    if (in.read() < 0) throw new EOFException("the client closed the connection");
                }
            } catch (SocketTimeoutException e) {
                // the time is up
            } finally {
                in.reset();
                socket.setSoTimeout(READ_LIMIT_MILLIS);
            }
        }

        void send(List<? extends BackendMessage> messages) throws IOException {
            ByteWriter w = new ByteWriter();
            messages.forEach(m -> m.encode(w));
            sendRaw(w.toByteArray());
        }

        void sendRaw(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    /**
     * The steps every connection runs, built fluently before the server starts:
     * {@code Script.create().expectStartup().authenticateOk().expect(Query.class).send(...)}.
     */
    public static final class Script {
        /** What follows AuthenticationOk from a PostgreSQL 15 server. */
        private static final List<BackendMessage> READY = List.of(new ParameterStatus("server_version", "15.0"),
                new ParameterStatus("server_encoding", "UTF8"), new ParameterStatus("client_encoding", "UTF8"),
                new ParameterStatus("DateStyle", "ISO, MDY"), new ParameterStatus("integer_datetimes", "on"),
                new ParameterStatus("standard_conforming_strings", "on"), new ParameterStatus("TimeZone", "UTC"),
                new BackendKeyData(4242, 0x5ec2e7), new ReadyForQuery(ReadyForQuery.IDLE));

        private final List<Step> steps = new ArrayList<>();

        private Script() {}

        public static Script create() { return new Script(); }

        /** Reads the startup packet, answering an SSLRequest with 'N' first; records the StartupMessage. */
        public Script expectStartup() { return expectStartup(new byte[] {'N'}); }

        /**
         * Reads the startup packet, answering an SSLRequest with {@code answer} in one write ('S' plus
         * garbage, 'E' plus an ErrorResponse …); only after an 'N' does it go on to read the StartupMessage.
         */
        public Script expectStartup(byte[] answer) {
            return step(peer -> {
                FrontendMessage first = peer.readStartupPacket();
                if (first instanceof SSLRequest) {
                    peer.sendRaw(answer);
                    if (answer.length == 0 || answer[0] != 'N') return;
                    first = peer.readStartupPacket();
                }
                if (!(first instanceof StartupMessage)) throw new AssertionError("expected StartupMessage, received " + first);
            });
        }

        /** Sends the messages in one write. */
        public Script send(BackendMessage... messages) { return step(peer -> peer.send(List.of(messages))); }

        /** Sends bytes as they are, framing or not. */
        public Script sendRaw(byte[] bytes) { return step(peer -> peer.sendRaw(bytes)); }

        /** Reads one message and fails the script unless it is a {@code type}. */
        public Script expect(Class<? extends FrontendMessage> type) { return step(peer -> peer.read(type)); }

        /** Closes the socket; the remaining steps should not touch it. */
        public Script closeConnection() { return step(peer -> peer.socket.close()); }

        /** Does nothing for a while, or until the server is closed; notices a client that closes meanwhile. */
        public Script sleep(Duration duration) { return step(peer -> peer.idle(duration)); }

        /** AuthenticationOk, a few ParameterStatus (server_version 15.0 …), BackendKeyData, ReadyForQuery 'I'. */
        public Script authenticateOk() {
            List<BackendMessage> all = new ArrayList<>(List.of(AuthenticationOk.INSTANCE));
            all.addAll(READY);
            return step(peer -> peer.send(all));
        }

        /** A real SCRAM-SHA-256 exchange for {@code password}, bent by {@code mutator}; then as {@link #authenticateOk}. */
        public Script scramServer(String password, ScriptedScram.Mutator mutator) {
            return step(peer -> ScriptedScram.play(peer, password, mutator, READY));
        }

        private Script step(Step s) {
            steps.add(s);
            return this;
        }
    }
}
