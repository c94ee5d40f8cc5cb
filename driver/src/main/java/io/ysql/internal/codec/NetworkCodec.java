package io.ysql.internal.codec;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import io.ysql.types.Cidr;
import io.ysql.types.Inet;
import io.ysql.types.MacAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The network types {@code inet}, {@code cidr}, {@code macaddr} and {@code macaddr8}, read into
 * {@link Inet}, {@link Cidr} and {@link MacAddress} from text or binary, and sent in binary (a
 * plain {@link InetAddress} as a host {@code inet}). The binary {@code inet}/{@code cidr} value
 * is the family (2 for IPv4, 3 for IPv6), the netmask bits, a cidr flag, the address length and
 * the address bytes; a MAC address is its bytes. pgjdbc returns {@code PGobject}s for all four.
 */
final class NetworkCodec implements TypeCodec, ValueEncoder {
    static final NetworkCodec INSTANCE = new NetworkCodec();

    static final int MACADDR8 = 774;
    private static final int FAMILY_INET = 2;
    private static final int FAMILY_INET6 = 3;

    private NetworkCodec() {}

    @Override
    public Object decode(int oid, int format, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        if (format == FormatCode.TEXT) {
            String s = Text.utf8(b, off, len);
            return switch (oid) {
                case Oids.INET -> Inet.parse(s);
                case Oids.CIDR -> Cidr.parse(s);
                default -> MacAddress.parse(s);
            };
        }
        if (oid == Oids.MACADDR || oid == MACADDR8) {
            if (len != (oid == MACADDR8 ? 8 : 6)) throw CodecErrors.badBinary(oid, len);
            return MacAddress.of(Arrays.copyOfRange(b, off, off + len));
        }
        if (len < 4) throw CodecErrors.badBinary(oid, len);
        int family = b[off];
        int bits = b[off + 1] & 0xff;
        int nb = b[off + 3] & 0xff;
        if ((family != FAMILY_INET && family != FAMILY_INET6) || nb != (family == FAMILY_INET ? 4 : 16)
                || len != 4 + nb || bits > nb * 8) {
            throw CodecErrors.badBinary(oid, len);
        }
        InetAddress address = address(Arrays.copyOfRange(b, off + 4, off + 4 + nb));
        if (oid != Oids.CIDR) return Inet.of(address, bits);
        try {
            return Cidr.of(address, bits);
        } catch (IllegalArgumentException hostBitsSet) {
            throw SqlExceptions.of(SqlState.INVALID_BINARY_REPRESENTATION, "binary cidr value with netmask /" + bits
                    + " has address bits set to the right of it; the server sent a malformed value");
        }
    }

    @Override
    public String binaryToText(int oid, byte[] b, int off, int len, CodecContext ctx) throws SQLException {
        return decode(oid, FormatCode.BINARY, b, off, len, ctx).toString();
    }

    @Override
    public Object decodeAs(int oid, int format, byte[] b, int off, int len, Class<?> target, CodecContext ctx)
            throws SQLException {
        Object v = decode(oid, format, b, off, len, ctx);
        if (target.isInstance(v)) return v;
        if (v instanceof Inet i && target.isAssignableFrom(i.address().getClass())) return i.address();
        if (v instanceof Cidr c) {
            if (target.isAssignableFrom(c.address().getClass())) return c.address();
            if (target == Inet.class) return Inet.of(c.address(), c.prefixLength());
        }
        return null;
    }

    @Override
    public EncodedParameter encode(Object x, CodecContext ctx) {
        if (x instanceof Inet v) return inet(Oids.INET, v.address(), v.prefixLength());
        if (x instanceof Cidr v) return inet(Oids.CIDR, v.address(), v.prefixLength());
        if (x instanceof InetAddress v) return inet(Oids.INET, v, v instanceof Inet4Address ? 32 : 128);
        if (x instanceof MacAddress v) {
            return new EncodedParameter(v.isEui64() ? MACADDR8 : Oids.MACADDR, FormatCode.BINARY, v.toByteArray());
        }
        return null;
    }

    private static EncodedParameter inet(int oid, InetAddress a, int bits) {
        byte[] addr = a.getAddress();
        byte[] out = new byte[4 + addr.length];
        out[0] = (byte) (addr.length == 4 ? FAMILY_INET : FAMILY_INET6);
        out[1] = (byte) bits;
        out[2] = (byte) (oid == Oids.CIDR ? 1 : 0);
        out[3] = (byte) addr.length;
        System.arraycopy(addr, 0, out, 4, addr.length);
        return new EncodedParameter(oid, FormatCode.BINARY, out);
    }

    /** The bytes as an address of their family, IPv6 kept IPv6 even when IPv4-mapped; no name lookup. */
    private static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, null) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address length checked above", e);
        }
    }
}
