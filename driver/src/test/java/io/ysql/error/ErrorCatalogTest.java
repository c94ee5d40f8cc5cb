package io.ysql.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fails when docs/troubleshooting.md differs from what {@link ErrorCatalog} generates from the
 * sources (a message was added or changed); with -Dysql.regenerate=true it rewrites the page.
 */
class ErrorCatalogTest {
    /** Maven runs the tests with the driver module as working directory. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path MAIN = ROOT.resolve("driver/src/main/java");

    @Test
    void troubleshootingPageIsCurrent() throws IOException {
        String generated = ErrorCatalog.markdown(ErrorCatalog.scan(MAIN));
        Path doc = ROOT.resolve(ErrorCatalog.DOC);
        if (Boolean.getBoolean("ysql.regenerate")) Files.writeString(doc, generated, StandardCharsets.UTF_8);
        String current = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        assertThat(current).as("stale %s; regenerate with:%n  %s", ErrorCatalog.DOC, ErrorCatalog.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void findsTheMessagesOfEachKindOfBuilder() throws IOException {
        List<ErrorCatalog.Entry> all = ErrorCatalog.scan(MAIN);
        assertThat(all).anySatisfy(e -> {
            assertThat(e.sqlState()).isEqualTo("08001");
            assertThat(e.message()).isEqualTo("could not translate host name \"{address}\" to address: unknown host; "
                    + "check the host option");
            assertThat(e.source()).isEqualTo("io/ysql/internal/transport/Transport.java");
        });
        assertThat(all).anySatisfy(e -> assertThat(e.message()).startsWith("unknown connection option \"{name}\""));
        assertThat(all).anySatisfy(e -> assertThat(e.message()).startsWith("certificate has expired"));
        assertThat(all).anySatisfy(e -> {
            assertThat(e.sqlState()).isEqualTo("08P01");
            assertThat(e.message()).isEqualTo("a response arrived with no request waiting for it");
        });
        assertThat(all).hasSizeGreaterThan(150).allSatisfy(e -> assertThat(e.sqlState()).hasSize(5));
    }

    @Test
    void renderShowsLiteralsAndMarksComputedParts() {
        assertThat(ErrorCatalog.render("\"a \\\"quoted\\\" \" + name + \" and \" + (x ? \"y\" : \"z\")"))
                .isEqualTo("a \"quoted\" {name} and {…}");
        assertThat(ErrorCatalog.render("message")).isNull();
        assertThat(ErrorCatalog.arguments("SqlState.X, \"a, b\" + f(c, d), cause) rest", 0))
                .containsExactly("SqlState.X", " \"a, b\" + f(c, d)", " cause");
    }
}
