package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import java.util.Objects;

/**
 * ParameterStatus ({@code 'S'}): the current value of a reported server parameter, sent after
 * authentication and whenever it changes ({@code server_version}, {@code client_encoding}, {@code
 * TimeZone}, {@code in_hot_standby} ...).
 */
public record ParameterStatus(String name, String value) implements BackendMessage {
    public static final byte TAG = 'S';

    public ParameterStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static ParameterStatus decode(ByteReader r) {
        return new ParameterStatus(r.readCString(), r.readCString());
    }

    @Override
    public void encode(ByteWriter w) {
        byte[] n = Framing.cstring(name);
        byte[] v = Framing.cstring(value);
        Framing.writeHeader(w, TAG, n.length + 1L + v.length + 1L);
        Framing.writeCString(w, n);
        Framing.writeCString(w, v);
    }
}
