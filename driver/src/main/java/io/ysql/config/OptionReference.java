package io.ysql.config;

import io.ysql.config.ConnectionOption.Status;
import io.ysql.config.ConnectionOption.Tier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the option reference from the declarations in {@link Options}: Markdown tables of
 * the supported options (common, then advanced) and one table of the names accepted without effect
 * or refused. The result is checked in as {@code docs/options.md} and embedded in
 * {@code README.md} between {@code <!-- options:start -->} and {@code <!-- options:end -->}; a
 * test fails when either is stale. {@link #main} rewrites both.
 */
public final class OptionReference {
    /** The command that regenerates the checked-in files. */
    public static final String REGENERATE =
            "mvn -q -pl driver test -Dtest=OptionReferenceTest -Dysql.regenerate=true";
    static final String START = "<!-- options:start -->";
    static final String END = "<!-- options:end -->";
    private static final Comparator<ConnectionOption<?>> BY_NAME =
            Comparator.comparing(o -> o.name().toLowerCase(java.util.Locale.ROOT));

    private OptionReference() {}

    /** The tables, with {@code ###} headings. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        table(sb, "Common options", false, select(Status.SUPPORTED, Tier.COMMON));
        table(sb, "Advanced options", false, select(Status.SUPPORTED, Tier.ADVANCED));
        List<ConnectionOption<?>> rest = new ArrayList<>(select(Status.IGNORED, null));
        rest.addAll(select(Status.REJECTED, null));
        table(sb, "Accepted without effect, or refused", true, rest);
        return sb.toString();
    }

    /** The whole {@code docs/options.md}. */
    public static String document() {
        return "# Connection options\n\n"
                + "<!-- Generated from io.ysql.config.Options by io.ysql.config.OptionReference; do not edit.\n"
                + "     Regenerate: " + REGENERATE + " -->\n\n"
                + "Options are given in a libpq connection string (`host=db1 port=5433`), in the query of a "
                + "`postgresql://` URI or JDBC URL (`?sslmode=require`), or as properties or map entries; "
                + "properties given alongside a URL override the URL's values. A name is matched exactly, "
                + "else ignoring case. An option that is not given comes from its environment variable, "
                + "then (password only) from the password file, then from its default. An unknown name or "
                + "a bad value is an error (SQLSTATE 08001); accepted names without effect are logged at "
                + "DEBUG.\n\n"
                + markdown();
    }

    /** {@code readme} with the text between the markers replaced by {@link #markdown()}. */
    public static String embed(String readme) {
        int s = readme.indexOf(START);
        int e = readme.indexOf(END);
        if (s < 0 || e < s) return readme;
        return readme.substring(0, s + START.length()) + "\n" + markdown() + readme.substring(e);
    }

    /** The generated files under {@code root} whose content is not what would be generated. */
    public static List<Path> stale(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        Path doc = root.resolve("docs/options.md");
        if (!Files.exists(doc) || !read(doc).equals(document())) out.add(doc);
        Path readme = root.resolve("README.md");
        if (Files.exists(readme)) {
            String text = read(readme);
            if (!embed(text).equals(text)) out.add(readme);
        }
        return out;
    }

    /** Writes {@code docs/options.md} and updates {@code README.md} (if it has the markers). */
    public static void write(Path root) throws IOException {
        Path doc = root.resolve("docs/options.md");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, document(), StandardCharsets.UTF_8);
        Path readme = root.resolve("README.md");
        if (Files.exists(readme)) {
            String text = read(readme);
            String updated = embed(text);
            if (!updated.equals(text)) Files.writeString(readme, updated, StandardCharsets.UTF_8);
        }
    }

    /** Regenerates the files under the repository root given as argument (default: the current directory). */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "."));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<ConnectionOption<?>> select(Status status, Tier tier) {
        return Options.all().stream()
                .filter(o -> o.status() == status && (tier == null || o.tier() == tier))
                .sorted(BY_NAME).toList();
    }

    private static void table(StringBuilder sb, String title, boolean withStatus, List<ConnectionOption<?>> options) {
        sb.append("### ").append(title).append("\n\n");
        sb.append("| Name | Aliases | Environment | ").append(withStatus ? "Status | " : "")
                .append("Type / allowed values | Default | Description |\n");
        sb.append("|---|---|---|").append(withStatus ? "---|" : "").append("---|---|---|\n");
        for (ConnectionOption<?> o : options) {
            sb.append("| ").append(code(o.name()))
                    .append(" | ").append(String.join(", ", o.aliases().stream().map(OptionReference::code).toList()))
                    .append(" | ").append(o.envVar().map(OptionReference::code).orElse(""))
                    .append(" | ");
            if (withStatus) sb.append(o.status() == Status.IGNORED ? "no effect" : "refused").append(" | ");
            sb.append(o.status() == Status.REJECTED ? "" : text(o.type().description()))
                    .append(" | ").append(o.defaultText().map(OptionReference::code).orElse(""))
                    .append(" | ").append(text(o.doc() + (o.secret() ? " Secret: never logged or shown." : "")))
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private static String code(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    private static String text(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;");
    }
}
