package io.ysql.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fails when docs/coming-from-pgjdbc.md differs from what {@link PgjdbcGuide} generates from the
 * option declarations; with -Dysql.regenerate=true it rewrites the page.
 */
class PgjdbcGuideTest {
    private static final Path DOC = Path.of("..").toAbsolutePath().normalize().resolve("docs/coming-from-pgjdbc.md");

    @Test
    void guideIsCurrent() throws IOException {
        String generated = PgjdbcGuide.markdown();
        if (Boolean.getBoolean("ysql.regenerate")) Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        String current = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertThat(current).as("stale %s; regenerate with:%n  %s", DOC, PgjdbcGuide.REGENERATE).isEqualTo(generated);
    }

    @Test
    void everyPgjdbcDeclarationAndAliasIsListed() {
        String md = PgjdbcGuide.markdown();
        for (ConnectionOption<?> o : Options.all()) {
            if (o.doc().startsWith("pgjdbc:")) assertThat(md).contains("| `" + o.name() + "` |");
        }
        assertThat(md).contains("| `ApplicationName` | → `application_name` |", "| `sslmode` | same |",
                "| `sslfactory` | refused |", "| `prepareThreshold` | → `prepare_threshold` |",
                "| `hostRecheckSeconds` | accepted, no effect |");
    }
}
