package io.ysql.internal.codec;

import io.ysql.internal.buffer.ByteReader;
import io.ysql.internal.buffer.ByteWriter;
import io.ysql.types.BitString;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * {@code bit(n)} and {@code varbit}, read as {@link BitString} from text ({@code 0101}) or binary
 * (an int32 bit count, then the bits packed high bit first), and sent in binary as {@code
 * varbit} (which the server assigns to a {@code bit(n)} column of the same length). A {@code bit}
 * value of one bit reads as a {@code Boolean}, as pgjdbc reads it.
 */
final class BitStringCodec implements TypeCodec, ValueEncoder {
    static final BitStringCodec INSTANCE = new BitStringCodec();

    private BitStringCodec() {}

    static BitString read(int oid, int format, byte[] b, int off, int len) throws SQLException {
        if (format == FormatCode.TEXT) return BitString.parse(Text.utf8(b, off, len));
        if (len < 4) throw CodecErrors.badBinary(oid, len);
        int bits = ByteReader.getInt(b, off);
        if (bits < 0 || (bits + 7L) / 8 != len - 4) throw CodecErrors.badBinary(oid, len);
        return BitString.of(Arrays.copyOfRange(b, off + 4, off + len), bits);
    }

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        BitString v = read(oid, format, b, off, len);
        return oid == Oids.BIT && v.length() == 1 ? (Object) v.get(0) : v;
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return read(oid, FormatCode.BINARY, b, off, len).toString();
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        return target == BitString.class ? read(oid, format, b, off, len) : null;
    }

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) {
        if (!(x instanceof BitString v)) return null;
        byte[] bits = v.toByteArray();
        byte[] out = new ByteWriter(4 + bits.length).writeInt(v.length()).writeBytes(bits).toByteArray();
        return new EncodedParameter(Oids.VARBIT, FormatCode.BINARY, out);
    }
}
