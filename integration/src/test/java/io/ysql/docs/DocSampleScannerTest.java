package io.ysql.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a server: every Java block of the real README.md and docs/ is found and is either run
 * or marked; markers are read as written, and one that is not right above a Java block, or not
 * understood, fails naming its line; a block becomes the class the integration test compiles; an
 * API listing that names a missing method is caught.
 */
class DocSampleScannerTest {
    @TempDir
    Path root;

    private DocSampleScanner scanner(String readme, String page) throws IOException {
        Files.writeString(root.resolve("README.md"), readme);
        Files.createDirectories(root.resolve("docs/types"));
        Files.writeString(root.resolve("docs/types/page.md"), page);
        return new DocSampleScanner(root);
    }

    @Test
    void everyJavaBlockOfTheDocsIsFoundAndIsEitherRunOrMarked() {
        DocSampleScanner real = new DocSampleScanner(DocSampleScanner.repositoryRoot());
        List<DocSample> samples = real.samples();
        long fences = real.fenceCount();
        long run = samples.stream().filter(s -> !s.marked()).count();
        long marked = samples.stream().filter(DocSample::marked).count();
        assertThat(fences).as("```java fences in README.md and docs/").isGreaterThanOrEqualTo(24);
        assertThat(samples).as("blocks found by the scanner").hasSize((int) fences);
        assertThat(run + marked).as("blocks run + blocks marked").isEqualTo(fences);
        assertThat(samples).filteredOn(s -> s.kind() == DocSample.Kind.COMPILE_ONLY)
                .allSatisfy(s -> assertThat(s.reason()).as(s.where()).isNotBlank());
        assertThat(run).as("blocks that run").isGreaterThan(marked);
        assertThat(samples).extracting(DocSample::file).contains("README.md", "docs/copy.md", "docs/types/catalog.md");
    }

    @Test
    void markersAreReadAndEveryBlockIsCounted() throws IOException {
        DocSampleScanner s = scanner("""
                # Title
                ```java
                int a = 1;
                ```
                text
                <!-- sample: compile-only reason="needs a cluster" -->
                ```java
                int b = 2;
                ```
                """, """
                <!-- sample context: YsqlConnection conn, Cursor cur -->
                <!-- sample setup: CREATE TABLE t (id int) -->
                <!-- sample server: yugabyte -->
                ```java
                cur.execute("SELECT 1");
                ```
                  ```java
                record R(int x) {}
                  ```
                """);
        List<DocSample> samples = s.samples();
        assertThat(s.fenceCount()).isEqualTo(4);
        assertThat(samples).extracting(DocSample::where)
                .containsExactly("README.md:2", "README.md:7", "docs/types/page.md:4", "docs/types/page.md:7");
        assertThat(samples.get(0).kind()).isEqualTo(DocSample.Kind.RUN);
        assertThat(samples.get(0).code()).isEqualTo("int a = 1;\n");
        assertThat(samples.get(1).kind()).isEqualTo(DocSample.Kind.COMPILE_ONLY);
        assertThat(samples.get(1).reason()).isEqualTo("needs a cluster");
        DocSample third = samples.get(2);
        assertThat(third.context()).containsExactly(new DocSample.Variable("YsqlConnection", "conn"),
                new DocSample.Variable("Cursor", "cur"));
        assertThat(third.setup()).isEqualTo("CREATE TABLE t (id int)");
        assertThat(third.server()).isEqualTo(DocSample.YUGABYTE);
        assertThat(samples.get(3).marked()).isFalse();
    }

    @Test
    void aMarkerNotRightAboveAJavaBlockFailsWithItsLine() throws IOException {
        DocSampleScanner s = scanner("intro\n<!-- sample: compile-only reason=\"x\" -->\n\n```java\nint a;\n```\n", "");
        assertThatThrownBy(s::samples).hasMessageStartingWith("README.md:2: a sample marker must be on the lines");
        DocSampleScanner shell = scanner("<!-- sample context: String url -->\n```sh\nls\n```\n", "");
        assertThatThrownBy(shell::samples).hasMessageStartingWith("README.md:1:");
    }

    @Test
    void aMarkerThatIsNotUnderstoodFailsWithItsLine() throws IOException {
        DocSampleScanner s = scanner("", "text\n<!-- sample: compile-only -->\n```java\nint a;\n```\n");
        assertThatThrownBy(s::samples).hasMessageStartingWith("docs/types/page.md:2: cannot read the sample marker");
        DocSampleScanner server = scanner("", "<!-- sample server: oracle -->\n```java\nint a;\n```\n");
        assertThatThrownBy(server::samples).hasMessageContaining("cannot read the sample marker");
    }

    @Test
    void aBlockBecomesAMethodWithItsContextAndImports() {
        DocSample declarations = new DocSample("docs/p.md", 3, "record Point(int x, int y) {}\n",
                DocSample.Kind.DECLARATIONS, null, null, List.of(), DocSample.POSTGRES);
        DocSample sample = new DocSample("docs/p.md", 9, "import java.util.concurrent.TimeUnit;\nPoint p = new Point(1, 2);\n",
                DocSample.Kind.RUN, null, null, List.of(new DocSample.Variable("YsqlConnection", "conn")),
                DocSample.POSTGRES);
        String unit = SampleSource.of(sample, 7, List.of(declarations));
        assertThat(unit).startsWith("package docs.sample7;\n")
                .contains("import java.util.concurrent.TimeUnit;\n", "import io.ysql.*;\n",
                        "public static void run(YsqlConnection conn) throws Exception {\nPoint p = new Point(1, 2);\n",
                        "}\nrecord Point(int x, int y) {}\n")
                .doesNotContain("\nimport java.util.concurrent.TimeUnit;\nPoint");
        assertThat(SampleSource.firstCodeLine(unit, sample)).isPositive();
    }

    @Test
    void anApiListingIsCheckedAgainstTheClasses() {
        assertThat(ApiListing.check("""
                package io.ysql;
                public record ConnectionInfo(String host, int port, boolean encrypted, String tlsProtocol,
                                             String cipherSuite, String serverCertificateSubject, String serverCertificateIssuer,
                                             String authenticationMethod) {}
                public final class Transactions {
                    public static boolean isTransient(SQLException e);
                }
                """)).isEmpty();
        assertThat(ApiListing.check("""
                package io.ysql;
                public final class Transactions {
                    public static boolean isTransitory(SQLException e);
                }
                public record ConnectionInfo(String host, int port) {}
                public final class NoSuchThing {}
                """)).containsExactly("no public method Transactions.isTransitory",
                "record ConnectionInfo has components [host, port, encrypted, tlsProtocol, cipherSuite, "
                        + "serverCertificateSubject, serverCertificateIssuer, authenticationMethod], the listing shows [host, port]",
                "no type io.ysql.NoSuchThing");
    }
}
