package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The field list shared by ErrorResponse and NoticeResponse: pairs of a one-byte field type and a
 * string, ended by a zero byte. A list without its terminator is truncated. Fields keep the order
 * the server sent them in.
 */
final class FieldList {
    private FieldList() {}

    /** A validated, unmodifiable, ordered copy. */
    static Map<Character, String> copy(Map<Character, String> fields) {
        Map<Character, String> copy = new LinkedHashMap<>();
        fields.forEach((type, value) -> {
            char t = Objects.requireNonNull(type, "field type");
            if (t == 0 || t > 0xFF) throw new IllegalArgumentException("field type must be one non-zero byte, got " + (int) t);
            copy.put(type, Objects.requireNonNull(value, "field value"));
        });
        return Collections.unmodifiableMap(copy);
    }

    static Map<Character, String> read(ByteReader r) {
        Map<Character, String> fields = new LinkedHashMap<>();
        for (int type = r.readUnsignedByte(); type != 0; type = r.readUnsignedByte()) {
            fields.put((char) type, r.readCString());
        }
        return fields;
    }

    static void write(ByteWriter w, byte tag, Map<Character, String> fields) {
        List<byte[]> values = new ArrayList<>(fields.size());
        long body = 1;
        for (String v : fields.values()) {
            byte[] b = Framing.cstring(v);
            values.add(b);
            body += 1 + b.length + 1;
        }
        Framing.writeHeader(w, tag, body);
        int i = 0;
        for (char type : fields.keySet()) {
            w.writeByte(type);
            Framing.writeCString(w, values.get(i++));
        }
        w.writeByte(0);
    }
}
