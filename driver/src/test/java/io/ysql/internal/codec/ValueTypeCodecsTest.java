package io.ysql.internal.codec;

import static io.ysql.internal.codec.FormatCode.BINARY;
import static io.ysql.internal.codec.FormatCode.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.types.BitString;
import io.ysql.types.Box;
import io.ysql.types.Cidr;
import io.ysql.types.Circle;
import io.ysql.types.Inet;
import io.ysql.types.Interval;
import io.ysql.types.Line;
import io.ysql.types.LineSegment;
import io.ysql.types.MacAddress;
import io.ysql.types.Multirange;
import io.ysql.types.Path;
import io.ysql.types.Point;
import io.ysql.types.Polygon;
import io.ysql.types.Range;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden binary values of the interval, geometric, network, bit string and range codecs, both ways. */
class ValueTypeCodecsTest {
    private final CodecContext iso = CodecContext.of(PgTypes::byOid, Map.of("IntervalStyle", "iso_8601")::get);
    private final ValueDecoder d = new ValueDecoder(iso);
    private final ParameterEncoder e = new ParameterEncoder(iso);

    private static Slices hex(String h) {
        return Slices.of(HexFormat.of().parseHex(h.replace(" ", "")));
    }

    private Object binary(int oid, String h) throws SQLException {
        Slices s = hex(h);
        return d.getObject(oid, BINARY, s.b(), s.off(), s.len());
    }

    private String binaryText(int oid, String h) throws SQLException {
        Slices s = hex(h);
        return d.getString(oid, BINARY, s.b(), s.off(), s.len());
    }

    private <T> T binaryAs(int oid, String h, Class<T> type) throws SQLException {
        Slices s = hex(h);
        return d.getObject(oid, BINARY, s.b(), s.off(), s.len(), type);
    }

    private Object text(int oid, String text) throws SQLException {
        Slices s = Slices.text(text);
        return d.getObject(oid, TEXT, s.b(), s.off(), s.len());
    }

    private static String hexOf(EncodedParameter p) {
        return HexFormat.of().formatHex(p.value());
    }

    /** The parameter decoded as the server would send it back in the same format. */
    private Object roundTrip(Object x) throws SQLException {
        EncodedParameter p = e.ofObject(x);
        return d.getObject(p.typeOid(), p.format(), p.value(), 0, p.value().length);
    }

    @Test
    void interval() throws SQLException {
        String golden = "0000000000000001 00000002 00000003";
        assertThat(binary(Oids.INTERVAL, golden)).isEqualTo(Interval.of(3, 2, 1));
        assertThat(binaryText(Oids.INTERVAL, golden)).isEqualTo("P3M2DT0.000001S");
        assertThat(new ValueDecoder().getString(Oids.INTERVAL, BINARY, hex(golden).b(), 4, 16))
            .isEqualTo("3 mons 2 days 00:00:00.000001");
        assertThat(binaryAs(Oids.INTERVAL, golden, Duration.class)).isEqualTo(Duration.ofDays(92).plusNanos(1000));
        assertThat(binaryAs(Oids.INTERVAL, "0000000000000000 00000002 00000003", Period.class)).isEqualTo(Period.of(0, 3, 2));
        assertThatThrownBy(() -> binaryAs(Oids.INTERVAL, golden, Period.class)).isInstanceOf(SQLException.class)
            .extracting(x -> ((SQLException) x).getSQLState()).isEqualTo("22023");
        assertThat(text(Oids.INTERVAL, "1 year 2 mons")).isEqualTo(Interval.of(14, 0, 0));
        EncodedParameter p = e.ofObject(Interval.of(3, 2, 1));
        assertThat(p.typeOid()).isEqualTo(Oids.INTERVAL);
        assertThat(hexOf(p)).isEqualTo(golden.replace(" ", ""));
        assertThat(roundTrip(Duration.ofHours(-49))).isEqualTo(Interval.of(0, 0, -49 * 3_600_000_000L));
        assertThat(roundTrip(Period.of(1, 2, 3))).isEqualTo(Interval.of(14, 3, 0));
        assertThatThrownBy(() -> binary(Oids.INTERVAL, "00")).isInstanceOf(SQLException.class);
    }

