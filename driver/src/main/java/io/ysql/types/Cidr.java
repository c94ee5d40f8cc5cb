package io.ysql.types;

import java.net.InetAddress;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL {@code cidr}: a network, spelled {@code 192.168.0.0/24} with its netmask length
 * always shown; the bits right of the netmask must be zero (the constructor checks, as the
 * server does). A host address with a netmask is an {@link Inet}. pgjdbc returns a {@code
 * PGobject}.
 *
 * @param address      the network address, IPv4 or IPv6, host bits zero
 * @param prefixLength the netmask length, 0 to 32 or 0 to 128
 */
public record Cidr(InetAddress address, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > InetText.maxBits(address)) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
        }
        byte[] b = address.getAddress();
        for (int bit = prefixLength; bit < b.length * 8; bit++) {
            if ((b[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("cidr " + InetText.format(address) + "/" + prefixLength
                    + " has bits set to the right of the mask");
            }
        }
    }

    /** The network {@code address/prefixLength}. */
    public static Cidr of(InetAddress address, int prefixLength) {
        return new Cidr(address, prefixLength);
    }

    /**
     * Reads {@code address[/bits]} as the server prints it; without {@code /bits} the whole
     * address is the network. 22P02 if malformed or if host bits are set.
     */
    public static Cidr parse(String text) throws SQLException {
        InetText.Parsed p = InetText.parse("cidr", text);
        try {
            return new Cidr(p.address(), p.bits() < 0 ? InetText.maxBits(p.address()) : p.bits());
        } catch (IllegalArgumentException e) {
            throw InetText.bad("cidr", text);
        }
    }

    @Override
    public String toString() {
        return InetText.format(address) + "/" + prefixLength;
    }
}
