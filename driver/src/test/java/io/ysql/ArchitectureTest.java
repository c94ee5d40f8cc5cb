package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks the package rules of DESIGN.md against the real sources of the driver: every import and
 * every fully-qualified reference follows the import table, packages form no cycle, and the main
 * code has no {@code System.out}/{@code System.err} outside the CLI, no {@code synchronized}, no
 * third-party imports and no static mutable state. The sources are read as text (comments and
 * string literals blanked first), so the check needs no compiled classes. Each failure names the
 * file, the line and the rule. The one dependency direction left out of the cycle check is public
 * facade ({@code io.ysql}, {@code io.ysql.jdbc}) → internal: the facades construct the internal
 * implementations, which in turn implement the public interfaces.
 */
class ArchitectureTest {
    private static final String ROOT = "io.ysql";
    private static final String INTERNAL = "io.ysql.internal";
    private static final Set<String> FACADES = Set.of("io.ysql", "io.ysql.jdbc");
    private static final List<String> PUBLIC =
            List.of("io.ysql", "io.ysql.jdbc", "io.ysql.config", "io.ysql.error", "io.ysql.errors", "io.ysql.types");

    /** The import table of DESIGN.md: package (with its subpackages) → what it may import. */
    private static final Map<String, Predicate<String>> TABLE = table();

    private static Map<String, Predicate<String>> table() {
        String config = ROOT + ".config";
        String error = ROOT + ".error";
        String types = ROOT + ".types";
        String errors = ROOT + ".errors";
        Map<String, Predicate<String>> t = new HashMap<>();
        t.put(ROOT, only(config, error, errors, types, INTERNAL));
        // the JDBC driver opens connections through the public entry point, so it may use io.ysql itself
        t.put(ROOT + ".jdbc", target -> target.equals(ROOT) || only(config, error, types, INTERNAL).test(target));
        t.put(config, only(error));
        t.put(types, only(error));
        t.put(error, only());
        t.put(errors, only(error));
        t.put(i("buffer"), only());
        t.put(i("wire"), only(i("buffer")));
        t.put(i("auth"), only());
        t.put(i("tls"), only(config, error));
        t.put(i("transport"), only(config, error, i("buffer"), i("wire"), i("tls")));
        t.put(i("session"), only(config, error, i("buffer"), i("wire"), i("auth"), i("transport")));
        t.put(i("codec"), only(types, error, i("buffer")));
        t.put(i("sql"), only(error));
        t.put(i("catalog"), only(i("session"), i("codec"), i("cluster"), error));
        t.put(i("cluster"), only(config, error));
        t.put(i("connect"), only(config, error, i("tls"), i("transport"), i("session"), i("catalog"), i("cluster")));
        t.put(i("jdbc"), target -> !within(target, i("cursor")));
        t.put(i("cursor"), target -> !within(target, i("jdbc")));
        t.put(i("cli"), PUBLIC::contains);
        return Map.copyOf(t);
    }

    private static String i(String name) { return INTERNAL + "." + name; }