    @Test
    void geometry() throws SQLException {
        String one = "3ff0000000000000";
        String two = "4000000000000000";
        assertThat(binary(GeometryCodec.POINT, one + two)).isEqualTo(Point.of(1, 2));
        assertThat(binaryText(GeometryCodec.POINT, one + two)).isEqualTo("(1,2)");
        assertThat(binaryText(GeometryCodec.PATH, "00 00000001" + one + two)).isEqualTo("[(1,2)]");
        assertThat(binaryText(GeometryCodec.POLYGON, "00000001" + one + two)).isEqualTo("((1,2))");
        assertThat(binaryText(GeometryCodec.CIRCLE, one + two + one)).isEqualTo("<(1,2),1>");
        assertThat(hexOf(e.ofObject(Point.of(1, 2)))).isEqualTo(one + two);
        assertThat(hexOf(e.ofObject(Path.closed(Point.of(1, 2))))).isEqualTo("0100000001" + one + two);
        for (Object v : List.of(Point.of(Double.NaN, -0.0), Line.of(1, 2, 3), LineSegment.of(Point.of(1, 2), Point.of(3, 4)),
                Box.of(Point.of(1, 2), Point.of(3, 4)), Path.open(Point.of(1, 2), Point.of(3, 4)),
                Path.closed(Point.of(1, 2)), Polygon.of(Point.of(0, 0), Point.of(1, 1)), Circle.of(Point.of(1, 2), 3))) {
            assertThat(roundTrip(v)).isEqualTo(v);
            assertThat(text(e.ofObject(v).typeOid(), v.toString())).isEqualTo(v);
        }
        assertThatThrownBy(() -> binary(GeometryCodec.POLYGON, "00000002" + one + two)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> binary(GeometryCodec.POINT, one)).isInstanceOf(SQLException.class);
    }

