package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.Ysql;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proxied-server extension registered as a test class would register it (its setup ran, and
 * both connection strings lead through this test's proxy to the server), and driven by hand, to
 * see that every test gets a new proxy and the old one stops listening.
 */
class ProxiedServerTest {
    private static final String TABLE = "proxied_server_test";

    @RegisterExtension
    static final ProxiedServer server = ProxiedServer.toShared().withTable(TABLE, "id int PRIMARY KEY")
            .withSetup("INSERT INTO " + TABLE + " VALUES (7)");

    @Test
    void theSetupRanInOrderBeforeTheTests() {
        assertThat(server.cluster()).isSameAs(PgCluster.shared());
        assertThat(server.cluster().psql("SELECT id FROM " + TABLE)).isEqualTo("7");
    }

    @Test
    void theConninfoLeadsThroughThisTestsProxy() throws SQLException {
        assertThat(server.proxy().links()).isEmpty();
        try (Connection c = Ysql.connect(server.conninfo())) {
            assertThat(serverPort(c)).isEqualTo(server.cluster().port());
        }
        assertThat(server.proxy().links()).hasSize(1);
        assertThat(server.conninfo("odd user", "it's")).contains("user='odd user'").contains("password='it\\'s'");
    }

    @Test
    void theJdbcUrlLeadsThroughThisTestsProxy() throws SQLException {
        PgCluster cluster = server.cluster();
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:ysql://127.0.0.1:" + server.proxy().port() + "/"
                + cluster.database());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), cluster.superuser(),
                cluster.superuserPassword())) {
            assertThat(serverPort(c)).isEqualTo(cluster.port());
        }
        assertThat(server.proxy().links()).hasSize(1);
    }

    @Test
    void everyTestGetsANewProxyAndTheOldOneIsClosed() throws IOException {
        ProxiedServer own = ProxiedServer.toShared();
        assertThatThrownBy(own::cluster).isInstanceOf(IllegalStateException.class).hasMessageContaining("static field");
        own.prepare();
        assertThatThrownBy(own::proxy).isInstanceOf(IllegalStateException.class);
        own.openProxy();
        FaultProxy first = own.proxy();
        new Socket(first.host(), first.port()).close();
        own.closeProxy();
        assertThatThrownBy(own::proxy).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Socket(first.host(), first.port()).close()).isInstanceOf(ConnectException.class);
        own.openProxy();
        try {
            assertThat(own.proxy()).isNotSameAs(first);
        } finally {
            own.closeProxy();
        }
    }

    private static int serverPort(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT inet_server_port()")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
