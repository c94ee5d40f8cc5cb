package io.ysql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.error.SqlExceptions;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.FormatCode;
import io.ysql.internal.codec.LearnedType;
import io.ysql.internal.codec.Oids;
import io.ysql.internal.codec.UserCodecAdapter;
import io.ysql.types.Codec;
import io.ysql.types.Composite;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The catalog against a scripted catalog session: what it asks, how often, and what it makes of the rows. */
class TypeCatalogTest {
    static final int COMPLEX = 16400;
    static final int COMPLEX_ARRAY = 16399;
    static final int MOOD = 16410;
    static final int POSINT = 16420;

    /** Rows as {@code TypeQueries.types} returns them. */
    static List<String> row(Object... values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) out.add(v == null ? null : v.toString());
        return out;
    }

    static final List<List<String>> COMPLEX_ROWS = List.of(
            row(COMPLEX, "public", "complex", "c", "f", COMPLEX_ARRAY, 0, 0, null, 1, "r", Oids.FLOAT8),
            row(COMPLEX, "public", "complex", "c", "f", COMPLEX_ARRAY, 0, 0, null, 2, "i", Oids.INT4));

    /** A scripted session: answers by the start of the SQL, counts and records what it ran. */
    static final class Fake implements CatalogSession {
        final List<String> ran = new CopyOnWriteArrayList<>();
        volatile boolean canQuery = true;
        volatile List<List<String>> types = List.of();
        volatile List<List<String>> names = List.of();
        volatile SQLException failure;
        volatile CountDownLatch gate;

        @Override
        public List<List<String>> query(String sql) throws SQLException {
            ran.add(sql);
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) throw failure;
            return sql.startsWith("WITH RECURSIVE") ? types : names;
        }

        @Override public boolean canQuery() { return canQuery; }
    }

    private final Fake fake = new Fake();
    private final TypeCatalog catalog = new TypeCatalog(fake, name -> null);

    private Object decode(int oid, String text) throws SQLException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return catalog.decoder().getObject(oid, FormatCode.TEXT, b, 0, b.length);
    }

    @Test
    void learnsACompositeOnceAndDecodesItsAttributesTyped() throws SQLException {
        fake.types = COMPLEX_ROWS;
        catalog.learnOids(Set.of(COMPLEX));
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(catalog.queryCount()).isEqualTo(1);
        assertThat(fake.ran.get(0)).contains("'{16400}'::pg_catalog.oid[]");
        assertThat(catalog.type(COMPLEX).sqlType()).isEqualTo(Types.STRUCT);
        assertThat(catalog.type(COMPLEX).javaClassName()).isEqualTo("java.sql.Struct");
        assertThat(decode(COMPLEX, "(1.5,7)"))
                .isEqualTo(new Composite("public.complex", List.of("r", "i"), List.of(1.5, 7)));
        assertThat(decode(COMPLEX, "(,)")).isEqualTo(new Composite("public.complex", List.of("r", "i"), Arrays.asList(null, null)));
    }

    @Test
    void neverLooksUpBuiltInTypesNorRunsWhenItCannot() {
        catalog.learnOids(Set.of());
        catalog.learnOids(Set.of(Oids.INT4, Oids.RECORD, Oids.TEXT_ARRAY));
        fake.canQuery = false;
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(fake.ran).isEmpty();
        fake.canQuery = true;
        fake.types = COMPLEX_ROWS;
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(fake.ran).hasSize(1);
        assertThat(catalog.learned(COMPLEX).kind()).isEqualTo(LearnedType.Kind.COMPOSITE);
    }

    @Test
    void aFailedLookupLeavesTheTypesAsTextAndIsNotRepeated() throws SQLException {
        fake.failure = SqlExceptions.of("42501", "permission denied for table pg_type");
        catalog.learnOids(Set.of(COMPLEX, MOOD));
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(catalog.queryCount()).isEqualTo(1);
        assertThat(catalog.codec(COMPLEX)).isNull();
        assertThat(decode(COMPLEX, "(1,2)")).isEqualTo("(1,2)");
        assertThat(catalog.type(MOOD).javaClassName()).isEqualTo("java.lang.String");
    }

    @Test
    void typesTheServerDoesNotReturnAreReadAsTextWithoutAskingAgain() {
        fake.types = List.of();
        catalog.learnOids(Set.of(MOOD));
        catalog.learnOids(Set.of(MOOD));
        assertThat(catalog.queryCount()).isEqualTo(1);
        assertThat(catalog.learned(MOOD)).isNull();
    }

    @Test
    void enumsDomainsAndArraysOfLearnedTypes() throws SQLException {
        fake.types = List.of(
                row(COMPLEX_ARRAY, "public", "_complex", "b", "t", 0, COMPLEX, 0, null, null, null, null),
                row(MOOD, "s", "mood", "e", "f", 16411, 0, 0, null, null, null, null),
                row(POSINT, "public", "posint", "d", "f", 16421, 0, Oids.INT4, null, null, null, null));
        catalog.learnOids(Set.of(COMPLEX_ARRAY, MOOD, POSINT));
        assertThat(catalog.type(COMPLEX_ARRAY).elementOid()).isEqualTo(COMPLEX);
        assertThat(catalog.type(COMPLEX_ARRAY).sqlType()).isEqualTo(Types.ARRAY);
        assertThat(catalog.type(MOOD).sqlType()).isEqualTo(Types.VARCHAR);
        assertThat(catalog.type(MOOD).name()).isEqualTo("mood");
        assertThat(decode(MOOD, "happy")).isEqualTo("happy");
        assertThat(catalog.type(POSINT).sqlType()).isEqualTo(Types.INTEGER);
        assertThat(decode(POSINT, "42")).isEqualTo(42);
    }

    @Test
    void eightThreadsLearningAtOnceQueryOnce() throws Exception {
        fake.types = COMPLEX_ROWS;
        fake.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    catalog.learnOids(Set.of(COMPLEX));
                    return decode(COMPLEX, "(1,2)");
                }));
            }
            Thread.sleep(100); // let the threads pile up on the lookup; the result does not depend on it
            fake.gate.countDown();
            for (Future<Object> f : results) assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(Composite.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(catalog.queryCount()).isEqualTo(1);
    }

    record Complex(double r, int i) {}

    static final class ComplexCodec implements Codec<Complex> {
        private final String name;

        ComplexCodec(String name) { this.name = name; }

        @Override public String typeName() { return name; }
        @Override public Class<Complex> javaType() { return Complex.class; }

        @Override
        public Complex decode(String text) throws SQLException {
            String[] parts = text.substring(1, text.length() - 1).split(",");
            return new Complex(Double.parseDouble(parts[0]), Integer.parseInt(parts[1]));
        }

        @Override public String encode(Complex v) { return "(" + v.r() + "," + v.i() + ")"; }
    }

    @Test
    void userCodecsAreResolvedOnceWhenFirstNeeded() throws SQLException {
        catalog.register(new UserCodecAdapter(new ComplexCodec("complex")));
        assertThat(fake.ran).isEmpty();
        fake.names = List.of(row("complex", COMPLEX));
        fake.types = COMPLEX_ROWS;
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(fake.ran).hasSize(2);
        assertThat(fake.ran.get(0)).contains("to_regtype").contains("E'complex'");
        assertThat(decode(COMPLEX, "(1.5,2)")).isEqualTo(new Complex(1.5, 2));
        assertThat(catalog.type(COMPLEX).javaClassName()).isEqualTo(Complex.class.getName());
        EncodedParameter p = catalog.encodeUser(new Complex(0.5, 3));
        assertThat(p.typeOid()).isEqualTo(COMPLEX);
        assertThat(new String(p.value(), StandardCharsets.UTF_8)).isEqualTo("(0.5,3)");
        assertThat(catalog.encodeUser("not mine")).isNull();
        assertThat(fake.ran).hasSize(2);
    }

    @Test
    void aCodecRegisteredAfterItsTypeWasLearnedTakesOver() throws SQLException {
        fake.types = COMPLEX_ROWS;
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(decode(COMPLEX, "(1,2)")).isInstanceOf(Composite.class);
        catalog.register(new UserCodecAdapter(new ComplexCodec("public.complex")));
        fake.names = List.of(row("public.complex", COMPLEX));
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(decode(COMPLEX, "(1,2)")).isEqualTo(new Complex(1, 2));
    }

    @Test
    void anUnknownCodecTypeNameIs42704WhenFirstNeeded() {
        catalog.register(new UserCodecAdapter(new ComplexCodec("no_such_type")));
        fake.names = List.of(row("no_such_type", null));
        assertThatThrownBy(() -> catalog.encodeUser(new Complex(1, 2))).isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "42704").hasMessageContaining("no_such_type");
        assertThatThrownBy(() -> catalog.encodeUser(new Complex(1, 2))).hasFieldOrPropertyWithValue("SQLState", "42704");
        assertThat(fake.ran).hasSize(1);
    }

    @Test
    void typeNamesAreResolvedOnce() throws SQLException {
        fake.names = List.of(row("hstore", 16500));
        assertThat(catalog.typeOid("hstore")).isEqualTo(16500);
        assertThat(catalog.typeOid("hstore")).isEqualTo(16500);
        assertThat(fake.ran).hasSize(1);
        fake.names = List.of(row("nope", null));
        assertThatThrownBy(() -> catalog.typeOid("nope")).hasFieldOrPropertyWithValue("SQLState", "42704");
        fake.canQuery = false;
        assertThat(catalog.typeOid("later")).isZero();
    }

    @Test
    void literalsAreEscapedWhateverTheStringSetting() {
        assertThat(TypeQueries.literal("a'b\\c")).isEqualTo("E'a''b\\\\c'");
        assertThat(TypeQueries.names(List.of("x", "s.y"))).contains("ARRAY[E'x', E's.y']");
    }

    @Test
    void readsTypeRowsIntoLearnedTypes() {
        Map<Integer, LearnedType> types = TypeQueries.readTypes(COMPLEX_ROWS);
        LearnedType t = types.get(COMPLEX);
        assertThat(t.qualifiedName()).isEqualTo("public.complex");
        assertThat(t.arrayOid()).isEqualTo(COMPLEX_ARRAY);
        assertThat(t.attributes()).containsExactly(new LearnedType.Attribute("r", Oids.FLOAT8),
                new LearnedType.Attribute("i", Oids.INT4));
        assertThat(TypeQueries.oid("4294967295")).isEqualTo(-1);
        assertThat(TypeQueries.types(List.of(-1))).contains("'{4294967295}'");
    }
}
