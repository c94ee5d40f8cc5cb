package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoServerTest {

    @Test
    void doesNotStartWhenThePortIsTaken() {
        try (SilentServer taken = SilentServer.start()) {
            assertThat(DemoServer.startIfNothingListens(taken.host(), taken.port())).isEmpty();
        }
    }

    @Test
    void startsOnExactlyThatPortWhenNothingListens() {
        int port = SilentServer.freePort();
        Optional<PgCluster> started = DemoServer.startIfNothingListens("localhost", port);
        assertThat(started).isPresent();
        Path directory;
        try (PgCluster cluster = started.get()) {
            directory = cluster.directory();
            assertThat(cluster.port()).isEqualTo(port);
            CommandRunner.Result login = TcpPsql.run(cluster,
                    "host=127.0.0.1 port=" + port + " dbname=yugabyte user=yugabyte password=yugabyte",
                    "select current_user, current_database(), "
                            + "(select rolpassword like 'SCRAM-SHA-256$%' from pg_authid"
                            + " where rolname = current_user)");
            assertThat(login.stdout().strip()).isEqualTo("yugabyte|yugabyte|t");
            assertThat(DemoServer.startIfNothingListens("127.0.0.1", port)).isEmpty();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void refusesToStandInForARemoteHost() {
        // 192.0.2.0/24 is reserved for documentation: nothing answers there.
        assertThatThrownBy(() -> DemoServer.startIfNothingListens("192.0.2.1", 5433))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("192.0.2.1:5433");
    }
}
