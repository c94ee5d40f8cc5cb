package io.ysql.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void ipv6IsCompressedAsTheServerDoes() throws SQLException {
        String[][] cases = {
            {"0:0:0:0:0:0:0:1", "::1"}, {"::", "::"}, {"2001:db8:0:0:0:0:0:1", "2001:db8::1"},
            {"2001:0db8:0:1:0:0:0:1", "2001:db8:0:1::1"}, {"1:0:0:2:0:0:0:3", "1:0:0:2::3"},
            {"1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"}, {"::ffff:1.2.3.4", "::ffff:1.2.3.4"},
            {"::1.2.3.4", "::1.2.3.4"}, {"1::", "1::"}, {"FE80::ABCD", "fe80::abcd"},
            {"0:0:0:0:0:ffff:0102:0304", "::ffff:1.2.3.4"}, {"::ffff:0:1.2.3.4", "::ffff:0:102:304"},
        };
        for (String[] c : cases) {
            Inet v = Inet.parse(c[0]);
            assertThat(v.address()).as(c[0]).isInstanceOf(Inet6Address.class);
            assertThat(v).as(c[0]).hasToString(c[1]);
            assertThat(Inet.parse(v.toString())).isEqualTo(v);
        }
    }

    @Test
    void inetShowsTheMaskOnlyWhenNotTheWholeAddress() throws Exception {
        assertThat(Inet.parse("192.168.0.1")).hasToString("192.168.0.1").extracting(Inet::prefixLength).isEqualTo(32);
        assertThat(Inet.parse("192.168.0.1/24")).hasToString("192.168.0.1/24");
        assertThat(Inet.parse("::1/128")).hasToString("::1");
        assertThat(Inet.parse("::1/64")).hasToString("::1/64");
        assertThat(Inet.of(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}))).hasToString("10.0.0.1");
        assertThat(Inet.parse("10.0.0.1").isIpv6()).isFalse();
    }

    @Test
    void cidrAlwaysShowsTheMaskAndRefusesHostBits() throws SQLException {
        assertThat(Cidr.parse("10.0.0.0/8")).hasToString("10.0.0.0/8");
        assertThat(Cidr.parse("10.1.2.3")).hasToString("10.1.2.3/32");
        assertThat(Cidr.parse("2001:db8::/32")).hasToString("2001:db8::/32");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8")).isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
    }

    @Test
    void malformedAddressesRaise22P02WithoutALookup() {
        for (String bad : new String[] {"localhost", "1.2.3", "1.2.3.256", "1.2.3.4/33", "::1/129", "1:::2", "1:2:3:4:5:6:7:8:9",
            "12345::", "example.com", "1.2.3.4/", "::g"}) {
            assertThatThrownBy(() -> Inet.parse(bad)).as(bad).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P02");
        }
    }

    @Test
    void macAddressesOfBothLengths() throws SQLException {
        assertThat(MacAddress.parse("08:00:2B:01:02:03")).hasToString("08:00:2b:01:02:03");
        assertThat(MacAddress.parse("08002b-010203")).hasToString("08:00:2b:01:02:03");
        assertThat(MacAddress.parse("0800.2b01.0203")).hasToString("08:00:2b:01:02:03");
        MacAddress eui = MacAddress.parse("08-00-2b-01-02-03-04-05");
        assertThat(eui).hasToString("08:00:2b:01:02:03:04:05");
        assertThat(eui.isEui64()).isTrue();
        assertThat(MacAddress.of(eui.toByteArray())).isEqualTo(eui).hasSameHashCodeAs(eui);
        assertThatThrownBy(() -> MacAddress.parse("08:00:2b:01:02")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> MacAddress.of(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }
}
