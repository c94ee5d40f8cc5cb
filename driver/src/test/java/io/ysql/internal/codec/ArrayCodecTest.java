package io.ysql.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArrayCodecTest {
    private final ValueDecoder d = new ValueDecoder();
    private final ParameterEncoder e = new ParameterEncoder();

    private Object object(int oid, String text) throws SQLException {
        Slices v = Slices.text(text);
        return d.getObject(oid, FormatCode.TEXT, v.b(), v.off(), v.len());
    }

    private <T> T as(int oid, String text, Class<T> type) throws SQLException {
        Slices v = Slices.text(text);
        return d.getObject(oid, FormatCode.TEXT, v.b(), v.off(), v.len(), type);
    }

    private Object modern(EncodedParameter p) throws SQLException {
        return d.getModernObject(p.typeOid(), p.format(), p.value(), 0, p.value().length);
    }

    private static String text(EncodedParameter p) { return new String(p.value(), StandardCharsets.UTF_8); }

    @Test
    void getObjectGivesJavaArraysOfTheElementClass() throws SQLException {
        assertThat(object(Oids.INT4_ARRAY, "{1,NULL,3}")).isEqualTo(new Integer[] {1, null, 3});
        assertThat(object(Oids.INT8_ARRAY, "{1}")).isEqualTo(new Long[] {1L});
        assertThat(object(Oids.TEXT_ARRAY, "{a,\"b c\"}")).isEqualTo(new String[] {"a", "b c"});
        assertThat(object(Oids.NUMERIC_ARRAY, "{1.50}")).isEqualTo(new BigDecimal[] {new BigDecimal("1.50")});
        assertThat(object(Oids.INT4_ARRAY, "{{1,2},{3,4}}")).isEqualTo(new Integer[][] {{1, 2}, {3, 4}});
        assertThat(object(Oids.INT4_ARRAY, "{}")).isEqualTo(new Integer[0]);
        assertThat(object(Oids.BYTEA_ARRAY, "{\"\\\\x0102\"}")).isEqualTo(new byte[][] {{1, 2}});
        assertThat(object(1115, "{\"2024-01-05 10:00:00\"}")).isInstanceOf(Timestamp[].class);
        // numeric NaN is a Double, so the values no longer share BigDecimal
        assertThat(object(Oids.NUMERIC_ARRAY, "{1,NaN}")).isEqualTo(new Object[] {BigDecimal.ONE, Double.NaN});
    }

    @Test
    void requestedClasses() throws SQLException {
        assertThat(as(Oids.INT4_ARRAY, "{1,2}", int[].class)).containsExactly(1, 2);
        assertThat(as(Oids.INT4_ARRAY, "{1,2}", long[].class)).containsExactly(1L, 2L);
        assertThat(as(Oids.INT8_ARRAY, "{1,2}", double[].class)).containsExactly(1.0, 2.0);
        assertThat(as(Oids.INT4_ARRAY, "{1,NULL}", Integer[].class)).containsExactly(1, null);
        assertThat(as(Oids.INT4_ARRAY, "{1,NULL}", String[].class)).containsExactly("1", null);
        assertThat(as(Oids.INT4_ARRAY, "{{1,2},{3,4}}", int[][].class)).isEqualTo(new int[][] {{1, 2}, {3, 4}});
        assertThat(as(Oids.INT4_ARRAY, "{{1,2},{3,4}}", Object[].class)).isEqualTo(new Integer[][] {{1, 2}, {3, 4}});
        assertThat(as(Oids.INT4_ARRAY, "{{1,2},{3,NULL}}", List.class)).isEqualTo(List.of(List.of(1, 2), Arrays.asList(3, null)));
        assertThat(as(Oids.TEXT_ARRAY, "{a,b}", String.class)).isEqualTo("{a,b}");
        assertThat(as(Oids.UUID_ARRAY, "{00000000-0000-0000-0000-000000000001}", UUID[].class))
            .containsExactly(new UUID(0, 1));
        assertThat(as(1182, "{2024-01-05}", LocalDate[].class)).containsExactly(LocalDate.of(2024, 1, 5));
    }

    @Test
    void binaryArraysReadStraightIntoPrimitiveArrays() throws SQLException {
        EncodedParameter ints = e.ofObject(new Integer[][] {{1, 2}, {3, 4}});
        assertThat(d.getObject(ints.typeOid(), ints.format(), ints.value(), 0, ints.value().length, int[][].class))
            .isEqualTo(new int[][] {{1, 2}, {3, 4}});
        assertThat(d.getObject(ints.typeOid(), ints.format(), ints.value(), 0, ints.value().length, long[][].class))
            .isEqualTo(new long[][] {{1, 2}, {3, 4}});
        EncodedParameter shorts = e.ofObject(new short[] {-3});
        assertThat(d.getObject(shorts.typeOid(), shorts.format(), shorts.value(), 0, shorts.value().length, int[].class))
            .containsExactly(-3);
        EncodedParameter doubles = e.ofObject(new double[] {0.5, Double.NaN});
        assertThat(d.getObject(doubles.typeOid(), doubles.format(), doubles.value(), 0, doubles.value().length, double[].class))
            .containsExactly(0.5, Double.NaN);
        EncodedParameter floats = e.ofObject(new float[] {0.25f});
        assertThat(d.getObject(floats.typeOid(), floats.format(), floats.value(), 0, floats.value().length, float[].class))
            .containsExactly(0.25f);
        assertThat(d.getObject(floats.typeOid(), floats.format(), floats.value(), 0, floats.value().length, double[].class))
            .containsExactly(0.25);
        EncodedParameter bools = e.ofObject(new boolean[] {true, false});
        assertThat(d.getObject(bools.typeOid(), bools.format(), bools.value(), 0, bools.value().length, boolean[].class))
            .containsExactly(true, false);
        EncodedParameter withNull = e.ofObject(new Integer[] {1, null});
        assertThatThrownBy(() -> d.getObject(withNull.typeOid(), withNull.format(), withNull.value(), 0, withNull.value().length, int[].class))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22004"));
    }

    @Test
    void primitiveArraysRefuseNullElementsWith22004() {
        assertThatThrownBy(() -> as(Oids.INT4_ARRAY, "{1,NULL}", int[].class))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22004"))
            .hasMessageContaining("Integer");
    }

    @Test
    void wrongDimensionCountIs22023() {
        assertThatThrownBy(() -> as(Oids.INT4_ARRAY, "{{1,2},{3,4}}", Integer[].class))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22023"));
        assertThatThrownBy(() -> as(Oids.INT4_ARRAY, "{1}", java.util.Map.class))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22023"));
    }

    @Test
    void cursorApiGetsNestedListsOfModernValues() throws SQLException {
        Slices v = Slices.text("{{2024-01-05,NULL}}");
        Object list = d.getModernObject(1182, FormatCode.TEXT, v.b(), v.off(), v.len());
        assertThat(list).isEqualTo(List.of(Arrays.asList(LocalDate.of(2024, 1, 5), null)));
    }

    @Test
    void binaryColumnsAreReadAndPrinted() throws SQLException {
        EncodedParameter p = e.ofObject(new int[] {1, -2});
        assertThat(p.format()).isEqualTo(FormatCode.BINARY);
        assertThat(d.getObject(p.typeOid(), p.format(), p.value(), 0, p.value().length)).isEqualTo(new Integer[] {1, -2});
        assertThat(d.getString(p.typeOid(), p.format(), p.value(), 0, p.value().length)).isEqualTo("{1,-2}");
    }

    @Test
    void primitiveAndBoxedNumberArraysGoInBinary() throws SQLException {
        EncodedParameter p = e.ofObject(new int[] {1, 2});
        assertThat(p.typeOid()).isEqualTo(Oids.INT4_ARRAY);
        assertThat(HexFormat.of().formatHex(p.value())).isEqualTo(
            "00000001" + "00000000" + "00000017" + "00000002" + "00000001" + "00000004" + "00000001" + "00000004" + "00000002");
        EncodedParameter boxed = e.ofObject(new Long[] {7L, null});
        assertThat(boxed.typeOid()).isEqualTo(Oids.INT8_ARRAY);
        assertThat(HexFormat.of().formatHex(boxed.value())).isEqualTo(
            "00000001" + "00000001" + "00000014" + "00000002" + "00000001" + "00000008" + "0000000000000007" + "ffffffff");
        assertThat(e.ofObject(new short[] {1}).typeOid()).isEqualTo(Oids.INT2_ARRAY);
        assertThat(e.ofObject(new double[] {1}).typeOid()).isEqualTo(Oids.FLOAT8_ARRAY);
        assertThat(e.ofObject(new float[] {1}).typeOid()).isEqualTo(Oids.FLOAT4_ARRAY);
        assertThat(e.ofObject(new boolean[] {true}).typeOid()).isEqualTo(Oids.BOOL_ARRAY);
        assertThat(e.ofObject(new byte[][] {{1}}).typeOid()).isEqualTo(Oids.BYTEA_ARRAY);
        assertThat(e.ofObject(new Integer[][] {{1, 2}, {3, 4}}).format()).isEqualTo(FormatCode.BINARY);
    }

    @Test
    void otherElementTypesGoAsText() throws SQLException {
        EncodedParameter s = e.ofObject(new String[] {"a", "b,c", null, "NULL", ""});
        assertThat(s.typeOid()).isEqualTo(Oids.TEXT_ARRAY);
        assertThat(s.format()).isEqualTo(FormatCode.TEXT);
        assertThat(text(s)).isEqualTo("{a,\"b,c\",NULL,\"NULL\",\"\"}");
        assertThat(text(e.ofObject(new BigDecimal[] {new BigDecimal("1.5")}))).isEqualTo("{1.5}");
        assertThat(e.ofObject(new UUID[] {new UUID(0, 1)}).typeOid()).isEqualTo(Oids.UUID_ARRAY);
        assertThat(text(e.ofObject(new LocalDate[] {LocalDate.of(2024, 1, 5)}))).isEqualTo("{2024-01-05}");
        assertThat(text(e.ofObject(new String[][] {{"a"}, {"b"}}))).isEqualTo("{{a},{b}}");
    }

    @Test
    void listsTakeTheTypeOfTheirFirstNonNullElement() throws SQLException {
        EncodedParameter p = e.ofObject(Arrays.asList(null, 5, 6));
        assertThat(p.typeOid()).isEqualTo(Oids.INT4_ARRAY);
        assertThat(modern(p)).isEqualTo(Arrays.asList(null, 5, 6));
        assertThat(e.ofObject(List.of("x")).typeOid()).isEqualTo(Oids.TEXT_ARRAY);
        assertThat(e.ofObject(List.of(List.of(1L), List.of(2L))).typeOid()).isEqualTo(Oids.INT8_ARRAY);
        EncodedParameter empty = e.ofObject(List.of());
        assertThat(empty.typeOid()).isEqualTo(Oids.UNSPECIFIED);
        assertThat(text(empty)).isEqualTo("{}");
        EncodedParameter emptyInts = e.ofObject(new int[0]);
        assertThat(emptyInts.typeOid()).isEqualTo(Oids.INT4_ARRAY);
        assertThat(modern(emptyInts)).isEqualTo(List.of());
    }

    @Test
    void raggedOrTooDeepJavaArraysAreRefused() {
        assertThatThrownBy(() -> e.ofObject(new Integer[][] {{1, 2}, {3}}))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("2202E"));
        assertThatThrownBy(() -> e.ofObject(new Integer[][] {{1, 2}, null}))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("2202E"));
        assertThatThrownBy(() -> e.ofObject(List.of(1, List.of(2))))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("2202E"));
        assertThatThrownBy(() -> e.ofObject(new int[1][1][1][1][1][1][1]))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("54000"));
    }

    @Test
    void createArrayOfAcceptsSqlSpellings() throws SQLException {
        assertThat(ArrayParameters.elementOid("int4")).isEqualTo(Oids.INT4);
        assertThat(ArrayParameters.elementOid("INTEGER")).isEqualTo(Oids.INT4);
        assertThat(ArrayParameters.elementOid("bigint")).isEqualTo(Oids.INT8);
        assertThat(ArrayParameters.elementOid("double  precision")).isEqualTo(Oids.FLOAT8);
        assertThat(ArrayParameters.elementOid("character varying(20)")).isEqualTo(Oids.VARCHAR);
        assertThat(ArrayParameters.elementOid("timestamptz")).isEqualTo(Oids.TIMESTAMPTZ);
        assertThat(ArrayParameters.elementOid("timestamp with time zone")).isEqualTo(Oids.TIMESTAMPTZ);
        assertThat(ArrayParameters.elementOid("numeric(10,2)")).isEqualTo(Oids.NUMERIC);
        assertThat(ArrayParameters.elementOid("mood")).isZero();
        ArrayData a = ArrayCodec.create("int2", new Object[] {1, "2", null}, CodecContext.BUILT_IN);
        assertThat(a.arrayOid()).isEqualTo(Oids.INT2_ARRAY);
        assertThat(ArrayCodec.toJavaArray(a, d)).isEqualTo(new Integer[] {1, 2, null});
        assertThatThrownBy(() -> ArrayCodec.create("int2", new Object[] {70000}, CodecContext.BUILT_IN))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22003"));
        ArrayData unknown = ArrayCodec.create("mood", new Object[] {"happy"}, CodecContext.BUILT_IN);
        assertThat(unknown.toParameter().typeOid()).isZero();
        assertThat(ArrayCodec.toJavaArray(unknown, d)).isEqualTo(new String[] {"happy"});
    }

    @Test
    void setObjectWithTypesArray() throws SQLException {
        assertThat(e.ofObject(new int[] {1}, Types.ARRAY)).isEqualTo(e.ofObject(new int[] {1}));
        assertThat(e.ofObject("{1,2}", Types.ARRAY).typeOid()).isEqualTo(Oids.UNSPECIFIED);
        assertThatThrownBy(() -> e.ofObject(1, Types.ARRAY))
            .satisfies(x -> assertThat(((SQLException) x).getSQLState()).isEqualTo("22023"));
    }

    @Test
    void arrayTypesReportJavaSqlArrayAndFollowTheirElementsFormat() throws SQLException {
        assertThat(PgTypes.byOid(Oids.INT4_ARRAY).javaClassName()).isEqualTo("java.sql.Array");
        assertThat(PgTypes.binaryResult(Oids.INT4_ARRAY)).isTrue();
        assertThat(PgTypes.binaryResult(Oids.TEXT_ARRAY)).isFalse();
        for (PgType t : PgTypes.all()) {
            if (t.isArray()) assertThat(t.binary()).as(t.name()).isEqualTo(PgTypes.byOid(t.elementOid()).binary());
        }
        assertThat(CodecContext.BUILT_IN.codec(Oids.UUID_ARRAY)).isSameAs(ArrayCodec.INSTANCE);
        CodecContext learned = CodecContext.of(
            oid -> oid == 90001 ? new PgType(90001, "_mood", 0, 90000, Types.ARRAY, "java.sql.Array", false) : PgTypes.byOid(oid),
            name -> null);
        assertThat(learned.codec(90001)).isSameAs(ArrayCodec.INSTANCE);
        ValueDecoder userTypes = new ValueDecoder(learned);
        Slices v = Slices.text("{happy,NULL,\"very sad\"}");
        assertThat(userTypes.getObject(90001, FormatCode.TEXT, v.b(), v.off(), v.len()))
            .isEqualTo(new String[] {"happy", null, "very sad"});
        assertThat(userTypes.getModernObject(90001, FormatCode.TEXT, v.b(), v.off(), v.len()))
            .isEqualTo(Arrays.asList("happy", null, "very sad"));
        assertThat(userTypes.getString(90001, FormatCode.TEXT, v.b(), v.off(), v.len())).isEqualTo("{happy,NULL,\"very sad\"}");
    }

    /** Random values of each element class, encoded and decoded again, in 1 to 3 dimensions. */
    @Test
    void randomRoundTrips() throws SQLException {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        for (int round = 0; round < 300; round++) {
            int kind = random.nextInt(5);
            int[] dims = new int[1 + random.nextInt(3)];
            for (int i = 0; i < dims.length; i++) dims[i] = 1 + random.nextInt(3);
            Class<?> leaf = switch (kind) {
                case 0 -> Integer.class;
                case 1 -> Long.class;
                case 2 -> String.class;
                case 3 -> Boolean.class;
                default -> BigDecimal.class;
            };
            Object array = java.lang.reflect.Array.newInstance(leaf, dims);
            fill(array, leaf, random);
            EncodedParameter p = e.ofObject(array);
            Object back = d.getObject(p.typeOid(), p.format(), p.value(), 0, p.value().length);
            assertThat(back).as("seed " + seed + " value " + Arrays.deepToString((Object[]) array)).isEqualTo(array);
        }
    }

    private static void fill(Object array, Class<?> leaf, java.util.Random r) {
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            Object item = java.lang.reflect.Array.get(array, i);
            if (item != null && item.getClass().isArray()) {
                fill(item, leaf, r);
                continue;
            }
            if (r.nextInt(6) == 0) continue;
            Object v;
            if (leaf == Integer.class) v = r.nextInt();
            else if (leaf == Long.class) v = r.nextLong();
            else if (leaf == Boolean.class) v = r.nextBoolean();
            else if (leaf == BigDecimal.class) v = BigDecimal.valueOf(r.nextLong(), r.nextInt(5));
            else {
                StringBuilder sb = new StringBuilder();
                String alphabet = "aZ ,{}\"\\\tNUL;é😀";
                for (int j = r.nextInt(5); j > 0; j--) sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                v = sb.toString();
            }
            java.lang.reflect.Array.set(array, i, v);
        }
    }
}
