package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.BackendMessage;
import java.util.Arrays;

/**
 * CopyOutResponse ({@code 'H'}): COPY TO STDOUT begins; CopyData messages follow, then CopyDone.
 * {@code overallFormat} is 0 (text) or 1 (binary) and {@code columnFormats} has one code per
 * column; the array is copied in and out.
 */
public record CopyOutResponse(byte overallFormat, short[] columnFormats) implements BackendMessage {
    public static final byte TAG = 'H';

    public CopyOutResponse {
        columnFormats = CopyFormats.check(overallFormat, columnFormats);
    }

    public static CopyOutResponse decode(ByteReader r) {
        byte overall = CopyFormats.readOverall(r);
        return new CopyOutResponse(overall, CopyFormats.readColumns(r));
    }

    @Override
    public short[] columnFormats() { return columnFormats.clone(); }

    @Override
    public void encode(ByteWriter w) { CopyFormats.write(w, TAG, overallFormat, columnFormats); }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyOutResponse c && overallFormat == c.overallFormat
                && Arrays.equals(columnFormats, c.columnFormats);
    }

    @Override
    public int hashCode() { return 31 * overallFormat + Arrays.hashCode(columnFormats); }

    @Override
    public String toString() {
        return "CopyOutResponse[overallFormat=" + overallFormat + ", columnFormats=" + Arrays.toString(columnFormats) + "]";
    }
}