    /** Allows the listed packages and their subpackages. */
    private static Predicate<String> only(String... packages) {
        return target -> Stream.of(packages).anyMatch(p -> within(target, p));
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** The table entry governing {@code pkg}: the longest listed root holding it, {@code io.ysql} only itself. */
    static String ruleOf(String pkg) {
        String best = null;
        for (String root : TABLE.keySet()) {
            boolean holds = root.equals(ROOT) ? pkg.equals(ROOT) : within(pkg, root);
            if (holds && (best == null || root.length() > best.length())) best = root;
        }
        return best;
    }

    /** Whether a class in {@code from} may depend on one in {@code to} (both {@code io.ysql} packages). */
    static boolean allowed(String from, String to) {
        String rule = ruleOf(from);
        if (rule == null) return false;
        if (from.equals(to) || (!rule.equals(ROOT) && within(to, rule))) return true;
        return TABLE.get(rule).test(to);
    }

    // ---- the check ----

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.ysql((?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]");
    private static final Pattern SYSTEM_STREAM = Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b");
    private static final Pattern SYNCHRONIZED = Pattern.compile("\\bsynchronized\\b");
    private static final Pattern FIELD = Pattern.compile(
            "(?m)^[ \\t]*((?:(?:public|protected|private|static|final|transient|volatile)\\s+)+)"
                    + "[\\w$.]+(?:\\s*<[^;=(){}]*>)?(?:\\s*\\[\\s*])*\\s+([\\w$]+)\\s*([=;,])");
    private static final Pattern MUTABLE_NEW = Pattern.compile(
            "\\s*new\\s+(?:[\\w.]+\\.)?(HashMap|LinkedHashMap|TreeMap|WeakHashMap|IdentityHashMap|EnumMap"
                    + "|ConcurrentHashMap|ConcurrentSkipListMap|HashSet|LinkedHashSet|TreeSet|ArrayList|LinkedList"
                    + "|ArrayDeque|CopyOnWriteArrayList|ConcurrentLinkedQueue|AtomicInteger|AtomicLong|AtomicBoolean"
                    + "|AtomicReference|LongAdder|StringBuilder)\\b");

    /** One source file's dependencies on other driver packages, with the line of each. */
    private record Dependency(String from, String to, String where) {}

    /** All rule violations in {@code sources} (path → text), sorted. */
    static List<String> violations(Map<String, String> sources) {
        List<String> out = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        sources.forEach((path, text) -> checkFile(path, text, out, dependencies));
        out.addAll(cycles(dependencies));
        out.sort(Comparator.comparing((String m) -> m.substring(0, m.indexOf(':')))
                .thenComparingInt(ArchitectureTest::lineOf).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static int lineOf(String message) {
        String[] parts = message.split(":", 3);
        return parts.length == 3 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
    }

    private static void checkFile(String path, String text, List<String> out, List<Dependency> deps) {
        if (path.endsWith("module-info.java")) return;
        String code = JavaText.blankCommentsAndLiterals(text);
        Matcher pm = PACKAGE.matcher(code);
        if (!pm.find()) {
            out.add(path + ":1: no package declaration");
            return;
        }
        String pkg = pm.group(1);
        if (ruleOf(pkg) == null) out.add(path + ":" + line(code, pm.start(1)) + ": package " + pkg
                + " is not in the import table of DESIGN.md");
        Set<Integer> importLines = new TreeSet<>();
        Matcher im = IMPORT.matcher(code);
        while (im.find()) {
            int line = line(code, im.start(1));
            importLines.add(line);
            String target = packageOf(im.group(1));
            if (target.startsWith("java.") || target.startsWith("javax.") || target.startsWith("jdk.")
                    || target.startsWith("org.xml.sax") || target.startsWith("org.w3c.dom")) continue; // java.xml
            if (!within(target, ROOT)) {
                out.add(path + ":" + line + ": imports " + im.group(1) + " from outside the JDK (no runtime dependencies)");
            } else {
                dependency(pkg, target, path, line, "imports " + im.group(1), out, deps);
            }
        }
        Matcher qm = QUALIFIED.matcher(code);
        while (qm.find()) {
            int line = line(code, qm.start());
            if (importLines.contains(line) || line == line(code, pm.start(1))) continue;
            dependency(pkg, ROOT + qm.group(1), path, line, "refers to " + ROOT + qm.group(1) + " by full name", out, deps);
        }
        if (!within(pkg, INTERNAL + ".cli")) {
            report(SYSTEM_STREAM, code, path, "uses System.out/System.err outside io.ysql.internal.cli", out);
        }
        report(SYNCHRONIZED, code, path, "uses synchronized (use java.util.concurrent.locks)", out);
        checkStaticFields(code, path, out);
    }

    private static void dependency(String from, String to, String path, int line, String what,
            List<String> out, List<Dependency> deps) {
        if (from.equals(to)) return;
        if (ruleOf(from) != null && !allowed(from, to)) {
            out.add(path + ":" + line + ": " + from + " " + what + ", which the import table of DESIGN.md forbids");
        }
        deps.add(new Dependency(from, to, path + ":" + line));
    }

    private static void report(Pattern p, String code, String path, String rule, List<String> out) {
        Matcher m = p.matcher(code);
        while (m.find()) out.add(path + ":" + line(code, m.start()) + ": " + rule);
    }

    private static void checkStaticFields(String code, String path, List<String> out) {
        Matcher m = FIELD.matcher(code);
        while (m.find()) {
            List<String> modifiers = List.of(m.group(1).trim().split("\\s+"));
            if (!modifiers.contains("static") || m.group(2).equals("serialVersionUID")) continue;
            String where = path + ":" + line(code, m.start(2)) + ": static field " + m.group(2);
            if (!modifiers.contains("final")) {
                out.add(where + " is not final (no static mutable state)");
            } else if (m.group(3).equals("=") && MUTABLE_NEW.matcher(code).region(m.end(), code.length()).lookingAt()) {
                out.add(where + " holds a mutable object (no static mutable state)");
            }
        }
    }

    /** {@code a.b.C.D} → {@code a.b}; {@code a.b.*} → {@code a.b}: packages are the lower-case segments. */
    static String packageOf(String name) {
        StringBuilder pkg = new StringBuilder();
        for (String segment : name.split("\\.")) {
            if (segment.equals("*") || Character.isUpperCase(segment.charAt(0))) break;
            if (pkg.length() > 0) pkg.append('.');
            pkg.append(segment);
        }
        return pkg.toString();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) if (text.charAt(k) == '\n') line++;
        return line;
    }

    // ---- cycles ----

    /** One message per strongly connected group of packages, showing one cycle and where each edge comes from. */
    private static List<String> cycles(List<Dependency> dependencies) {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (Dependency d : dependencies) {
            if (FACADES.contains(d.from()) && within(d.to(), INTERNAL)) continue;
            // a package may import its own subpackages (wire's one decoder knows wire.backend's records)
            if (!d.from().equals(ROOT) && within(d.to(), d.from())) continue;
            graph.computeIfAbsent(d.from(), k -> new TreeMap<>()).putIfAbsent(d.to(), d.where());
            graph.computeIfAbsent(d.to(), k -> new TreeMap<>());
        }
        List<String> out = new ArrayList<>();
        for (Set<String> component : new Tarjan(graph).components()) {
            if (component.size() < 2) continue;
            List<String> cycle = cycleThrough(graph, component);
            StringBuilder sb = new StringBuilder("package cycle: ").append(String.join(" -> ", cycle));
            for (int k = 0; k + 1 < cycle.size(); k++) {
                sb.append("\n    ").append(cycle.get(k)).append(" -> ").append(cycle.get(k + 1))
                        .append(" at ").append(graph.get(cycle.get(k)).get(cycle.get(k + 1)));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** The shortest cycle from the component's first package back to itself (breadth first). */
    private static List<String> cycleThrough(Map<String, Map<String, String>> graph, Set<String> component) {
        String start = component.iterator().next();
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : graph.get(node).keySet()) {
                if (!component.contains(next)) continue;
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String n = node; n != null; n = parent.get(n)) path.add(0, n);
                    return path;
                }
                if (!parent.containsKey(next) && !next.equals(start)) {
                    parent.put(next, node);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("component without a cycle: " + component);
    }

    /** Tarjan's strongly connected components over a small package graph. */
    private static final class Tarjan {
        private final Map<String, Map<String, String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Map<String, String>> graph) { this.graph = graph; }

        List<Set<String>> components() {
            for (String node : graph.keySet()) if (!index.containsKey(node)) visit(node);
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.get(node).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }

    /** Java source with comments and the contents of string, char and text-block literals blanked; lines kept. */
    private static final class JavaText {
        private JavaText() {}

        static String blankCommentsAndLiterals(String source) {
            char[] c = source.toCharArray();
            int n = c.length;
            int k = 0;
            while (k < n) {
                char ch = c[k];
                char next = k + 1 < n ? c[k + 1] : 0;
                if (ch == '/' && next == '/') {
                    while (k < n && c[k] != '\n') c[k++] = ' ';
                } else if (ch == '/' && next == '*') {
                    k = blankUntil(c, k, k + 2, "*/");
                } else if (ch == '"' && next == '"' && k + 2 < n && c[k + 2] == '"') {
                    k = skipLiteral(c, k + 3, "\"\"\"");
                } else if (ch == '"' || ch == '\'') {
                    k = skipLiteral(c, k + 1, String.valueOf(ch));
                } else {
                    k++;
                }
            }
            return new String(c);
        }

        /** Blanks {@code from..} up to and including {@code end}; returns the index after it. */
        private static int blankUntil(char[] c, int start, int from, String end) {
            for (int k = start; k < from; k++) blank(c, k);
            int k = from;
            while (k < c.length && !startsWith(c, k, end)) blank(c, k++);
            for (int e = 0; e < end.length() && k < c.length; e++) blank(c, k++);
            return k;
        }

        /** Blanks a literal's contents (backslash escapes included), keeping its quotes. */
        private static int skipLiteral(char[] c, int from, String quote) {
            int k = from;
            while (k < c.length && !startsWith(c, k, quote)) {
                if (c[k] == '\\' && k + 1 < c.length) blank(c, k++);
                blank(c, k++);
            }
            return k + quote.length();
        }

        private static boolean startsWith(char[] c, int at, String s) {
            if (at + s.length() > c.length) return false;
            for (int k = 0; k < s.length(); k++) if (c[at + k] != s.charAt(k)) return false;
            return true;
        }

        private static void blank(char[] c, int k) {
            if (c[k] != '\n') c[k] = ' ';
        }
    }

    // ---- the tests ----

    @Test
    void mainSourcesFollowThePackageRules() throws IOException {
        Path main = Stream.of(Path.of("src/main/java"), Path.of("driver/src/main/java"))
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new AssertionError("driver/src/main/java not found from " + Path.of("").toAbsolutePath()));
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(main.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(sources).as("Java sources under " + main).isNotEmpty();
        List<String> violations = violations(sources);
        assertThat(violations).withFailMessage("architecture rules broken:%n%s", String.join("\n", violations)).isEmpty();
    }

    @Test
    void tableKeepsTheKeyBoundaries() {
        assertThat(allowed(INTERNAL + ".session", INTERNAL + ".codec")).isFalse();
        assertThat(allowed(INTERNAL + ".jdbc", INTERNAL + ".cursor")).isFalse();
        assertThat(allowed(INTERNAL + ".cursor", INTERNAL + ".jdbc")).isFalse();
        assertThat(allowed(INTERNAL + ".sql", INTERNAL + ".buffer")).isFalse();
        assertThat(allowed(INTERNAL + ".cli", INTERNAL + ".session")).isFalse();
        assertThat(allowed("io.ysql.error", "io.ysql.config")).isFalse();
        assertThat(allowed("io.ysql", "io.ysql.jdbc")).isFalse();
        assertThat(allowed(INTERNAL + ".wire.frontend", INTERNAL + ".wire.backend")).isTrue();
        assertThat(allowed(INTERNAL + ".wire.backend", INTERNAL + ".wire")).isTrue();
        assertThat(allowed(INTERNAL + ".jdbc", INTERNAL + ".codec")).isTrue();
        assertThat(allowed(INTERNAL + ".cli", "io.ysql.jdbc")).isTrue();
        assertThat(allowed(INTERNAL + ".sql", "io.ysql.error")).isTrue();
    }

    @Test
    void packageOfStopsAtTheFirstClassName() {
        assertThat(packageOf("io.ysql.error.SqlState.SYNTAX_ERROR")).isEqualTo("io.ysql.error");
        assertThat(packageOf("io.ysql.internal.wire.*")).isEqualTo("io.ysql.internal.wire");
        assertThat(packageOf("io.ysql.Row.Cell")).isEqualTo("io.ysql");
    }

    /** The checker itself, on made-up sources, so that a silent checker cannot pass the real test. */
    @Nested
    class Checker {
        private List<String> check(String... pathAndText) {
            Map<String, String> sources = new TreeMap<>();
            for (int k = 0; k < pathAndText.length; k += 2) sources.put(pathAndText[k], pathAndText[k + 1]);
            return violations(sources);
        }

        private String source(String pkg, String body) {
            return "package " + pkg + ";\n" + body;
        }

        @Test
        void forbiddenImportIsReportedWithFileAndLine() {
            List<String> v = check("S.java", source(INTERNAL + ".session",
                    "\nimport java.util.List;\n\nimport io.ysql.internal.codec.Codecs;\nclass S {}\n"));
            assertThat(v).singleElement().asString()
                    .startsWith("S.java:5: io.ysql.internal.session imports io.ysql.internal.codec.Codecs");
        }

        @Test
        void staticImportsAndWildcardsCount() {
            assertThat(check("Q.java", source(INTERNAL + ".sql",
                    "import static io.ysql.internal.buffer.ByteReader.getInt;\nimport io.ysql.internal.wire.*;\n")))
                    .hasSize(2).allMatch(m -> m.contains("forbids"));
        }

        @Test
        void fullyQualifiedReferenceIsADependency() {
            assertThat(check("J.java", source(INTERNAL + ".jdbc",
                    "class J { io.ysql.internal.cursor.Cursor c; /* io.ysql.internal.cursor.X */ }\n")))
                    .singleElement().asString().contains("J.java:2:").contains("by full name");
        }

        @Test
        void unknownPackageAndThirdPartyImportsAreReported() {
            assertThat(check("X.java", source(INTERNAL + ".misc", "import org.slf4j.Logger;\n")))
                    .anyMatch(m -> m.contains("not in the import table"))
                    .anyMatch(m -> m.contains("outside the JDK"));
        }

        @Test
        void cycleIsReportedWithItsEdges() {
            List<String> v = check(
                    "F.java", source(INTERNAL + ".wire.frontend", "import io.ysql.internal.wire.backend.B;\n"),
                    "B.java", source(INTERNAL + ".wire.backend", "import io.ysql.internal.wire.frontend.F;\n"));
            assertThat(v).singleElement().asString()
                    .contains("package cycle: io.ysql.internal.wire.backend -> io.ysql.internal.wire.frontend"
                            + " -> io.ysql.internal.wire.backend")
                    .contains("at F.java:2").contains("at B.java:2");
        }

        @Test
        void facadeToInternalIsNoCycle() {
            assertThat(check(
                    "Y.java", source("io.ysql", "import io.ysql.internal.cursor.CursorImpl;\n"),
                    "C.java", source(INTERNAL + ".cursor", "import io.ysql.Cursor;\n"))).isEmpty();
        }

        @Test
        void systemStreamsSynchronizedAndStaticStateAreReported() {
            String body = """
                    class A {
                        private static int count;
                        static final java.util.Map<String, Integer> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
                        private static final long serialVersionUID = 1L;
                        static final int LIMIT = 3;
                        public static void main(String[] args) {}
                        void f() { synchronized (this) { System.out.println("System.err"); } }
                        // System.err and synchronized in a comment are fine
                    }
                    """;
            assertThat(check("A.java", source(INTERNAL + ".session", body))).containsExactly(
                    "A.java:3: static field count is not final (no static mutable state)",
                    "A.java:4: static field CACHE holds a mutable object (no static mutable state)",
                    "A.java:8: uses System.out/System.err outside io.ysql.internal.cli",
                    "A.java:8: uses synchronized (use java.util.concurrent.locks)");
            assertThat(check("M.java", source(INTERNAL + ".cli", "class M { void f() { System.err.println(); } }")))
                    .isEmpty();
        }
    }
}
