package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import java.util.Arrays;
import java.util.Objects;

/**
 * Parse ({@code 'P'}): prepares {@code sql} as the statement {@code name} (empty for the unnamed
 * statement), with a type OID per parameter (0 leaves the type to the server; fewer OIDs than
 * parameters is allowed). The OID array is copied in and out. The SQL may hold a secret, so {@link
 * #toString} shows only its length.
 */
public record Parse(String name, String sql, int[] parameterTypeOids) implements FrontendMessage {
    public static final byte TAG = 'P';
    /** The int16 count is read unsigned by the server. */
    public static final int MAX_PARAMETERS = 0xFFFF;

    public Parse {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        parameterTypeOids = parameterTypeOids.clone();
        if (parameterTypeOids.length > MAX_PARAMETERS) {
            throw new IllegalArgumentException("too many parameter types: " + parameterTypeOids.length
                    + "; the protocol allows " + MAX_PARAMETERS);
        }
    }

    public static Parse decode(ByteReader r) {
        String name = r.readCString();
        String sql = r.readCString();
        int[] oids = new int[r.readShort() & 0xFFFF];
        for (int i = 0; i < oids.length; i++) oids[i] = r.readInt();
        return new Parse(name, sql, oids);
    }

    @Override
    public int[] parameterTypeOids() { return parameterTypeOids.clone(); }

    @Override
    public void encode(ByteWriter w) {
        byte[] n = Framing.cstring(name);
        byte[] s = Framing.cstring(sql);
        Framing.writeHeader(w, TAG, n.length + 1L + s.length + 1L + 2 + 4L * parameterTypeOids.length);
        Framing.writeCString(w, n);
        Framing.writeCString(w, s);
        w.writeShort(parameterTypeOids.length);
        for (int oid : parameterTypeOids) w.writeInt(oid);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parse p && name.equals(p.name) && sql.equals(p.sql)
                && Arrays.equals(parameterTypeOids, p.parameterTypeOids);
    }

    @Override
    public int hashCode() { return Objects.hash(name, sql, Arrays.hashCode(parameterTypeOids)); }

    @Override
    public String toString() {
        String oids = parameterTypeOids.length <= 16
                ? Arrays.toString(parameterTypeOids) : parameterTypeOids.length + " OIDs";
        return "Parse[name=" + name + ", sql=" + sql.length() + " chars, parameterTypeOids=" + oids + "]";
    }
}
