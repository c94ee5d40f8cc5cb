package io.ysql.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a cluster's server log for error reports: the part written since a known offset (to see
 * why the last start failed) and the last lines (to put into an exception message).
 */
final class ServerLog {
    static final int TAIL_LINES = 40;
    private static final int MAX_BYTES = 64 * 1024;

    private ServerLog() {}

    /** The log's text from byte {@code offset} on (at most the last 64 KiB of it); empty when unreadable. */
    static String since(Path log, long offset) {
        if (!Files.exists(log)) return "";
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(offset, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) Math.max(0, file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@link #TAIL_LINES} lines of the log, or a note saying why there are none. */
    static String tail(Path log) {
        if (!Files.exists(log)) return "(no server log at " + log + ")";
        List<String> lines = since(log, 0).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
