package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import java.sql.SQLException;
import java.util.UUID;

/**
 * {@code uuid} values: the server's text output ({@code a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11},
 * upper case accepted too) and the 16-byte binary format.
 */
final class UuidText {
    private UuidText() {}

    private static final int TEXT_LENGTH = 36;

    static UUID parse(byte[] b, int off, int len) throws SQLException {
        if (len != TEXT_LENGTH) throw CodecErrors.badText("uuid", b, off, len);
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < TEXT_LENGTH; i++) {
            byte c = b[off + i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') throw CodecErrors.badText("uuid", b, off, len);
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0) throw CodecErrors.badText("uuid", b, off, len);
            if (digits < 16) hi = (hi << 4) | v;
            else lo = (lo << 4) | v;
            digits++;
        }
        return new UUID(hi, lo);
    }

    static UUID fromBinary(int oid, byte[] b, int off, int len) throws SQLException {
        if (len != 16) throw CodecErrors.badBinary(oid, len);
        return new UUID(ByteReader.getLong(b, off), ByteReader.getLong(b, off + 8));
    }
}
