package io.ysql.error;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates {@code docs/troubleshooting.md} from the driver's sources: every place that builds an
 * error ({@code SqlExceptions.of(SqlState.X, "…")} and the few helpers that wrap it with a fixed
 * SQLSTATE) is found by scanning the text, and its message is shown with the string literals as
 * written and each computed part as {@code {expression}}. The driver's messages say what happened
 * and, after "; ", what to do; the page shows the two apart. Regenerate with {@link #REGENERATE}.
 */
final class ErrorCatalog {
    static final String REGENERATE = "mvn -q -B -o -pl driver test -Dtest=ErrorCatalogTest -Dysql.regenerate=true";
    static final Path DOC = Path.of("docs", "troubleshooting.md");

    /** A call that builds an error: its name, and the SQLSTATE when the helper fixes it (else from argument 1). */
    private record Builder(String call, String fixedState) {}

    private static final List<Builder> BUILDERS = List.of(
            new Builder("SqlExceptions.of(", null),
            new Builder("misuse(SqlState.", null),
            new Builder("ConfigError.of(", SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION),
            new Builder("TlsErrors.setup(", SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION),
            new Builder("TlsErrors.handshake(", SqlState.CONNECTION_FAILURE),
            new Builder("new CertificateRejected(", SqlState.CONNECTION_FAILURE),
            new Builder("Protocol.violation(", SqlState.PROTOCOL_VIOLATION));

    /** One error message as the source builds it. */
    record Entry(String sqlState, String message, String source) {}

    private ErrorCatalog() {}

    /** Every error message in the sources under {@code mainJava}, sorted by SQLSTATE and message. */
    static List<Entry> scan(Path mainJava) throws IOException {
        Set<Entry> entries = new LinkedHashSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(mainJava)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String source = mainJava.relativize(file).toString().replace('\\', '/');
            for (Builder b : BUILDERS) scanCalls(text, b, source, entries);
        }
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing(Entry::sqlState).thenComparing(Entry::message).thenComparing(Entry::source));
        return out;
    }

    private static void scanCalls(String text, Builder b, String source, Set<Entry> out) {
        int from = 0;
        while (true) {
            int at = text.indexOf(b.call(), from);
            if (at < 0) return;
            from = at + b.call().length();
            if (at > 0 && Character.isJavaIdentifierPart(text.charAt(at - 1))) continue;
            int open = text.lastIndexOf('(', from - 1) + 1;
            List<String> args = arguments(text, open);
            if (args == null) continue;
            String state = b.fixedState();
            int messageArg = 0;
            if (state == null) {
                if (args.size() < 2) continue;
                state = stateOf(args.get(0).strip());
                messageArg = 1;
            }
            if (state == null || args.size() <= messageArg) continue;
            String message = render(args.get(messageArg));
            if (message != null) out.add(new Entry(state, message, source));
        }
    }

    /** The top-level arguments of the call whose '(' is just before {@code start}, or null. */
    static List<String> arguments(String text, int start) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = skipLiteral(text, i);
                cur.append(text, i, end);
                i = end - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(cur.toString());
                    return args;
                }
                depth--;
            }
            if (c == ',' && depth == 0) {
                args.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        return null;
    }

    private static int skipLiteral(String text, int i) {
        char quote = text.charAt(i);
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != quote) {
            if (text.charAt(j) == '\\') j++;
            j++;
        }
        return j + 1;
    }

    private static String stateOf(String arg) {
        if (!arg.startsWith("SqlState.")) return null;
        try {
            Field f = SqlState.class.getField(arg.substring("SqlState.".length()));
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * The message with literals unescaped and computed parts as {@code {expr}}; null when it has no
     * literal text at all (a helper passing a message through).
     */
    static String render(String expression) {
        StringBuilder out = new StringBuilder();
        boolean literal = false;
        List<String> parts = splitPlus(expression.strip());
        for (String part : parts) {
            String p = part.strip();
            if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2) {
                out.append(unescape(p.substring(1, p.length() - 1)));
                literal = true;
            } else {
                String e = p.replaceAll("\\s+", " ");
                out.append('{').append(e.matches("[\\w.()]{1,40}") ? e : "…").append('}');
            }
        }
        return literal ? out.toString() : null;
    }

    private static List<String> splitPlus(String e) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int last = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(e, i) - 1;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '+' && depth == 0) {
                parts.add(e.substring(last, i));
                last = i + 1;
            }
        }
        parts.add(e.substring(last));
        return parts;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }

    /** The page: errors grouped by SQLSTATE class, each with what happened, what to do, and where it is raised. */
    static String markdown(List<Entry> entries) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated from the driver's sources by ErrorCatalog; do not edit. Regenerate with:\n     ")
                .append(REGENERATE).append(" -->\n\n");
        md.append("# Troubleshooting: every error message of the driver\n\n");
        md.append("Each error the driver raises itself, grouped by SQLSTATE. `{…}` stands for a value filled in at run "
                + "time (a host, an option, a type name). The driver's messages say what happened and, after a "
                + "semicolon, what to do; both are shown apart below. Errors the server sends (a syntax error, a "
                + "unique violation …) carry the server's own SQLSTATE and message and are not listed here. For a "
                + "failing connection, run `java -jar ysql-driver.jar check \"<your connection string>\"`: it shows "
                + "which step fails and what to do about it.\n");
        Map<String, List<Entry>> byState = new TreeMap<>();
        for (Entry e : entries) byState.computeIfAbsent(e.sqlState(), k -> new ArrayList<>()).add(e);
        for (Map.Entry<String, List<Entry>> group : byState.entrySet()) {
            md.append("\n## SQLSTATE ").append(group.getKey()).append(' ').append(stateName(group.getKey())).append("\n");
            for (Entry e : group.getValue()) {
                String m = e.message().replace("\n", " ").strip();
                int semi = m.indexOf("; ");
                String what = semi < 0 ? m : m.substring(0, semi);
                String fix = semi < 0 ? null : m.substring(semi + 2);
                md.append("\n- **").append(escape(what)).append("**");
                md.append(" <sub>(").append(e.source()).append(")</sub>\n");
                if (fix != null) md.append("  - What to do: ").append(escape(fix)).append('\n');
            }
        }
        return md.toString();
    }

    private static String stateName(String state) {
        for (Field f : SqlState.class.getFields()) {
            try {
                if (state.equals(f.get(null))) return "(" + f.getName().toLowerCase(java.util.Locale.ROOT) + ")";
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return "";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }
}
