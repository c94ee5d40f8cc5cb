package io.ysql.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when docs/options.md, or README.md between its option markers, differs from what the
 * declarations generate. With -Dysql.regenerate=true it rewrites them instead.
 */
class OptionReferenceTest {
    /** Maven runs the tests with the driver module as working directory. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void checkedInReferenceIsCurrent() throws IOException {
        if (Boolean.getBoolean("ysql.regenerate")) {
            OptionReference.write(ROOT);
        }
        List<Path> stale = OptionReference.stale(ROOT);
        assertThat(stale).as("stale generated option reference; regenerate with:%n  %s", OptionReference.REGENERATE)
                .isEmpty();
    }

    @Test
    void tablesListEveryOptionOnce() {
        String md = OptionReference.markdown();
        for (ConnectionOption<?> o : Options.all()) {
            assertThat(md).contains("| `" + o.name() + "` |");
        }
        assertThat(md.indexOf("### Common options")).isLessThan(md.indexOf("### Advanced options"));
        assertThat(md.indexOf("### Advanced options")).isLessThan(md.indexOf("### Accepted without effect"));
        assertThat(md).contains("| `sslfactory` |").contains("refused");
    }

    @Test
    void embedReplacesOnlyBetweenMarkers() {
        String readme = "# T\n\nintro\n" + OptionReference.START + "\nold table\n" + OptionReference.END + "\nafter\n";
        String embedded = OptionReference.embed(readme);
        assertThat(embedded).startsWith("# T\n\nintro\n" + OptionReference.START + "\n### Common options")
                .endsWith(OptionReference.END + "\nafter\n")
                .doesNotContain("old table");
        assertThat(OptionReference.embed(embedded)).isEqualTo(embedded);
        assertThat(OptionReference.embed("no markers")).isEqualTo("no markers");
    }

    @Test
    void staleDetectsAMissingOrEditedFile() throws IOException {
        Path dir = Files.createTempDirectory("optref");
        assertThat(OptionReference.stale(dir)).containsExactly(dir.resolve("docs/options.md"));
        OptionReference.write(dir);
        assertThat(OptionReference.stale(dir)).isEmpty();
        Files.writeString(dir.resolve("README.md"), OptionReference.START + "\n" + OptionReference.END);
        assertThat(OptionReference.stale(dir)).containsExactly(dir.resolve("README.md"));
        OptionReference.main(new String[] {dir.toString()});
        assertThat(OptionReference.stale(dir)).isEmpty();
    }
}
