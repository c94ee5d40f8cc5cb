package io.ysql.internal.transport;

import static io.ysql.internal.transport.HostilePeers.assertBroken;
import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static io.ysql.internal.transport.HostilePeers.intColumn;
import static io.ysql.internal.transport.HostilePeers.queryFailure;
import static io.ysql.internal.transport.HostilePeers.textRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.BackendMessage;
import io.ysql.internal.wire.backend.CommandComplete;
import io.ysql.internal.wire.backend.DataRow;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A server that sends malformed frames in the middle of a query: every one is a protocol
 * violation (08P01) that closes the connection, after which the connection refuses work with
 * 08003 without writing to the socket.
 */
class MalformedMessagePeerIT {

    @Test
    void lengthSmallerThanTheLengthFieldIsAViolation() throws Exception {
        assertViolation("invalid message length 3", new byte[] {'D', 0, 0, 0, 3});
    }

    @Test
    void negativeLengthIsAViolation() throws Exception {
        assertViolation("invalid message length -16", new byte[] {'D', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0});
    }

    @Test
    void lengthAboveTheCapIsRefusedBeforeItsBodyArrives() throws Exception {
        // 2^31-1 announced and never sent: waiting for (or allocating) the body would hang the test
        assertViolation("announces 2147483647 bytes, more than the limit",
                new byte[] {'D', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
    }

    @Test
    void unknownMessageTypeIsAViolation() throws Exception {
        assertViolation("unknown backend message type 'Q'", new byte[] {'Q', 0, 0, 0, 6, 'h', 'i'});
    }

    @Test
    void dataRowColumnLongerThanItsBodyIsAViolation() throws Exception {
        byte[] row = {'D', 0, 0, 0, 13, 0, 1, 0, 0, 0, 100, 'a', 'b', 'c'};
        assertViolation("DataRow column 1 has length 100 with 3 bytes left", row, intColumn("answer"));
    }

    @Test
    void readyForQueryWithTrailingBytesIsAViolation() throws Exception {
        byte[] ready = {'Z', 0, 0, 0, 6, 'I', 'x'};
        assertViolation("ReadyForQuery has 1 trailing bytes", ready,
                intColumn("answer"), textRow("42"), new CommandComplete("SELECT 1"));
    }

    @Test
    void dataRowWithMoreColumnsThanDescribedIsAViolation() throws Exception {
        DataRow twoColumns = DataRow.of("1".getBytes(StandardCharsets.US_ASCII), null);
        assertViolation("a DataRow has 2 columns, the RowDescription 1", new byte[0],
                intColumn("answer"), textRow("1"), twoColumns);
    }

    @Test
    void messageAboveTheStartupCapIsRefusedBeforeAuthentication() throws Exception {
        byte[] twoMebibytes = {'R', 0, 0x20, 0, 0};
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup().sendRaw(twoMebibytes))) {
            SQLException e = connectFailure(conninfo(server, "sslmode=disable"));
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08P01");
            assertThat(e.getMessage()).contains("announces 2097152 bytes, more than the limit of 1048576");
            assertClientClosed(server);
        }
    }

    private static void assertViolation(String fragment, byte[] hostile, BackendMessage... before) throws Exception {
        Script script = HostilePeers.untilQuery().send(before).sendRaw(hostile);
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=disable"));
             Statement s = c.createStatement()) {
            SQLException e = queryFailure(s, "SELECT 42");
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08P01");
            assertThat(e.getMessage()).contains(fragment).contains("connection was closed");
            assertBroken(c, s, server, 1);
        }
    }
}
