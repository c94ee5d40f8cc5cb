package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.ProtocolViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * NegotiateProtocolVersion ({@code 'v'}): the server does not support the requested minor protocol
 * version or some {@code _pq_.} startup options; it names the newest minor version it supports and
 * the options it did not recognise, and the session continues with those.
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {
    public static final byte TAG = 'v';

    public NegotiateProtocolVersion {
        if (newestMinorVersion < 0) throw new IllegalArgumentException("negative minor version " + newestMinorVersion);
        unrecognizedOptions = List.copyOf(unrecognizedOptions);
    }

    public static NegotiateProtocolVersion decode(ByteReader r) {
        int minor = r.readInt();
        int n = r.readInt();
        if (n < 0 || n > r.remaining()) throw new ProtocolViolation("NegotiateProtocolVersion option count " + n);
        List<String> options = new ArrayList<>(n);
        for (int i = 0; i < n; i++) options.add(r.readCString());
        return new NegotiateProtocolVersion(minor, options);
    }

    @Override
    public void encode(ByteWriter w) {
        List<byte[]> names = new ArrayList<>(unrecognizedOptions.size());
        long body = 8;
        for (String o : unrecognizedOptions) {
            byte[] b = Framing.cstring(o);
            names.add(b);
            body += b.length + 1;
        }
        Framing.writeHeader(w, TAG, body);
        w.writeInt(newestMinorVersion).writeInt(names.size());
        for (byte[] b : names) Framing.writeCString(w, b);
    }
}
