package io.ysql.docs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one generated compilation unit with the JDK's compiler, in-process, against the test
 * class path, into a directory of its own, and loads the result in a class loader whose parent
 * is the test's, so the sample uses the same driver classes as the test.
 */
final class SampleCompiler {
    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final Path output;

    SampleCompiler(Path output) {
        if (compiler == null) throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        this.output = output;
    }

    /** One compiler message at a line of the generated unit. */
    record Problem(long line, String message) {}

    /** A compile error: the compiler's messages, with the unit's line numbers. */
    static final class CompileError extends Exception {
        private final transient List<Problem> problems;

        CompileError(List<Problem> problems, String log) {
            super(problems + log);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() { return problems; }
    }

    /** Compiles {@code unit} (package {@code packageName}) and returns its {@code Sample} class. */
    Class<?> compile(String packageName, String unit) throws CompileError {
        try {
            Path sourceDir = Files.createDirectories(output.resolve("src").resolve(packageName.replace('.', '/')));
            Path source = sourceDir.resolve(SampleSource.CLASS + ".java");
            Files.writeString(source, unit);
            Path classes = Files.createDirectories(output.resolve("classes"));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter log = new StringWriter();
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
                List<String> options = List.of("-d", classes.toString(), "-classpath",
                        System.getProperty("java.class.path"), "--release", "17", "-Xlint:none", "-proc:none");
                boolean ok = compiler.getTask(log, files, diagnostics, options, null,
                        files.getJavaFileObjects(source)).call();
                if (!ok) {
                    List<Problem> problems = diagnostics.getDiagnostics().stream()
                            .map(d -> new Problem(d.getLineNumber(), d.getMessage(null).replace("\n", " "))).toList();
                    throw new CompileError(problems, log.toString());
                }
            }
            return load(classes).loadClass(packageName + "." + SampleSource.CLASS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled, but the class is missing", e);
        }
    }

    private ClassLoader load(Path classes) throws MalformedURLException {
        URL url = classes.toUri().toURL();
        return new URLClassLoader(new URL[] {url}, getClass().getClassLoader());
    }
}
