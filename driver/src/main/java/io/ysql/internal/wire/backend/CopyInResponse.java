package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import java.util.Arrays;

/**
 * CopyInResponse ({@code 'G'}): the server is ready to receive COPY FROM STDIN data; the client
 * sends CopyData, then CopyDone or CopyFail. {@code overallFormat} is 0 (text) or 1 (binary) and
 * {@code columnFormats} has one code per column; the array is copied in and out.
 */
public record CopyInResponse(byte overallFormat, short[] columnFormats) implements BackendMessage {
    public static final byte TAG = 'G';

    public CopyInResponse {
        columnFormats = CopyFormats.check(overallFormat, columnFormats);
    }

    public static CopyInResponse decode(ByteReader r) {
        byte overall = CopyFormats.readOverall(r);
        return new CopyInResponse(overall, CopyFormats.readColumns(r));
    }

    @Override
    public short[] columnFormats() { return columnFormats.clone(); }

    @Override
    public void encode(ByteWriter w) { CopyFormats.write(w, TAG, overallFormat, columnFormats); }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyInResponse c && overallFormat == c.overallFormat
                && Arrays.equals(columnFormats, c.columnFormats);
    }

    @Override
    public int hashCode() { return 31 * overallFormat + Arrays.hashCode(columnFormats); }

    @Override
    public String toString() {
        return "CopyInResponse[overallFormat=" + overallFormat + ", columnFormats=" + Arrays.toString(columnFormats) + "]";
    }
}
