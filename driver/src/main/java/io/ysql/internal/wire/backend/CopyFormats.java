package io.ysql.internal.wire.backend;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.internal.wire.Framing;
import io.ysql.internal.wire.ProtocolViolation;

/**
 * The body shared by CopyInResponse, CopyOutResponse and CopyBothResponse: an int8 overall format
 * (0 text, 1 binary), an int16 column count and an int16 format code per column. In a textual COPY
 * every column format must be 0.
 */
final class CopyFormats {
    private CopyFormats() {}

    /** A validated copy of {@code columnFormats}. */
    static short[] check(byte overallFormat, short[] columnFormats) {
        short[] formats = columnFormats.clone();
        if (overallFormat != 0 && overallFormat != 1) {
            throw new IllegalArgumentException("overall COPY format must be 0 or 1, got " + overallFormat);
        }
        if (formats.length > Short.MAX_VALUE) throw new IllegalArgumentException("too many columns: " + formats.length);
        for (short f : formats) {
            if (f != 0 && f != 1) throw new IllegalArgumentException("column format code must be 0 or 1, got " + f);
            if (overallFormat == 0 && f != 0) throw new IllegalArgumentException("a textual COPY has a binary column");
        }
        return formats;
    }

    static byte readOverall(ByteReader r) { return (byte) r.readByte(); }

    static short[] readColumns(ByteReader r) {
        int n = r.readShort();
        if (n < 0) throw new ProtocolViolation("negative column count " + n);
        short[] formats = new short[n];
        for (int i = 0; i < n; i++) formats[i] = r.readShort();
        return formats;
    }

    static void write(ByteWriter w, byte tag, byte overallFormat, short[] columnFormats) {
        Framing.writeHeader(w, tag, 1 + 2 + 2L * columnFormats.length);
        w.writeByte(overallFormat).writeShort(columnFormats.length);
        for (short f : columnFormats) w.writeShort(f);
    }
}
