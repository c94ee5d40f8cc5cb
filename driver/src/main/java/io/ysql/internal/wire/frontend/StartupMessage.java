package io.ysql.internal.wire.frontend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.FrontendMessage;
import io.ysql.internal.wire.ProtocolViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * StartupMessage (no type byte): the protocol version and the session parameters ({@code user},
 * {@code database}, {@code options}, {@code application_name}, GUCs ...) in insertion order. It
 * carries no secret, so {@link #toString} shows the parameters, each cut short.
 */
public record StartupMessage(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
    /** Protocol 3.0: major version 3 in the high 16 bits, minor version 0 in the low ones. */
    public static final int PROTOCOL_3_0 = 3 << 16;

    public StartupMessage {
        Objects.requireNonNull(parameters, "parameters");
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (k == null || k.isEmpty()) throw new IllegalArgumentException("a startup parameter name may not be empty");
            copy.put(k, Objects.requireNonNull(v, () -> "value of startup parameter " + k));
        });
        parameters = Collections.unmodifiableMap(copy);
    }

    /** A protocol 3.0 startup message. */
    public StartupMessage(Map<String, String> parameters) { this(PROTOCOL_3_0, parameters); }

    /** Reads the body after the length field: the version, then name/value pairs up to a zero byte. */
    public static StartupMessage decode(ByteReader r) {
        int version = r.readInt();
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            String name = r.readCString();
            if (name.isEmpty()) break;
            String value = r.readCString();
            if (params.put(name, value) != null) {
                throw new ProtocolViolation("startup parameter sent twice: " + ProtocolViolation.excerpt(name));
            }
        }
        return new StartupMessage(version, params);
    }

    @Override
    public void encode(ByteWriter w) {
        List<byte[]> strings = new ArrayList<>(parameters.size() * 2);
        long body = 4 + 1;
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            byte[] k = Framing.cstring(e.getKey());
            byte[] v = Framing.cstring(e.getValue());
            strings.add(k);
            strings.add(v);
            body += k.length + 1 + v.length + 1;
        }
        Framing.writeUntaggedHeader(w, body);
        w.writeInt(protocolVersion);
        for (byte[] s : strings) Framing.writeCString(w, s);
        w.writeByte(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StartupMessage[protocol=")
                .append(protocolVersion >>> 16).append('.').append(protocolVersion & 0xFFFF);
        parameters.forEach((k, v) -> sb.append(", ").append(ProtocolViolation.excerpt(k))
                .append('=').append(ProtocolViolation.excerpt(v)));
        return sb.append(']').toString();
    }
}
