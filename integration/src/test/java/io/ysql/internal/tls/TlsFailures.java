package io.ysql.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.jdbc.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Catching a failed TLS connection and checking that what it says leaks nothing: no quoted PEM
 * block, no line of a certificate's or key's base64 body, no password, in any message,
 * {@code toString} or stack trace of the exception, its causes and suppressed exceptions.
 */
final class TlsFailures {
    private TlsFailures() {}

    /** What {@code call} throws, checked to hold none of {@code secrets} and no PEM body line of {@code files}. */
    static SQLException failure(ThrowingCallable call, List<Path> files, String... secrets) {
        SQLException e = TestServer.thrown(SQLException.class, call);
        assertNoSecrets(e, files, secrets);
        return e;
    }

    static void assertNoSecrets(SQLException e, List<Path> files, String... secrets) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        List<String> texts = new ArrayList<>();
        texts.add(trace.toString());
        for (Throwable t : TestServer.chain(e)) texts.add(String.valueOf(t.getMessage()));
        List<String> forbidden = new ArrayList<>(List.of("PRIVATE KEY-----", "-----END"));
        forbidden.addAll(List.of(secrets));
        for (Path f : files) forbidden.addAll(pemBodyLines(f));
        for (String text : texts) {
            for (String secret : forbidden) assertThat(text).as("exception text").doesNotContain(secret);
        }
    }

    /** The base64 lines of a PEM file (each 64 characters in the files the testkit writes). */
    private static List<String> pemBodyLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream()
                    .filter(l -> !l.startsWith("-----") && l.length() >= 32)
                    .toList();
            assertThat(lines).as("base64 lines of %s", file).isNotEmpty();
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
