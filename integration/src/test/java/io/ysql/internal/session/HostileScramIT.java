package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.PASSWORD;
import static io.ysql.internal.transport.HostilePeers.answer42;
import static io.ysql.internal.transport.HostilePeers.assertAnswer42;
import static io.ysql.internal.transport.HostilePeers.assertClientClosed;
import static io.ysql.internal.transport.HostilePeers.connectFailure;
import static io.ysql.internal.transport.HostilePeers.conninfo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.internal.transport.HostilePeers;
import io.ysql.internal.wire.frontend.Query;
import io.ysql.internal.wire.frontend.SASLInitialResponse;
import io.ysql.internal.wire.frontend.SASLResponse;
import io.ysql.testkit.ScriptedScram.Mutator;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * SCRAM-SHA-256 against a server that plays the exchange for real but lies at one point: the
 * driver reports the session open only when the server has proved it knows the password.
 */
class HostileScramIT {

    @Test
    void honestServerIsAccepted() throws Exception {
        Script script = Script.create().expectStartup().scramServer(PASSWORD, Mutator.HONEST)
                .expect(Query.class).send(answer42());
        try (ScriptedServer server = ScriptedServer.start(script);
             Connection c = HostilePeers.connect(conninfo(server, "sslmode=disable"))) {
            assertAnswer42(c);
            assertThat(server.received(SASLInitialResponse.class)).singleElement()
                    .satisfies(m -> assertThat(m.mechanism()).isEqualTo("SCRAM-SHA-256"));
            assertThat(server.received(SASLResponse.class)).hasSize(1);
            assertThat(server.failures()).isEmpty();
        }
    }

    @Test
    void wrongPasswordIsRejectedByTheServer() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup().scramServer("other", Mutator.HONEST))) {
            SQLException e = connectFailure(conninfo(server, "sslmode=disable"));
            assertThat((Throwable) e).isInstanceOf(SQLInvalidAuthorizationSpecException.class);
            assertThat(e.getSQLState()).isEqualTo("28P01");
            assertThat(e.getMessage()).contains("password authentication failed");
            assertClientClosed(server);
        }
    }

    @Test
    void wrongServerSignatureIsRefused() throws Exception {
        SQLException e = refused(Mutator.WRONG_SIGNATURE);
        assertThat(e.getMessage()).contains("server signature does not match");
    }

    @Test
    void authenticationOkWithoutServerFinalIsRefused() throws Exception {
        SQLException e = refused(Mutator.OK_BEFORE_FINAL);
        assertThat(e.getMessage()).contains("before completing SCRAM");
    }

    @Test
    void serverNonceNotExtendingTheClientNonceIsRefused() throws Exception {
        SQLException e = refused(Mutator.serverFirst(s -> s.replaceFirst("^r=[^,]*", "r=forgedServerOnlyNonce")));
        assertThat(e.getMessage()).contains("server nonce does not extend the client nonce");
    }

    @Test
    void zeroIterationsAreRefused() throws Exception {
        SQLException e = refused(Mutator.serverFirst(s -> s.replace(",i=4096", ",i=0")));
        assertThat(e.getMessage()).contains("iteration count");
    }

    /** Connecting fails with 08P01 and the socket closed; no session is returned. */
    private static SQLException refused(Mutator mutator) throws Exception {
        // a query the driver must never get to send
        Script script = Script.create().expectStartup().scramServer(PASSWORD, mutator).expect(Query.class);
        try (ScriptedServer server = ScriptedServer.start(script)) {
            SQLException e = connectFailure(conninfo(server, "sslmode=disable"));
            assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
            assertThat(e.getSQLState()).isEqualTo("08P01");
            assertThat(e.getMessage()).contains("SCRAM").contains("connection was closed");
            assertClientClosed(server);
            assertThat(server.received(Query.class)).isEmpty();
            return e;
        }
    }
}
