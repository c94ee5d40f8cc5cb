package io.ysql.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds every {@code ```java} block of README.md and docs/**&#47;*.md with the {@code <!-- sample ... -->}
 * markers on the lines right above its fence. A marker that is not right above a Java block, or
 * that it cannot read, is an error naming its file and line: a marker never silently does nothing.
 */
final class DocSampleScanner {
    static final Pattern FENCE = Pattern.compile("^\\s*```java\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!-- sample(?<kind>:| context:| setup:| server:)\\s*"
            + "(?<body>.*?)\\s*-->\\s*$");
    private static final Pattern REASON = Pattern.compile("^compile-only reason=\"([^\"]+)\"$");
    private static final Pattern VARIABLE = Pattern.compile("^([A-Z][\\w.<>]*)\\s+([a-z]\\w*)$");

    private final Path root;

    DocSampleScanner(Path root) {
        this.root = root;
    }

    /** The repository root: the nearest directory at or above the working directory with README.md and docs/. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) throw new IllegalStateException("no README.md with docs/ beside it above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** README.md, then every Markdown page under docs/, in path order. */
    List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Every Java block of every page, in page and line order. */
    List<DocSample> samples() {
        List<DocSample> out = new ArrayList<>();
        for (Path page : pages()) out.addAll(samples(page));
        return out;
    }

    /** The opening fences of Java blocks, counted line by line with no regard to markers. */
    long fenceCount() {
        long n = 0;
        for (Path page : pages()) n += lines(page).stream().filter(l -> FENCE.matcher(l).matches()).count();
        return n;
    }

    List<DocSample> samples(Path page) {
        String file = root.relativize(page).toString().replace('\\', '/');
        List<String> lines = lines(page);
        List<DocSample> out = new ArrayList<>();
        boolean[] usedMarker = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE.matcher(lines.get(i)).matches()) continue;
            int first = i;
            while (first > 0 && MARKER.matcher(lines.get(first - 1)).matches()) first--;
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).trim().equals("```")) end++;
            if (end == lines.size()) throw new IllegalStateException(file + ":" + (i + 1) + ": a ```java block never ends");
            Builder b = new Builder(file, i + 1, String.join("\n", lines.subList(i + 1, end)) + "\n");
            for (int m = first; m < i; m++) {
                b.marker(lines.get(m), m + 1);
                usedMarker[m] = true;
            }
            out.add(b.build());
            i = end;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("<!-- sample") && !usedMarker[i]) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": a sample marker must be on the lines right "
                        + "above a ```java fence, written as <!-- sample...: ... --> on one line");
            }
        }
        return out;
    }

    private static List<String> lines(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects one block's markers. */
    private static final class Builder {
        private final String file;
        private final int line;
        private final String code;
        private DocSample.Kind kind = DocSample.Kind.RUN;
        private String reason;
        private String setup;
        private final List<DocSample.Variable> context = new ArrayList<>();
        private String server = DocSample.POSTGRES;

        Builder(String file, int line, String code) {
            this.file = file;
            this.line = line;
            this.code = code;
        }

        void marker(String text, int at) {
            Matcher m = MARKER.matcher(text);
            if (!m.matches()) throw bad(at, text);
            String body = m.group("body");
            switch (m.group("kind")) {
                case ":" -> {
                    Matcher r = REASON.matcher(body);
                    if (r.matches()) {
                        kind = DocSample.Kind.COMPILE_ONLY;
                        reason = r.group(1);
                    } else if (body.equals("declarations")) {
                        kind = DocSample.Kind.DECLARATIONS;
                    } else if (body.equals("api")) {
                        kind = DocSample.Kind.API;
                    } else {
                        throw bad(at, text);
                    }
                }
                case " context:" -> {
                    for (String v : body.split(",")) {
                        Matcher vm = VARIABLE.matcher(v.trim());
                        if (!vm.matches()) throw bad(at, text);
                        context.add(new DocSample.Variable(vm.group(1), vm.group(2)));
                    }
                }
                case " setup:" -> setup = body;
                case " server:" -> {
                    if (!body.equals(DocSample.YUGABYTE) && !body.equals(DocSample.PREPARED_TRANSACTIONS)) {
                        throw bad(at, text);
                    }
                    server = body;
                }
                default -> throw bad(at, text);
            }
        }

        private IllegalStateException bad(int at, String text) {
            return new IllegalStateException(file + ":" + at + ": cannot read the sample marker " + text + " (known: "
                    + "<!-- sample: compile-only reason=\"...\" -->, <!-- sample: declarations -->, <!-- sample: api -->, "
                    + "<!-- sample context: Type name, ... -->, <!-- sample setup: SQL -->, "
                    + "<!-- sample server: yugabyte | prepared-transactions -->)");
        }

        DocSample build() {
            return new DocSample(file, line, code, kind, reason, setup, context, server);
        }
    }
}
