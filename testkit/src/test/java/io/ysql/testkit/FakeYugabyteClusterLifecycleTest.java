package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clusters of their own: nodes added at run time, a hot standby, settings, and cleanup. */
class FakeYugabyteClusterLifecycleTest {

    @Test
    void addedNodeIsListedEverywhereAndServes() throws SQLException {
        YbClusterSettings settings = YbClusterSettings.builder().primaries(2)
                .serversFunction(ServersFunction.COLUMNS_9).versionText("15.2-YB-2.25.1.0-b0").build();
        try (FakeYugabyteCluster cluster = FakeYugabyteCluster.start(settings)) {
            YbNode added = cluster.addNode(new Placement("gcp", "eu-west1", "eu-west1-b"), NodeType.READ_REPLICA);
            assertThat(added.host()).isEqualTo("127.0.0.3");
            assertThat(added.index()).isEqualTo(2);
            for (YbNode node : cluster.nodes()) {
                assertThat(node.psql("SELECT host, node_type, cloud, region, zone FROM yb_servers()"
                        + " WHERE host = '127.0.0.3'")).isEqualTo("127.0.0.3|read_replica|gcp|eu-west1|eu-west1-b");
                assertThat(node.psql("SELECT count(*) FROM yb_servers()")).isEqualTo("3");
            }
            assertThat(added.psql("SELECT count(*) FROM pg_proc WHERE proname = 'yb_servers' AND pronargs = 0"
                    + " AND array_length(proallargtypes, 1) = 9")).isEqualTo("1");
            try (Connection c = FakeYugabyteClusterTest.connect(added); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT version(), yb_server_zone()");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("PostgreSQL 15.2-YB-2.25.1.0-b0 on ");
                assertThat(rs.getString(2)).isEqualTo("eu-west1-b");
            }
            assertThatThrownBy(() -> cluster.addNode(YbNodeSpec.primary("127.0.0.3", Placement.usWest(0))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void functionChangedWhileANodeIsDownReachesItOnStart() {
        try (FakeYugabyteCluster cluster = FakeYugabyteCluster.start(YbClusterSettings.builder().primaries(2).build())) {
            YbNode second = cluster.node(1);
            second.stop();
            cluster.useServersFunction(ServersFunction.ABSENT);
            second.start();
            assertThat(second.psql("SELECT count(*) FROM pg_proc WHERE proname = 'yb_servers'")).isEqualTo("0");
            assertThat(cluster.node(0).psql("SELECT count(*) FROM pg_proc WHERE proname = 'yb_servers'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void standbyFollowsItsPrimaryAndIsReadOnly() throws SQLException {
        try (FakeYugabyteCluster cluster = FakeYugabyteCluster.start(YbClusterSettings.builder().primaries(1).build())) {
            YbNode primary = cluster.node(0);
            YbNode standby = cluster.addStandby(primary, false);
            assertThat(standby.isStandby()).isTrue();
            assertThat(standby.isInRecovery()).isTrue();
            assertThat(primary.isInRecovery()).isFalse();
            assertThat(standby.isListed()).isFalse();
            assertThat(primary.psql("SELECT count(*) FROM yb_servers()")).isEqualTo("1");
            try (Connection c = FakeYugabyteClusterTest.connect(standby); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("CREATE TABLE t (id int)"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
            }
        }
    }

    @Test
    void closeStopsEveryNodeAndDeletesEverything() throws SQLException {
        FakeYugabyteCluster cluster = FakeYugabyteCluster.start(YbClusterSettings.builder().primaries(2).build());
        List<Path> directories = cluster.nodes().stream().map(YbNode::directory).toList();
        Path topology = cluster.topologyFile();
        YbNode first = cluster.node(0);
        try (Connection c = FakeYugabyteClusterTest.connect(first)) {
            assertThat(c.isValid(5)).isTrue();
        }
        cluster.close();
        cluster.close();
        assertThat(directories).allSatisfy(dir -> assertThat(dir).doesNotExist());
        assertThat(topology).doesNotExist();
        assertThat(first.isRunning()).isFalse();
        assertThatThrownBy(() -> FakeYugabyteClusterTest.connect(first).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> YbClusterSettings.builder().node(YbNodeSpec.primary("127.0.0.1", Placement.usWest(0)))
                .node(YbNodeSpec.primary("127.0.0.1", Placement.usWest(1))).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Placement.of("aws.us-west")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Placement.of("aws.us-west.us-west-2a")).isEqualTo(Placement.usWest(0));
        assertThat(YbClusterSettings.defaults().nodes()).extracting(YbNodeSpec::host)
                .containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
    }

    @Test
    void topologyDocumentIsValidJson() {
        TopologyDocument doc = new TopologyDocument("u-1", List.of(new TopologyDocument.Row("127.0.0.1", 5433,
                NodeType.PRIMARY, Placement.usWest(0), "", "ab\"c", false)));
        assertThat(doc.json()).contains("\"uuid\": \"ab\\\"c\"").contains("\"public_ip\": \"\"")
                .contains("\"listed\": false").contains("\"universe_uuid\": \"u-1\"");
    }
}
