package io.ysql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The own-cluster extension registered as a test class would register it (its settings and setup
 * are in effect during the tests), and driven by hand, to see that it deletes the cluster after
 * the last test and after a setup that fails.
 */
class PgClusterExtensionTest {
    private static final PgCluster.Settings SETTINGS = PgCluster.Settings.builder()
            .addConfLine("max_prepared_transactions = 7").createAuthRoles(false).build();

    @RegisterExtension
    static final PgClusterExtension server = PgClusterExtension.of(SETTINGS)
            .afterStart(cluster -> cluster.psql("CREATE TABLE extension_items (id int)"))
            .afterStart(cluster -> cluster.psql("INSERT INTO extension_items VALUES (1)"));

    @Test
    void theClusterHasTheSettingsAndTheSetupRanInOrder() {
        PgCluster cluster = server.cluster();
        assertThat(cluster).isNotSameAs(PgCluster.shared());
        assertThat(cluster.psql("SHOW max_prepared_transactions")).isEqualTo("7");
        assertThat(cluster.psql("SELECT id FROM extension_items")).isEqualTo("1");
    }

    @Test
    void stopDeletesTheClusterAndASetupFailureStopsIt() {
        PgClusterExtension own = PgClusterExtension.of(SETTINGS);
        assertThatThrownBy(own::cluster).isInstanceOf(IllegalStateException.class).hasMessageContaining("static field");
        own.start();
        Path directory = own.cluster().directory();
        assertThat(own.cluster().isRunning()).isTrue();
        own.stop();
        assertThat(directory).doesNotExist();
        assertThatThrownBy(own::cluster).isInstanceOf(IllegalStateException.class);
        own.stop();

        AtomicReference<Path> seen = new AtomicReference<>();
        PgClusterExtension failing = PgClusterExtension.of(SETTINGS).afterStart(cluster -> {
            seen.set(cluster.directory());
            throw new IllegalStateException("setup failed");
        });
        assertThatThrownBy(failing::start).hasMessage("setup failed");
        assertThat(seen.get()).doesNotExist();
        assertThatThrownBy(failing::cluster).isInstanceOf(IllegalStateException.class);
    }
}
