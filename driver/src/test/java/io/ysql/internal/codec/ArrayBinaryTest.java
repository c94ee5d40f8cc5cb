package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArrayBinaryTest {
    /** {@code '{1,NULL,3}'::int4[]} as the server sends it in binary. */
    private static final String INT4_1_NULL_3 =
        "00000001" + "00000001" + "00000017" + "00000003" + "00000001"
        + "00000004" + "00000001" + "ffffffff" + "00000004" + "00000003";

    private static Slices bytes(String hex) {
        return Slices.of(HexFormat.of().parseHex(hex));
    }

    @Test
    void readsTheServersBinaryFormat() throws SQLException {
        Slices v = bytes(INT4_1_NULL_3);
        ArrayData a = ArrayBinary.read(Oids.INT4_ARRAY, v.b(), v.off(), v.len());
        assertThat(a.elementOid()).isEqualTo(Oids.INT4);
        assertThat(a.dimensions()).isEqualTo(1);
        assertThat(a.dimension(0)).isEqualTo(3);
        assertThat(a.isNull(1)).isTrue();
        assertThat(a.toText(new ValueDecoder())).isEqualTo("{1,NULL,3}");
        assertThat(HexFormat.of().formatHex(ArrayBinary.write(a))).isEqualTo(INT4_1_NULL_3);
    }

    @Test
    void writesGoldenBytesForTwoDimensionsAndBounds() throws SQLException {
        // '[0:1][1:1]={{5},{6}}'::int2[]
        String hex = "00000002" + "00000000" + "00000015" + "00000002" + "00000000" + "00000001" + "00000001"
            + "00000002" + "0005" + "00000002" + "0006";
        Slices v = bytes(hex);
        ArrayData a = ArrayBinary.read(Oids.INT2_ARRAY, v.b(), v.off(), v.len());
        assertThat(a.toText(new ValueDecoder())).isEqualTo("[0:1][1:1]={{5},{6}}");
        assertThat(HexFormat.of().formatHex(a.encode())).isEqualTo(hex);
    }

    @Test
    void emptyArrayHasNoDimensions() throws SQLException {
        Slices v = bytes("00000000" + "00000000" + "00000019");
        ArrayData a = ArrayBinary.read(Oids.TEXT_ARRAY, v.b(), v.off(), v.len());
        assertThat(a.dimensions()).isZero();
        assertThat(a.toText(new ValueDecoder())).isEqualTo("{}");
    }

    @Test
    void refusesTruncatedOrInconsistentValues() {
        String[] bad = {
            "000000010000000000000017",                                   // no dimension pair
            "00000001000000000000001700000002000000010000000400000001",   // second element missing
            INT4_1_NULL_3 + "00",                                          // trailing byte
            "00000007000000000000001700000001",                            // seven dimensions
            "00000001000000000000001700000001000000010000000900000001",   // element longer than the value
            "0000000100000000000000177fffffff00000001",                    // absurd element count
        };
        for (String hex : bad) {
            Slices v = bytes(hex);
            assertThatThrownBy(() -> ArrayBinary.read(Oids.INT4_ARRAY, v.b(), v.off(), v.len()))
                .as(hex)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P03"));
        }
    }
}
