package io.ysql.internal.wire;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * CopyData ({@code 'd'}): a chunk of a COPY data stream, sent by either side with the same format,
 * hence one record for both directions. The array is kept as given, not copied: it must not be
 * modified afterwards.
 */
public record CopyData(byte[] data) implements FrontendMessage, BackendMessage {
    public static final byte TAG = 'd';

    public CopyData {
        Objects.requireNonNull(data, "data");
    }

    /** Reads the rest of the body. */
    public static CopyData decode(ByteReader r) {
        return new CopyData(r.readRemaining());
    }

    @Override
    public void encode(ByteWriter w) {
        Framing.writeHeader(w, TAG, data.length);
        w.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyData c && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    @Override
    public String toString() { return "CopyData[" + data.length + " bytes]"; }
}
