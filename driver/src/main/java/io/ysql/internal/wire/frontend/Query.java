package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import java.util.Objects;

/**
 * Query ({@code 'Q'}): a simple-protocol query string, possibly several statements. The text may
 * hold a secret (ALTER ROLE ... PASSWORD), so {@link #toString} shows only its length.
 */
public record Query(String sql) implements FrontendMessage {
    public static final byte TAG = 'Q';

    public Query {
        Objects.requireNonNull(sql, "sql");
    }

    public static Query decode(ByteReader r) {
        return new Query(r.readCString());
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] s = Framing.cstring(sql);
        Framing.writeHeader(w, TAG, s.length + 1L);
        Framing.writeCString(w, s);
    }

    @Override
    public String toString() { return "Query[" + sql.length() + " chars]"; }
}