    @Test
    void network() throws Exception {
        assertThat(binary(Oids.INET, "02 18 00 04 c0a80001")).isEqualTo(Inet.parse("192.168.0.1/24"));
        assertThat(binaryText(Oids.INET, "02 20 00 04 c0a80001")).isEqualTo("192.168.0.1");
        assertThat(binaryText(Oids.CIDR, "03 20 01 10 20010db8000000000000000000000000")).isEqualTo("2001:db8::/32");
        assertThat(binary(Oids.CIDR, "03 20 01 10 20010db8000000000000000000000000")).isInstanceOf(Cidr.class);
        assertThat(binaryText(Oids.MACADDR, "08002b010203")).isEqualTo("08:00:2b:01:02:03");
        assertThat(binaryText(NetworkCodec.MACADDR8, "08002b0102030405")).isEqualTo("08:00:2b:01:02:03:04:05");
        assertThat(binaryAs(Oids.INET, "02 18 00 04 c0a80001", InetAddress.class))
            .isEqualTo(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 0, 1}));
        assertThat(binaryAs(Oids.INET, "02 18 00 04 c0a80001", Inet4Address.class)).isNotNull();
        EncodedParameter p = e.ofObject(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}));
        assertThat(p.typeOid()).isEqualTo(Oids.INET);
        assertThat(hexOf(p)).isEqualTo("022000040a000001");
        assertThat(hexOf(e.ofObject(Cidr.parse("10.0.0.0/8")))).isEqualTo("020801040a000000");
        assertThat(e.ofObject(MacAddress.parse("08:00:2b:01:02:03:04:05")).typeOid()).isEqualTo(NetworkCodec.MACADDR8);
        for (Object v : List.of(Inet.parse("::ffff:1.2.3.4/100"), Cidr.parse("::/0"), MacAddress.parse("01:02:03:04:05:06"))) {
            assertThat(roundTrip(v)).isEqualTo(v);
        }
        assertThatThrownBy(() -> binary(Oids.INET, "02 21 00 04 c0a80001")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> binary(Oids.INET, "04 20 00 04 c0a80001")).isInstanceOf(SQLException.class);
    }

    @Test
    void characterTargetsTakeTheServersSpelling() throws SQLException {
        assertThat(e.ofObject(Interval.of(14, 0, 0), java.sql.Types.VARCHAR))
            .isEqualTo(ParameterEncoder.text(Oids.VARCHAR, "1 year 2 mons"));
        assertThat(e.ofObject(Point.of(1, 2), java.sql.Types.VARCHAR)).isEqualTo(ParameterEncoder.text(Oids.VARCHAR, "(1,2)"));
        assertThat(e.ofObject(Range.closedOpen(1, 2), java.sql.Types.VARCHAR))
            .isEqualTo(ParameterEncoder.text(Oids.VARCHAR, "[1,2)"));
        assertThat(e.ofObject(Point.of(1, 2), java.sql.Types.OTHER)).isEqualTo(e.ofObject(Point.of(1, 2)));
    }

    @Test
    void bitColumnsLongerThanOneBitReportBitString() {
        assertThat(TypeInfo.javaClassName(Oids.BIT, 1)).isEqualTo("java.lang.Boolean");
        assertThat(TypeInfo.javaClassName(Oids.BIT, -1)).isEqualTo("java.lang.Boolean");
        assertThat(TypeInfo.javaClassName(Oids.BIT, 3)).isEqualTo(BitString.class.getName());
        assertThat(TypeInfo.javaClassName(Oids.VARBIT, -1)).isEqualTo(BitString.class.getName());
        assertThat(TypeInfo.javaClassName(Oids.INTERVAL, -1)).isEqualTo(Interval.class.getName());
    }

    @Test
    void bitStrings() throws SQLException {
        assertThat(binary(Oids.VARBIT, "0000000a b0c0")).isEqualTo(BitString.parse("1011000011"));
        assertThat(binaryText(Oids.BIT, "0000000a b0c0")).isEqualTo("1011000011");
        assertThat(binary(Oids.BIT, "00000001 80")).isEqualTo(true);
        assertThat(binary(Oids.VARBIT, "00000001 80")).isEqualTo(BitString.parse("1"));
        assertThat(binaryAs(Oids.BIT, "00000001 80", BitString.class)).isEqualTo(BitString.parse("1"));
        assertThat(binaryAs(Oids.BIT, "00000001 00", Boolean.class)).isFalse();
        EncodedParameter p = e.ofObject(BitString.parse("1011000011"));
        assertThat(p.typeOid()).isEqualTo(Oids.VARBIT);
        assertThat(hexOf(p)).isEqualTo("0000000ab0c0");
        assertThatThrownBy(() -> binary(Oids.VARBIT, "00000009 80")).isInstanceOf(SQLException.class);
    }

    @Test
    void ranges() throws SQLException {
        String int4 = "02 00000004 00000001 00000004 00000005";
        assertThat(binary(RangeCodec.INT4RANGE, int4)).isEqualTo(Range.closedOpen(1, 5));
        assertThat(binaryText(RangeCodec.INT4RANGE, int4)).isEqualTo("[1,5)");
        assertThat(binary(RangeCodec.INT4RANGE, "01")).isEqualTo(Range.empty());
        assertThat(binaryText(RangeCodec.INT8RANGE, "0c 00000008 0000000000000003")).isEqualTo("(,3]");
        assertThat(binaryText(RangeCodec.INT8RANGE, "18")).isEqualTo("(,)");
        String multi = "00000002 00000011" + int4 + " 00000001 01";
        assertThat(binary(RangeCodec.INT4MULTIRANGE, multi)).isEqualTo(Multirange.of(Range.closedOpen(1, 5), Range.empty()));
        assertThat(binaryText(RangeCodec.INT4MULTIRANGE, multi)).isEqualTo("{[1,5),empty}");
        assertThat(binaryAs(RangeCodec.INT4RANGE, int4, Range.class)).isEqualTo(Range.closedOpen(1, 5));
        assertThat(text(RangeCodec.TSRANGE, "[\"2024-01-31 10:00:00\",)"))
            .isEqualTo(Range.atLeast(LocalDateTime.of(2024, 1, 31, 10, 0)));
        assertThat(text(RangeCodec.INT8MULTIRANGE, "{[1,3), [5,7)}"))
            .isEqualTo(Multirange.of(Range.closedOpen(1L, 3L), Range.closedOpen(5L, 7L)));

        assertThat(e.ofObject(Range.closedOpen(1, 5))).isEqualTo(ParameterEncoder.text(RangeCodec.INT4RANGE, "[1,5)"));
        assertThat(e.ofObject(Range.atLeast(LocalDateTime.of(2024, 1, 31, 10, 0))))
            .isEqualTo(ParameterEncoder.text(RangeCodec.TSRANGE, "[\"2024-01-31 10:00:00\",)"));
        assertThat(e.ofObject(Range.empty())).isEqualTo(ParameterEncoder.text(Oids.UNSPECIFIED, "empty"));
        assertThat(e.ofObject(Multirange.of(Range.closedOpen(1L, 2L))))
            .isEqualTo(ParameterEncoder.text(RangeCodec.INT8MULTIRANGE, "{[1,2)}"));
        assertThat(new String(e.ofObject(Range.closed(1, 2)).value(), StandardCharsets.UTF_8)).isEqualTo("[1,2]");
        assertThatThrownBy(() -> binary(RangeCodec.INT4RANGE, "02 00000004 00000001")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> binary(RangeCodec.INT4MULTIRANGE, "00000001 00000009" + int4)).isInstanceOf(SQLException.class);
    }
}
