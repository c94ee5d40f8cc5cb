package io.ysql.internal.session;

import static io.ysql.internal.transport.HostilePeers.USER;
import static io.ysql.internal.transport.HostilePeers.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.YsqlConnection;
import io.ysql.internal.wire.frontend.SSLRequest;
import io.ysql.internal.wire.frontend.StartupMessage;
import io.ysql.testkit.ScriptedServer;
import io.ysql.testkit.ScriptedServer.Script;
import io.ysql.testkit.TestCertificates;
import org.junit.jupiter.api.Test;

/**
 * {@code sslnegotiation=direct} (PostgreSQL 17): the driver starts the TLS handshake at once,
 * without an SSLRequest, offers ALPN {@code postgresql}, and then runs the startup inside TLS.
 * Played by a TLS front that accepts only direct handshakes, relaying to a scripted server.
 */
class DirectNegotiationPeerIT {

    @Test
    void startsTlsAtOnceWithAlpnPostgresql() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Script.create().expectStartup().authenticateOk());
             TlsFront front = new TlsFront(server.port(), true);
             YsqlConnection conn = connect("host=localhost hostaddr=127.0.0.1 port=" + front.port() + " user=" + USER
                     + " dbname=db connect_timeout=10 sslnegotiation=direct sslmode=verify-full sslrootcert='"
                     + TestCertificates.get().rootCert() + "'")) {
            assertThat(conn.connectionInfo().encrypted()).isTrue();
            assertThat(front.applicationProtocols()).containsExactly("postgresql");
            assertThat(server.received()).first().isInstanceOf(StartupMessage.class);
            assertThat(server.received()).noneMatch(m -> m == SSLRequest.INSTANCE);
        }
    }
}
