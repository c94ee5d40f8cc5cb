package io.ysql.internal.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Counts the bytes of a transfer and shows them on stderr as one {@code \r}-updated line, at most
 * once a second ({@code 12.5 MB, 4.2 MB/s}), then the final count and a newline when the transfer
 * ends. A meter is shown when {@code --progress} is given or stderr is a terminal; otherwise it only
 * counts. The streams it wraps are used by one thread, the copy's.
 */
final class Progress {
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream err;
    private final boolean shown;
    private final long start = System.nanoTime();
    private long bytes;
    private long lastShown = start;
    private boolean finished;

    private Progress(PrintStream err, boolean shown) {
        this.err = err;
        this.shown = shown;
    }

    /** A meter that writes to {@code err} when {@code asked} or when the process has a terminal. */
    static Progress on(PrintStream err, boolean asked) {
        return new Progress(err, asked || System.console() != null);
    }

    /** The bytes transferred so far. */
    long bytes() {
        return bytes;
    }

    /** {@code in}, counted. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) add(1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) add(n);
                return n;
            }
        };
    }

    /** {@code out}, counted. */
    OutputStream counting(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                add(1);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                out.write(buf, off, len);
                add(len);
            }
        };
    }

    /** Ends the line: the final count and a newline (once; nothing when not shown). */
    void finish() {
        if (finished) return;
        finished = true;
        if (!shown) return;
        err.print(line(System.nanoTime()));
        err.println();
        err.flush();
    }

    private void add(long n) {
        bytes += n;
        if (!shown) return;
        long now = System.nanoTime();
        if (now - lastShown >= INTERVAL_NANOS) {
            lastShown = now;
            err.print(line(now));
            err.flush();
        }
    }

    private String line(long now) {
        double seconds = Math.max(now - start, 1) / 1e9;
        return String.format(Locale.ROOT, "\r%s, %.1f MB/s   ", size(bytes), bytes / 1e6 / seconds);
    }

    /** {@code 512 bytes}, {@code 12.5 MB}. */
    static String size(long bytes) {
        return bytes < 1_000_000 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
