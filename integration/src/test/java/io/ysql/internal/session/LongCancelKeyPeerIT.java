package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.conninfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.internal.transport.HostilePeers;
import io.ysql.internal.wire.backend.AuthenticationOk;
import io.ysql.internal.wire.backend.BackendKeyData;
import io.ysql.internal.wire.backend.ParameterStatus;
import io.ysql.internal.wire.backend.ReadyForQuery;
import io.ysql.internal.wire.frontend.Query;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A server that sends a cancel key longer than protocol 3.0's 4 bytes (protocol 3.2 allows up to
 * 256; PostgreSQL 18 sends one only when asked for 3.2): the connection still opens and works,
 * and only cancelling says that it cannot be done, instead of the connect failing.
 */
class LongCancelKeyPeerIT {

    @Test
    void aLongCancelKeyLeavesTheConnectionUsableWithoutCancel() throws Exception {
        Script script = Script.create().expectStartup().send(AuthenticationOk.INSTANCE,
                new ParameterStatus("server_version", "18.0"), new ParameterStatus("server_encoding", "UTF8"),
                new ParameterStatus("client_encoding", "UTF8"), new ParameterStatus("DateStyle", "ISO, MDY"),
                new ParameterStatus("integer_datetimes", "on"), new ParameterStatus("standard_conforming_strings", "on"),
                new ParameterStatus("TimeZone", "UTC"), new BackendKeyData(4242, new byte[32]),
                new ReadyForQuery(ReadyForQuery.IDLE))
                .expect(Query.class).send(HostilePeers.answer42());
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=disable"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 42")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            // a statement with nothing running has nothing to cancel; the connection's cancel must try
            SQLException e = catchThrowableOfType(SQLException.class, () -> c.unwrap(io.ysql.YsqlConnection.class).cancel());
            assertThat(e.getSQLState()).isEqualTo("0A000");
            assertThat(e.getMessage()).contains("cancel key");
        }
    }
}
