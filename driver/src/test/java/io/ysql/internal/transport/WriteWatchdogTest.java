package io.ysql.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A write that makes no progress for the write timeout fails as timed out once the watchdog closes
 * the socket; a long write that keeps making progress is left alone; a stopped watchdog leaves no
 * thread.
 */
class WriteWatchdogTest {

    /** Blocks every write until {@link #close()}, as a socket whose peer reads nothing. */
    private static final class StalledStream extends OutputStream {
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                if (!closed.await(60, TimeUnit.SECONDS)) throw new AssertionError("the watchdog never fired");
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            throw new IOException("Socket closed");
        }

        @Override
        public void close() { closed.countDown(); }
    }

    @Test
    void aStalledWriteFailsAsTimedOut() throws Exception {
        StalledStream stream = new StalledStream();
        WriteWatchdog watchdog = new WriteWatchdog(stream::close);
        MessageWriter writer = new MessageWriter(stream, watchdog);
        writer.timeout(Duration.ofMillis(200));
        assertThatThrownBy(() -> writer.writeRaw(new byte[10])).isInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("write timed out");
        assertThat(watchdog.expired()).isTrue();
        watchdog.stop();
        assertThat(watchdogThreads()).isZero();
    }

    @Test
    void aLongWriteThatKeepsMovingIsNotCutOff() throws Exception {
        int[] written = {0};
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) { written[0]++; }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    Thread.sleep(20); // each slice takes a while, the whole write far longer than the timeout
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                written[0] += len;
            }
        };
        WriteWatchdog watchdog = new WriteWatchdog(() -> {
            throw new AssertionError("fired on a write that made progress");
        });
        MessageWriter writer = new MessageWriter(slow, watchdog);
        writer.timeout(Duration.ofMillis(400));
        writer.writeRaw(new byte[60 * MessageWriter.SLICE]);
        assertThat(written[0]).isEqualTo(60 * MessageWriter.SLICE);
        assertThat(watchdog.expired()).isFalse();
        watchdog.stop();
        assertThat(watchdogThreads()).isZero();
    }

    @Test
    void withoutATimeoutNoThreadStarts() throws Exception {
        WriteWatchdog watchdog = new WriteWatchdog(() -> { });
        MessageWriter writer = new MessageWriter(OutputStream.nullOutputStream(), watchdog);
        writer.writeRaw(new byte[100]);
        assertThat(watchdogThreads()).isZero();
    }

    private static long watchdogThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ysql-write-watchdog") && t.isAlive()).count();
    }
}
