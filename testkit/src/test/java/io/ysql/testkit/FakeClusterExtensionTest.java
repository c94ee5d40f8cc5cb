package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fake-cluster extension registered as a test class would register it (the cluster runs in
 * every test and is put back after each; the tests run in order, each seeing what the previous left), and driven by hand through its lifecycle, to see that
 * a failing restore does not skip the others and that a session left open fails the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeClusterExtensionTest {
    private static final YbClusterSettings ONE_NODE = YbClusterSettings.builder().primaries(1).build();

    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension.of(ONE_NODE)
            .afterStart(cluster -> cluster.node(0).setListed(false))
            .restoringAfterEach(cluster -> cluster.node(0).setListed(true))
            .restartingListedNodesAfterEach()
            .checkingAllClosedAfterEach();

    @Test
    @Order(1)
    void theClusterRunsDuringTheTestsAfterItsSetup() {
        FakeYugabyteCluster cluster = yb.cluster();
        assertThat(cluster.settings()).isEqualTo(ONE_NODE);
        assertThat(cluster.nodes()).singleElement().satisfies(node -> {
            assertThat(node.isRunning()).isTrue();
            assertThat(node.isListed()).as("unlisted by the setup").isFalse();
        });
    }

    @Test
    @Order(2)
    void theRestoreRanAfterThePreviousTest() {
        YbNode node = yb.cluster().node(0);
        assertThat(node.isListed()).isTrue();
        node.stop();
        assertThat(node.isRunning()).isFalse();
    }

    @Test
    @Order(3)
    void aStoppedListedNodeIsStartedAgainForTheNextTest() {
        assertThat(yb.cluster().node(0).isRunning()).isTrue();
    }

    @Test
    @Order(4)
    void aClosedSessionPassesTheOpenSessionCheck() throws SQLException {
        try (Connection c = connect(yb.cluster())) {
            assertThat(yb.cluster().totalConnections()).isEqualTo(1);
        }
        assertThat(yb.awaitAllClosed().values()).containsOnly(0);
    }

    @Test
    @Order(5)
    void aSessionLeftOpenFailsTheCheckAndEveryRestoreStillRuns() throws SQLException {
        List<String> ran = new ArrayList<>();
        FakeClusterExtension own = FakeClusterExtension.of(ONE_NODE)
                .restoringAfterEach(cluster -> {
                    ran.add("first");
                    throw new IllegalStateException("first restore failed");
                })
                .restoringAfterEach(cluster -> ran.add("second"))
                .checkingAllClosedAfterEach();
        assertThatThrownBy(own::cluster).isInstanceOf(IllegalStateException.class).hasMessageContaining("static field");
        own.start();
        try (Connection open = connect(own.cluster())) {
            Throwable failure = catchThrowable(own::afterTest);
            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("first restore failed");
            assertThat(failure.getSuppressed()).singleElement().isInstanceOf(AssertionError.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("sessions left open").contains("127.0.0.1=1"));
            assertThat(ran).containsExactly("first", "second");
        } finally {
            own.stop();
        }
        assertThatThrownBy(own::cluster).isInstanceOf(IllegalStateException.class);
        own.stop();
    }

    private static Connection connect(FakeYugabyteCluster cluster) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), cluster.password());
    }
}
