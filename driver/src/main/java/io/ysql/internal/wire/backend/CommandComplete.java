package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Objects;

/**
 * CommandComplete ({@code 'C'}): a statement finished; {@code tag} is the command tag such as
 * {@code INSERT 0 5}, {@code UPDATE 3}, {@code SELECT 10} or {@code CREATE TABLE}.
 */
public record CommandComplete(String tag) implements BackendMessage {
    public static final byte TAG = 'C';
    private static final String[] COUNTING = {"SELECT", "INSERT", "UPDATE", "DELETE", "MOVE", "FETCH", "COPY", "MERGE"};

    public CommandComplete {
        Objects.requireNonNull(tag, "tag");
    }

    public static CommandComplete decode(ByteReader r) {
        return new CommandComplete(r.readCString());
    }

    /** The first word of the tag: {@code INSERT}, {@code SELECT}, {@code CREATE} ... */
    public String command() {
        int space = tag.indexOf(' ');
        return space < 0 ? tag : tag.substring(0, space);
    }

    /**
     * The number of rows the command processed: the last number of the tag for INSERT, UPDATE,
     * DELETE, SELECT, MOVE, FETCH, COPY and MERGE, or -1 when the tag carries none.
     */
    public long rowCount() {
        if (!countsRows()) return -1;
        int space = tag.lastIndexOf(' ');
        if (space < 0 || space == tag.length() - 1) return -1;
        long n = 0;
        for (int i = space + 1; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c < '0' || c > '9' || n > (Long.MAX_VALUE - 9) / 10) return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Whether the command is one whose tag ends with a row count; without cutting the tag apart. */
    private boolean countsRows() {
        for (String c : COUNTING) {
            if (tag.startsWith(c) && (tag.length() == c.length() || tag.charAt(c.length()) == ' ')) return true;
        }
        return false;
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] t = Framing.cstring(tag);
        Framing.writeHeader(w, TAG, t.length + 1L);
        Framing.writeCString(w, t);
    }
}
