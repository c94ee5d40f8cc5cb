package io.ysql.types;

import java.net.InetAddress;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL {@code inet}: a host address with an optional netmask length, spelled {@code
 * 192.168.0.1/24}, or without the {@code /bits} when it is the whole address ({@code /32} for
 * IPv4, {@code /128} for IPv6). Host bits may be set; the network type {@code cidr} is {@link
 * Cidr}. IPv6 addresses are spelled as the server spells them ({@code ::ffff:1.2.3.4}, {@code
 * 2001:db8::1}) and stay IPv6 even when IPv4-mapped. pgjdbc returns a {@code PGobject}.
 *
 * @param address      the address, IPv4 or IPv6
 * @param prefixLength the netmask length, 0 to 32 or 0 to 128
 */
public record Inet(InetAddress address, int prefixLength) {

    public Inet {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > InetText.maxBits(address)) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
        }
    }

    /** A host address: the whole address, {@code /32} or {@code /128}. */
    public static Inet of(InetAddress address) {
        return new Inet(address, InetText.maxBits(address));
    }

    /** An address with a netmask length. */
    public static Inet of(InetAddress address, int prefixLength) {
        return new Inet(address, prefixLength);
    }

    /** Reads {@code address[/bits]} for IPv4 or IPv6 without any name lookup; 22P02 if malformed. */
    public static Inet parse(String text) throws SQLException {
        InetText.Parsed p = InetText.parse("inet", text);
        return new Inet(p.address(), p.bits() < 0 ? InetText.maxBits(p.address()) : p.bits());
    }

    /** Whether this is an IPv6 address. */
    public boolean isIpv6() {
        return InetText.maxBits(address) == 128;
    }

    @Override
    public String toString() {
        String a = InetText.format(address);
        return prefixLength == InetText.maxBits(address) ? a : a + "/" + prefixLength;
    }
}
