package io.ysql.internal.transport;

import static io.ysql.internal.transport.HostilePeers.PASSWORD;
import static io.ysql.internal.transport.HostilePeers.USER;
import static io.ysql.internal.transport.HostilePeers.answer42;
import static io.ysql.internal.transport.HostilePeers.assertAnswer42;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.wire.frontend.Query;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import io.ysql.testkit.SilentServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A host list where some ports have nothing listening: the next host is tried; when none answers, one error names them all. */
class MultiHostPeerIT {

    @Test
    void deadFirstHostPassesTheTurnToTheSecond() throws Exception {
        int dead = SilentServer.freePort();
        Script script = Script.create().expectStartup().authenticateOk().expect(Query.class).send(answer42());
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(hosts(dead, server.port()))) {
            assertAnswer42(c);
            assertThat(server.acceptedCount()).isEqualTo(1);
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void allHostsDeadGiveOneErrorListingEach() {
        int first = SilentServer.freePort();
        int second = SilentServer.freePort();
        while (second == first) second = SilentServer.freePort();
        SQLException e = connectFailure(hosts(first, second));
        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("could not connect to any of the 2 hosts")
                .contains("port " + first).contains("port " + second);
    }

    private static String hosts(int firstPort, int secondPort) {
        return "host=127.0.0.1,127.0.0.1 port=" + firstPort + "," + secondPort + " user=" + USER
                + " dbname=fake password=" + PASSWORD + " sslmode=disable connect_timeout=5";
    }
}
