package io.ysql.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.FaultProxy.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private EchoServer echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = FaultProxy.start("127.0.0.1", echo.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWaysAndCounts() throws IOException {
        try (Socket s = connect()) {
            send(s, "hello");
            assertThat(read(s, 5)).isEqualTo("hello");
            FaultLink link = proxy.awaitLinks(1, WAIT);
            assertThat(link.forwarded(Direction.TO_SERVER)).isEqualTo(5);
            assertThat(link.forwarded(Direction.TO_CLIENT)).isEqualTo(5);
            assertThat(echo.received()).isEqualTo("hello");
        }
    }

    @Test
    void cutResetsTheClient() throws IOException {
        try (Socket s = connect()) {
            send(s, "a");
            read(s, 1);
            proxy.cut();
            assertThat(readUntilEnd(s)).isTrue();
            assertThat(proxy.lastLink().isCut()).isTrue();
        }
    }

    @Test
    void stallHoldsBytesUntilResume() throws IOException {
        try (Socket s = connect()) {
            proxy.awaitLinks(1, WAIT);
            proxy.stall();
            send(s, "held");
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.lastLink().isCut()).isFalse();
            proxy.resume();
            s.setSoTimeout((int) WAIT.toMillis());
            assertThat(read(s, 4)).isEqualTo("held");
        }
    }

    @Test
    void stallAppliesToLaterConnectionsToo() throws IOException {
        proxy.stall();
        try (Socket s = connect()) {
            send(s, "x");
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.resume();
            s.setSoTimeout((int) WAIT.toMillis());
            assertThat(read(s, 1)).isEqualTo("x");
        }
    }

    @Test
    void slowDeliversEveryByteInOrder() throws IOException {
        try (Socket s = connect()) {
            proxy.awaitLinks(1, WAIT);
            proxy.slow(2_000);
            String text = "0123456789".repeat(20);
            send(s, text);
            assertThat(read(s, text.length())).isEqualTo(text);
        }
    }

    @Test
    void corruptFlipsTheByteAtAnOffset() throws IOException {
        proxy.corrupt(Direction.TO_SERVER, 2);
        try (Socket s = connect()) {
            send(s, "abcd");
            byte[] back = read(s, 4).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(back[2]).isEqualTo((byte) ~'c');
            assertThat(new String(back, 0, 2, US_ASCII)).isEqualTo("ab");
            assertThat((char) back[3]).isEqualTo('d');
        }
    }

    @Test
    void corruptReplacesAPattern() throws IOException {
        try (Socket s = connect()) {
            proxy.awaitLinks(1, WAIT);
            proxy.lastLink().corrupt(Direction.TO_CLIENT, bytes("secret"), bytes("XXXXXX"));
            send(s, "my secret here");
            assertThat(read(s, 14)).isEqualTo("my XXXXXX here");
            assertThat(echo.received()).isEqualTo("my secret here");
        }
    }

    @Test
    void halfCloseEndsOneDirection() throws IOException {
        try (Socket s = connect()) {
            proxy.awaitLinks(1, WAIT).halfClose(Direction.TO_CLIENT);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            send(s, "still");
            echo.awaitReceived("still");
        }
    }

    /** The pattern is never forwarded, whether it comes in one read or split over two. */
    @ParameterizedTest
    @CsvSource({"BEGIN, COMMIT", "xxCOM, MITyy"})
    void cutAtAPatternNeverForwardsIt(String before, String rest) throws IOException {
        proxy.cutAt(Direction.TO_SERVER, bytes("COMMIT"));
        try (Socket s = connect()) {
            send(s, before);
            assertThat(read(s, 5)).isEqualTo(before);
            send(s, rest);
            assertThat(readUntilEnd(s)).isTrue();
            assertThat(echo.received()).isEqualTo(before);
        }
    }

    @Test
    void cutAfterBytesForwardsExactlyThatMany() throws IOException {
        proxy.cutAfterBytes(Direction.TO_SERVER, 3);
        try (Socket s = connect()) {
            send(s, "abcdef");
            assertThat(readUntilEnd(s)).isTrue();
            echo.awaitReceived("abc");
            assertThat(echo.received()).isEqualTo("abc");
        }
    }

    @Test
    void loseAnswerToForwardsTheRequestAndDropsTheAnswer() throws IOException {
        proxy.loseAnswerTo(bytes("COMMIT"));
        try (Socket s = connect()) {
            send(s, "COMMIT");
            assertThat(readUntilEnd(s)).isTrue();
            assertThat(echo.received()).isEqualTo("COMMIT");
            assertThat(proxy.lastLink().forwarded(Direction.TO_CLIENT)).isZero();
        }
    }

    @Test
    void closeReleasesThePortAndEndsTheLinks() throws IOException {
        Socket s = connect();
        send(s, "a");
        read(s, 1);
        int port = proxy.port();
        proxy.close();
        assertThat(readUntilEnd(s)).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        proxy.close();
        s.close();
    }

    @Test
    void aDownTargetEndsTheClientConnection() throws IOException {
        // port 0 refuses every connection; a port just closed could be taken by another process meanwhile
        try (FaultProxy down = FaultProxy.start("127.0.0.1", 0);
             Socket s = new Socket(down.host(), down.port())) {
            assertThat(readUntilEnd(s)).isTrue();
            assertThat(down.links()).isEmpty();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(proxy.host(), proxy.port());
        s.setSoTimeout((int) WAIT.toMillis());
        return s;
    }

    private static byte[] bytes(String s) { return s.getBytes(US_ASCII); }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(bytes(text));
        s.getOutputStream().flush();
    }

    private static String read(Socket s, int n) throws IOException {
        byte[] b = s.getInputStream().readNBytes(n);
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** True when the stream ends or is reset before {@link #WAIT}; the bytes before the end are skipped. */
    private static boolean readUntilEnd(Socket s) throws IOException {
        s.setSoTimeout((int) WAIT.toMillis());
        try {
            InputStream in = s.getInputStream();
            while (in.read() >= 0) { /* drain */ }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Echoes every byte back and remembers what it received, on daemon threads. */
    private static final class EchoServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final LinkedBlockingQueue<Integer> arrivals = new LinkedBlockingQueue<>();

        EchoServer() throws IOException {
            Thread t = new Thread(this::accept, "echo");
            t.setDaemon(true);
            t.start();
        }

        int port() { return listener.getLocalPort(); }

        private void accept() {
            try {
                while (true) {
                    Socket s = listener.accept();
                    Thread t = new Thread(() -> echo(s), "echo-conn");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                // done
            }
        }

        private void echo(Socket s) {
            try (s) {
                byte[] buf = new byte[4096];
                for (int n; (n = s.getInputStream().read(buf)) >= 0; ) {
                    record(buf, n);
                    s.getOutputStream().write(buf, 0, n);
                }
            } catch (IOException e) {
                // reset by the proxy
            }
        }

        private void record(byte[] buf, int n) {
            received.write(buf, 0, n);
            arrivals.add(n);
        }

        String received() { return received.toString(java.nio.charset.StandardCharsets.ISO_8859_1); }

        void awaitReceived(String text) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!received().equals(text) && System.nanoTime() < deadline) {
                try {
                    arrivals.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            assertThat(received()).isEqualTo(text);
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
