package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.testkit.FakeClusterExtension;
import io.ysql.testkit.FakeYugabyteCluster;
import io.ysql.testkit.YbClusterSettings;
import io.ysql.testkit.YbNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code target_session_attrs} over a multi-host URL, without load balancing: a primary made
 * read-only by {@code default_transaction_read_only=on}, a writable primary, and a real hot
 * standby of the writable one ({@code pg_basebackup -R}); each value picks the server libpq
 * would, and a value no server satisfies fails with 08001.
 */
class TargetSessionAttrsIT {
    @RegisterExtension
    static final FakeClusterExtension yb = FakeClusterExtension.of(YbClusterSettings.builder().primaries(2).build())
            .afterStart(cluster -> {
                cluster.node(0).setDefaultTransactionReadOnly(true);
                cluster.addStandby(cluster.node(1), false);
            });
    private final FakeYugabyteCluster cluster = yb.cluster();
    private final YbNode readOnly = cluster.node(0);
    private final YbNode writable = cluster.node(1);
    private final YbNode standby = cluster.node(2);

    private String landsOn(List<YbNode> hosts, String attrs) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(hosts) + "?target_session_attrs=" + attrs,
                cluster.user(), cluster.password())) {
            return Spread.serverHost(c);
        }
    }

    @Test
    void readWriteSkipsTheReadOnlyServerAndTheStandby() throws SQLException {
        assertThat(landsOn(List.of(readOnly, standby, writable), "read-write")).isEqualTo(writable.host());
        assertThat(landsOn(List.of(readOnly, standby, writable), "any")).isEqualTo(readOnly.host());
    }

    @Test
    void readOnlyTakesTheFirstReadOnlyServer() throws SQLException {
        assertThat(landsOn(List.of(writable, readOnly, standby), "read-only")).isEqualTo(readOnly.host());
        assertThat(landsOn(List.of(writable, standby, readOnly), "read-only")).isEqualTo(standby.host());
    }

    @Test
    void primaryAndStandbyFollowRecovery() throws SQLException {
        assertThat(landsOn(List.of(standby, writable), "primary")).isEqualTo(writable.host());
        // a read-only primary is still a primary
        assertThat(landsOn(List.of(standby, readOnly, writable), "primary")).isEqualTo(readOnly.host());
        assertThat(landsOn(List.of(writable, readOnly, standby), "standby")).isEqualTo(standby.host());
        assertThat(landsOn(List.of(writable, standby), "prefer-standby")).isEqualTo(standby.host());
    }

    @Test
    void preferStandbyFallsBackAndStandbyFailsWhenNoStandbyIsUp() throws SQLException {
        standby.stopFast();
        try {
            assertThat(landsOn(List.of(standby, writable), "prefer-standby")).isEqualTo(writable.host());
            SQLException e = catchThrowableOfType(() -> landsOn(List.of(writable, standby, readOnly), "standby"),
                    SQLException.class);
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("08001");
        } finally {
            standby.start();
        }
    }

    @Test
    void readWriteFailsWhenEveryServerIsReadOnly() {
        SQLException e = catchThrowableOfType(() -> landsOn(List.of(readOnly, standby), "read-write"),
                SQLException.class);
        assertThat((Throwable) e).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("08001");
    }
}
