package io.ysql.internal.catalog;

import static io.ysql.internal.catalog.TypeCatalogTest.COMPLEX;
import static io.ysql.internal.catalog.TypeCatalogTest.COMPLEX_ROWS;
import static io.ysql.internal.catalog.TypeCatalogTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.internal.catalog.TypeCatalogTest.Complex;
import io.ysql.internal.catalog.TypeCatalogTest.ComplexCodec;
import io.ysql.internal.catalog.TypeCatalogTest.Fake;
import io.ysql.internal.codec.CodecContext;
import io.ysql.internal.codec.EncodedParameter;
import io.ysql.internal.codec.FormatCode;
import io.ysql.internal.codec.UserCodecAdapter;
import io.ysql.types.Codec;
import io.ysql.types.Composite;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cursor's codecs over a catalog: they win for the overlay only, and their names resolve through the catalog. */
class CodecOverlayTest {
    private final Fake fake = new Fake();
    private final TypeCatalog catalog = new TypeCatalog(fake, name -> null);
    private final CodecOverlay overlay = new CodecOverlay(catalog);

    /** Decodes as the mirror codec: (r, i) becomes (i, r). */
    static final class MirrorCodec extends ComplexCodecBase {
        @Override
        public Complex decode(String text) {
            String[] parts = text.substring(1, text.length() - 1).split(",");
            return new Complex(Double.parseDouble(parts[1]), (int) Double.parseDouble(parts[0]));
        }

        @Override public String encode(Complex v) { return "(" + v.i() + "," + v.r() + ")"; }
    }

    abstract static class ComplexCodecBase implements Codec<Complex> {
        @Override public String typeName() { return "public.complex"; }
        @Override public Class<Complex> javaType() { return Complex.class; }
    }

    private static Object decode(CodecContext ctx, int oid, String text) throws SQLException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return ctx.decoder().getObject(oid, FormatCode.TEXT, b, 0, b.length);
    }

    @Test
    void theOverlaysCodecWinsForItsReadersOnly() throws SQLException {
        fake.names = List.of(row("public.complex", COMPLEX));
        fake.types = COMPLEX_ROWS;
        catalog.register(new UserCodecAdapter(new ComplexCodec("public.complex")));
        overlay.register(new UserCodecAdapter(new MirrorCodec()));
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(decode(overlay, COMPLEX, "(1,2)")).isEqualTo(new Complex(2, 1));
        assertThat(decode(catalog, COMPLEX, "(1,2)")).isEqualTo(new Complex(1, 2));
        EncodedParameter p = overlay.encodeUser(new Complex(3, 4));
        assertThat(p.typeOid()).isEqualTo(COMPLEX);
        assertThat(new String(p.value(), StandardCharsets.UTF_8)).isEqualTo("(4,3.0)");
        assertThat(new String(catalog.encodeUser(new Complex(3, 4)).value(), StandardCharsets.UTF_8)).isEqualTo("(3.0,4)");
        assertThat(fake.ran).hasSize(2);
    }

    @Test
    void withoutItsOwnCodecTheOverlayReadsAsTheCatalogDoes() throws SQLException {
        fake.types = COMPLEX_ROWS;
        catalog.learnOids(Set.of(COMPLEX));
        assertThat(decode(overlay, COMPLEX, "(1,2)")).isInstanceOf(Composite.class);
        assertThat(overlay.encodeUser("text")).isNull();
    }

    @Test
    void aNameThatCannotBeLookedUpYetIsResolvedLater() throws SQLException {
        fake.canQuery = false;
        overlay.register(new UserCodecAdapter(new MirrorCodec()));
        assertThat(fake.ran).isEmpty();
        assertThatThrownBy(() -> overlay.encodeUser(new Complex(1, 2))).hasFieldOrPropertyWithValue("SQLState", "25P02");
        fake.canQuery = true;
        fake.names = List.of(row("public.complex", COMPLEX));
        overlay.resolvePending();
        assertThat(decode(overlay, COMPLEX, "(1,2)")).isEqualTo(new Complex(2, 1));
    }

    @Test
    void unknownAndBuiltInTypesAreRefused() {
        fake.names = List.of(row("public.complex", null));
        assertThatThrownBy(() -> overlay.register(new UserCodecAdapter(new MirrorCodec())))
                .hasFieldOrPropertyWithValue("SQLState", "42704");
        fake.names = List.of(row("public.complex", io.ysql.internal.codec.Oids.INT4));
        CodecOverlay other = new CodecOverlay(new TypeCatalog(fake, name -> null));
        assertThatThrownBy(() -> other.register(new UserCodecAdapter(new MirrorCodec())))
                .hasFieldOrPropertyWithValue("SQLState", "0A000");
    }
}
