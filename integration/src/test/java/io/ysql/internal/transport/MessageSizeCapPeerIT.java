package io.ysql.internal.transport;

import static io.ysql.internal.transport.HostilePeers.assertBroken;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static io.ysql.internal.transport.HostilePeers.intColumn;
import static io.ysql.internal.transport.HostilePeers.queryFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.buffer.ByteWriter;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server announcing message lengths far beyond max_message_size: the driver refuses them with a
 * protocol violation (08P01) naming the option, closes the connection and leaves no thread behind,
 * and it never sets aside memory for an announced length: a JVM with a 64 MiB heap fails cleanly,
 * without an OutOfMemoryError, even when the cap is raised above its heap and the server announces
 * 900 MiB and then falls silent.
 */
class MessageSizeCapPeerIT {
    private static final int MIB = 1 << 20;

    private static byte[] header(char tag, int length, int bodyBytesSent) {
        ByteWriter w = new ByteWriter(5 + bodyBytesSent).writeByte((byte) tag).writeInt(length);
        w.writeBytes(new byte[bodyBytesSent]);
        return w.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, 900 * MIB, 5 * MIB})
    void aLengthAboveTheCapIsAViolationNamingTheOption(int announced) throws Exception {
        Script script = HostilePeers.untilQuery().send(intColumn("answer")).sendRaw(header('D', announced, 1024));
        List<String> threadsBefore = driverThreads();
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=disable max_message_size=4MB"));
             Statement s = c.createStatement()) {
            SQLException e = queryFailure(s, "SELECT 42");
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08P01");
            assertThat(e.getMessage()).contains("announces " + announced + " bytes, more than the limit of " + 4 * MIB)
                    .contains("raise max_message_size if the server really sends values this large")
                    .contains("connection was closed");
            assertBroken(c, s, server, 1);
        }
        assertThat(driverThreads()).isEqualTo(threadsBefore);
    }

    @Test
    void aNegativeLengthIsAViolation() throws Exception {
        Script script = HostilePeers.untilQuery().sendRaw(header('D', -MIB, 0));
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=disable max_message_size=4MB"));
             Statement s = c.createStatement()) {
            SQLException e = queryFailure(s, "SELECT 42");
            assertThat(e.getSQLState()).isEqualTo("08P01");
            assertThat(e.getMessage()).contains("invalid message length " + -MIB);
            assertBroken(c, s, server, 1);
        }
    }

    @Test
    void aSmallHeapWithTheDefaultCapRefuses900MiBWithoutRunningOutOfMemory(@TempDir Path dir) throws Exception {
        Script script = HostilePeers.untilQuery().send(intColumn("answer")).sendRaw(header('D', 900 * MIB, MIB));
        try (ScriptedServer server = ScriptedServer.start(script)) {
            List<String> out = runChild(dir, conninfo(server, "sslmode=disable"));
            assertThat(out).contains("SQLSTATE 08P01", "MAX HEAP " + maxHeapOfChild(out)).doesNotContain("OUT OF MEMORY");
            // the default is a quarter of the 64 MiB heap, so 900 MiB is refused up front
            assertThat(String.join("\n", out)).contains("announces " + 900 * MIB + " bytes, more than the limit of")
                    .contains("max_message_size");
            assertThat(out).noneMatch(line -> line.startsWith("THREAD"));
        }
    }

    @Test
    void aCapAboveTheHeapStillAllocatesOnlyWhatArrives(@TempDir Path dir) throws Exception {
        // the cap lets 900 MiB through; the server sends 1 MiB of it and falls silent until socket_timeout
        Script script = HostilePeers.untilQuery().send(intColumn("answer")).sendRaw(header('D', 900 * MIB, MIB));
        try (ScriptedServer server = ScriptedServer.start(script)) {
            List<String> out = runChild(dir, conninfo(server, "sslmode=disable max_message_size=1GB socket_timeout=3"));
            assertThat(out).contains("SQLSTATE 08006").doesNotContain("OUT OF MEMORY");
            assertThat(out).noneMatch(line -> line.startsWith("THREAD"));
        }
    }

    private static long maxHeapOfChild(List<String> out) {
        return out.stream().filter(l -> l.startsWith("MAX HEAP ")).mapToLong(l -> Long.parseLong(l.substring(9)))
                .findFirst().orElseThrow(() -> new AssertionError("the child printed no heap size: " + out));
    }

    /** Runs {@link CappedConnectMain} in a JVM with a 64 MiB heap and returns what it printed. */
    private static List<String> runChild(Path dir, String conninfo) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                CappedConnectMain.class.getName(), conninfo)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!child.waitFor(HostilePeers.HANG_LIMIT.toSeconds() * 2, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(output));
        }
        List<String> out = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("exit status; output: %s", out).isZero();
        assertThat(String.join("\n", out)).doesNotContain(HostilePeers.PASSWORD);
        return out;
    }

    private static List<String> driverThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("ysql"))
                .sorted().toList();
    }
}
