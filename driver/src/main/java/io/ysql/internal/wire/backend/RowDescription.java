package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.ProtocolViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * RowDescription ({@code 'T'}): the columns of the rows that follow or that a described statement
 * or portal would return. The array is copied in and out; {@link #field(int)} reads one column
 * without a copy.
 */
public record RowDescription(Field[] fields) implements BackendMessage {
    public static final byte TAG = 'T';

    /**
     * One column: its name, the table OID and attribute number when it is a plain table column
     * (else 0), its type OID, size ({@code pg_type.typlen}, negative for variable width) and type
     * modifier, and its format code (0 text, 1 binary; 0 when described from a statement).
     */
    public record Field(String name, int tableOid, short columnAttribute, int typeOid, short typeSize,
                        int typeModifier, short format) {
        public Field {
            Objects.requireNonNull(name, "name");
            if (format != 0 && format != 1) throw new IllegalArgumentException("format code must be 0 or 1, got " + format);
        }
    }

    public RowDescription {
        fields = fields.clone();
        if (fields.length > Short.MAX_VALUE) throw new IllegalArgumentException("too many columns: " + fields.length);
        for (Field f : fields) Objects.requireNonNull(f, "field");
    }

    public static RowDescription decode(ByteReader r) {
        int n = r.readShort();
        if (n < 0) throw new ProtocolViolation("RowDescription has a negative column count " + n);
        Field[] fields = new Field[n];
        for (int i = 0; i < n; i++) {
            fields[i] = new Field(r.readCString(), r.readInt(), r.readShort(), r.readInt(), r.readShort(),
                    r.readInt(), r.readShort());
        }
        return new RowDescription(fields);
    }

    @Override
    public Field[] fields() { return fields.clone(); }

    public int fieldCount() { return fields.length; }

    /** Column {@code i}, 0-based. */
    public Field field(int i) { return fields[i]; }

    @Override
    public void encode(ByteWriter w) {
        List<byte[]> names = new ArrayList<>(fields.length);
        long body = 2;
        for (Field f : fields) {
            byte[] b = Framing.cstring(f.name());
            names.add(b);
            body += b.length + 1 + 18;
        }
        Framing.writeHeader(w, TAG, body);
        w.writeShort(fields.length);
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            Framing.writeCString(w, names.get(i));
            w.writeInt(f.tableOid()).writeShort(f.columnAttribute()).writeInt(f.typeOid())
                    .writeShort(f.typeSize()).writeInt(f.typeModifier()).writeShort(f.format());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowDescription d && Arrays.equals(fields, d.fields);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(fields); }

    @Override
    public String toString() { return "RowDescription" + Arrays.toString(fields); }
}
