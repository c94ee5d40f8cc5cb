package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Arrays;

/**
 * ParameterDescription ({@code 't'}): the type OID of each parameter of a described statement. The
 * count is an unsigned int16, as statements may have up to 65535 parameters. The array is copied in
 * and out.
 */
public record ParameterDescription(int[] typeOids) implements BackendMessage {
    public static final byte TAG = 't';
    public static final int MAX_PARAMETERS = 0xFFFF;

    public ParameterDescription {
        typeOids = typeOids.clone();
        if (typeOids.length > MAX_PARAMETERS) throw new IllegalArgumentException("too many parameters: " + typeOids.length);
    }

    public static ParameterDescription decode(ByteReader r) {
        int[] oids = new int[r.readShort() & 0xFFFF];
        for (int i = 0; i < oids.length; i++) oids[i] = r.readInt();
        return new ParameterDescription(oids);
    }

    @Override
    public int[] typeOids() { return typeOids.clone(); }

    public int count() { return typeOids.length; }

    /** The type OID of parameter {@code i}, 0-based. */
    public int typeOid(int i) { return typeOids[i]; }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, 2 + 4L * typeOids.length);
        w.writeShort(typeOids.length);
        for (int oid : typeOids) w.writeInt(oid);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterDescription p && Arrays.equals(typeOids, p.typeOids);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(typeOids); }

    @Override
    public String toString() { return "ParameterDescription" + Arrays.toString(typeOids); }
}
