package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.assertBroken;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static io.ysql.internal.transport.HostilePeers.intColumn;
import static io.ysql.internal.transport.HostilePeers.queryFailure;
import static io.ysql.internal.transport.HostilePeers.textRow;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.transport.HostilePeers;
import io.ysql.internal.wire.backend.ErrorResponse;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server that goes away in the middle of a query: the caller gets an error, not a hang, and the connection is closed. */
class HostileQueryPeerIT {

    @Test
    void socketClosedInTheMiddleOfAResult() throws Exception {
        Script script = HostilePeers.untilQuery().send(intColumn("n"), textRow("1"), textRow("2")).closeConnection();
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=disable"));
             Statement s = c.createStatement()) {
            SQLException e = queryFailure(s, "SELECT n FROM generate_series(1, 1000) n");
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08006");
            assertThat(e.getMessage()).contains("lost").contains("closed the connection");
            assertThat(c.isClosed()).isTrue();
        }
    }

    @Test
    void fatalErrorDuringAQueryClosesTheConnection() throws Exception {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put('S', "FATAL");
        fields.put('V', "FATAL");
        fields.put('C', "57P01");
        fields.put('M', "terminating connection due to administrator command");
        Script script = HostilePeers.untilQuery().send(intColumn("n"), textRow("1"), new ErrorResponse(fields));
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=disable"));
             Statement s = c.createStatement()) {
            SQLException e = queryFailure(s, "SELECT pg_sleep(60)");
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("57P01");
            assertThat(e.getMessage()).contains("terminating connection due to administrator command");
            assertBroken(c, s, server, 1);
        }
    }
}
