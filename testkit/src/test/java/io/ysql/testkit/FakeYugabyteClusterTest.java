package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One three-node fake cluster shared by the tests; each test leaves the topology as it found it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeYugabyteClusterTest {
    private FakeYugabyteCluster cluster;

    @BeforeAll
    void start() {
        cluster = FakeYugabyteCluster.start();
    }

    @AfterAll
    void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void everyNodeListsEveryNodeWithYugabyteColumns() {
        List<String> expected = new ArrayList<>();
        for (YbNode node : cluster.nodes()) {
            expected.add(node.host() + "|" + cluster.port() + "|0|primary|aws|us-west|" + node.placement().zone()
                    + "|" + node.host() + "|" + node.uuid() + "|" + cluster.universeUuid());
        }
        for (YbNode node : cluster.nodes()) {
            assertThat(node.psql("SELECT * FROM yb_servers() ORDER BY host").lines().toList())
                    .containsExactlyElementsOf(expected);
        }
        assertThat(cluster.nodes()).extracting(YbNode::host).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
        assertThat(cluster.node(0).uuid()).matches("[0-9a-f]{32}");
    }

    @Test
    void catalogEntryMatchesYugabyteDb() {
        assertThat(cluster.node(0).psql("SELECT proretset, provolatile, pronargs, proisstrict, prorettype::regtype,"
                + " proargnames, proallargtypes::oid[], pronamespace::regnamespace"
                + " FROM pg_proc WHERE proname = 'yb_servers'"))
                .isEqualTo("t|v|0|t|record|{host,port,num_connections,node_type,cloud,region,zone,public_ip,uuid,"
                        + "universe_uuid}|{25,20,20,25,25,25,25,25,25,25}|pg_catalog");
    }

    @Test
    void rowDescriptionOverTcpHasTheTypesOfYugabyteDb() throws SQLException {
        try (Connection c = connect(cluster.node(1));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM yb_servers()")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnName(i) + ":" + md.getColumnTypeName(i));
            assertThat(columns).containsExactly("host:text", "port:int8", "num_connections:int8", "node_type:text",
                    "cloud:text", "region:text", "zone:text", "public_ip:text", "uuid:text", "universe_uuid:text");
            int rows = 0;
            while (rs.next()) rows++;
            assertThat(rows).isEqualTo(3);
        }
    }

    @Test
    void versionAndPlacementLookLikeTheConnectedNode() throws SQLException {
        for (YbNode node : cluster.nodes()) {
            try (Connection c = connect(node);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version(), yb_server_cloud(), yb_server_region(),"
                         + " yb_server_zone(), inet_server_addr()::text, current_schema()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("PostgreSQL 11.2-YB-2.20.0.0-b0 on ");
                assertThat(rs.getString(2) + "." + rs.getString(3) + "." + rs.getString(4))
                        .isEqualTo(node.placement().key());
                assertThat(rs.getString(5)).isEqualTo(node.host() + "/32");
                assertThat(rs.getString(6)).isEqualTo("public");
            }
        }
    }

    @Test
    void unlistedRowDisappearsEverywhereAndComesBack() {
        YbNode second = cluster.node(1);
        second.setListed(false);
        try {
            assertThat(cluster.node(2).psql("SELECT string_agg(host, ',' ORDER BY host) FROM yb_servers()"))
                    .isEqualTo("127.0.0.1,127.0.0.3");
        } finally {
            second.setListed(true);
        }
        assertThat(cluster.node(0).psql("SELECT count(*) FROM yb_servers()")).isEqualTo("3");
    }

    @Test
    void advertisedColumnsChangeTheRowOnly() {
        YbNode third = cluster.node(2);
        third.advertise("127.0.10.3", "127.0.0.3");
        try {
            assertThat(cluster.node(0).psql("SELECT host, public_ip FROM yb_servers() WHERE public_ip = '127.0.0.3'"))
                    .isEqualTo("127.0.10.3|127.0.0.3");
        } finally {
            third.advertise("127.0.0.3", "127.0.0.3");
        }
    }

    @Test
    void stoppedNodeRefusesConnectionsAndServesAgainAfterStart() throws SQLException {
        YbNode second = cluster.node(1);
        second.stop();
        try {
            assertThat(second.isRunning()).isFalse();
            assertThatThrownBy(() -> connect(second).close()).isInstanceOf(SQLException.class);
            assertThat(cluster.node(0).psql("SELECT count(*) FROM yb_servers()")).isEqualTo("3");
            assertThat(cluster.connectionCounts()).containsEntry("127.0.0.2", 0);
        } finally {
            second.start();
        }
        try (Connection c = connect(second)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void countsTcpSessionsPerNode() throws SQLException {
        YbNode third = cluster.node(2);
        try (Connection a = connect(third); Connection b = connect(third); Connection c = connect(cluster.node(0))) {
            assertThat(cluster.connectionCounts())
                    .isEqualTo(Map.of("127.0.0.1", 1, "127.0.0.2", 0, "127.0.0.3", 2));
            assertThat(third.connectionCount("application_name = 'nothing-like-this'")).isZero();
        }
        assertThat(cluster.awaitConnectionCounts(counts -> counts.values().stream().allMatch(n -> n == 0),
                Duration.ofSeconds(10))).containsValues(0, 0, 0);
    }

    @Test
    void olderAndMissingFunctionForms() throws SQLException {
        try {
            cluster.useServersFunction(ServersFunction.COLUMNS_9);
            assertThat(columnCount(cluster.node(1))).isEqualTo(9);
            cluster.useServersFunction(ServersFunction.COLUMNS_8);
            assertThat(columnCount(cluster.node(2))).isEqualTo(8);
            cluster.useServersFunction(ServersFunction.ABSENT);
            assertThatThrownBy(() -> columnCount(cluster.node(0)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42883"));
            cluster.useServersFunction(ServersFunction.FAILING);
            assertThatThrownBy(() -> columnCount(cluster.node(0)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("XX000"));
        } finally {
            cluster.useServersFunction(ServersFunction.COLUMNS_10);
        }
        assertThat(columnCount(cluster.node(0))).isEqualTo(10);
    }

    @Test
    void readOnlyNodeRejectsWrites() throws SQLException {
        YbNode first = cluster.node(0);
        first.setDefaultTransactionReadOnly(true);
        try (Connection c = connect(first); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TABLE read_only_probe (id int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        } finally {
            first.setDefaultTransactionReadOnly(false);
        }
    }

    @Test
    void urlsAndConninfoNameTheNodes() {
        int port = cluster.port();
        assertThat(cluster.jdbcUrl()).isEqualTo("jdbc:ysql://127.0.0.1:" + port + "/yugabyte");
        assertThat(cluster.jdbcUrl(cluster.nodes().subList(1, 3)))
                .isEqualTo("jdbc:ysql://127.0.0.2:" + port + ",127.0.0.3:" + port + "/yugabyte");
        assertThat(cluster.conninfo("yugabyte", "yugabyte"))
                .isEqualTo("host=127.0.0.1 port=" + port + " dbname=yugabyte user=yugabyte password=yugabyte");
    }

    private static int columnCount(YbNode node) throws SQLException {
        try (Connection c = connect(node);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM yb_servers()")) {
            return rs.getMetaData().getColumnCount();
        }
    }

    static Connection connect(YbNode node) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "yugabyte");
        props.setProperty("password", "yugabyte");
        props.setProperty("connect_timeout", "10");
        return DriverManager.getConnection("jdbc:ysql://" + node.address() + "/yugabyte", props);
    }
}
