package io.ysql.integration.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flyway migrates a schema through the driver, configured the two ways applications do it: a
 * {@code jdbc:postgresql:} URL with the driver class named explicitly, and a {@link DataSource}.
 * The migrations hold a dollar-quoted function body, quoted semicolons and a repeatable view;
 * {@code info()} and the schema history table agree afterwards, a second migrate does nothing,
 * and a failing migration is rolled back and reported with its SQLSTATE. Each way runs with
 * Flyway's default transaction-level advisory lock and with its session-level lock.
 */
class FlywayIT {
    private static final String DRIVER = "io.ysql.jdbc.YsqlDriver";
    private static final String URL_SCHEMA = "fwb_flyway_url";
    private static final String DS_SCHEMA = "fwb_flyway_ds";
    private static final String BROKEN_SCHEMA = "fwb_flyway_broken";
    private static final String SESSION_LOCK_SCHEMA = "fwb_flyway_session_lock";
    private static final String DS_SESSION_LOCK_SCHEMA = "fwb_flyway_ds_session_lock";
    private static final String LOCATION = "classpath:db/migration-fwb";
    private static final String BROKEN_LOCATION = "classpath:db/migration-fwb-broken";

    private static PgCluster cluster;

    @BeforeAll
    static void dropSchemas() {
        cluster = PgCluster.shared();
        for (String schema : List.of(URL_SCHEMA, DS_SCHEMA, BROKEN_SCHEMA, SESSION_LOCK_SCHEMA,
                DS_SESSION_LOCK_SCHEMA)) {
            cluster.psql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String postgresqlUrl() {
        return "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + cluster.database();
    }

    private static Flyway withUrl(String schema, String location) {
        return urlConfiguration(schema, location).load();
    }

    private static FluentConfiguration urlConfiguration(String schema, String location) {
        // The same keys as flyway.conf or FLYWAY_* variables: the data source is built from them
        // with the driver named, whereas the fluent dataSource(url, ...) looks for pgjdbc at once.
        return Flyway.configure()
                .configuration(Map.of(
                        "flyway.url", postgresqlUrl(),
                        "flyway.driver", DRIVER,
                        "flyway.user", cluster.superuser(),
                        "flyway.password", cluster.superuserPassword()))
                .schemas(schema)
                .locations(location);
    }

    @Test
    void migratesWithPostgresqlUrlAndDriverClass() {
        checkFullCycle(withUrl(URL_SCHEMA, LOCATION), URL_SCHEMA);
    }

    @Test
    void migratesWithDataSource() throws SQLException {
        checkFullCycle(dataSourceConfiguration(DS_SCHEMA).load(), DS_SCHEMA);
    }

    private static FluentConfiguration dataSourceConfiguration(String schema) throws SQLException {
        DataSource ds = new UrlDataSource(cluster.jdbcUrl(), cluster.superuser(), cluster.superuserPassword());
        try (var conn = ds.getConnection()) {
            assertThat(conn.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        return Flyway.configure().dataSource(ds).schemas(schema).locations(LOCATION);
    }

    @Test
    void migratesWithUrlAndSessionLevelLock() {
        checkFullCycle(sessionLevelLock(urlConfiguration(SESSION_LOCK_SCHEMA, LOCATION)), SESSION_LOCK_SCHEMA);
    }

    @Test
    void migratesWithDataSourceAndSessionLevelLock() throws SQLException {
        checkFullCycle(sessionLevelLock(dataSourceConfiguration(DS_SESSION_LOCK_SCHEMA)), DS_SESSION_LOCK_SCHEMA);
    }

    /** Flyway's documented alternative lock: session-level, taken outside a transaction block. */
    private static Flyway sessionLevelLock(FluentConfiguration configuration) {
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.load();
    }

    private void checkFullCycle(Flyway flyway, String schema) {
        assertThat(flyway.info().pending()).hasSize(3);

        MigrateResult first = flyway.migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(3);
        assertThat(first.targetSchemaVersion).isEqualTo("2");
        assertThat(first.schemaName).isEqualTo(schema);

        // applied() also lists the marker of the schema Flyway created; the scripts follow it.
        assertThat(flyway.info().applied()).hasSize(4);
        List<MigrationInfo> applied = Arrays.stream(flyway.info().applied())
                .filter(i -> i.getScript().endsWith(".sql")).toList();
        assertThat(applied).extracting(MigrationInfo::getScript)
                .containsExactly("V1__create_inventory.sql", "V2__seed_inventory.sql", "R__inventory_view.sql");
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(applied).extracting(MigrationInfo::getChecksum).doesNotContainNull();
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
        assertThat(flyway.info().pending()).isEmpty();

        // The history table as the server sees it: schema creation marker, V1, V2, the view.
        assertThat(cluster.psql("SELECT coalesce(version, '-') || ':' || type || ':' || success FROM " + schema
                + ".flyway_schema_history ORDER BY installed_rank").lines())
                .containsExactly("-:SCHEMA:true", "1:SQL:true", "2:SQL:true", "-:SQL:true");
        assertThat(cluster.psql("SELECT string_agg(id || '=' || item || '=' || quantity, ',' ORDER BY id) FROM "
                + schema + ".inventory"))
                .isEqualTo("1=bolt=120,2=nut; hex=250,3=washer 'flat'=75");
        assertThat(cluster.psql("SELECT string_agg(item, ',' ORDER BY id) FROM " + schema + ".inventory_low"))
                .isEqualTo("bolt,washer 'flat'");

        MigrateResult second = flyway.migrate();
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(cluster.psql("SELECT count(*) FROM " + schema + ".flyway_schema_history")).isEqualTo("4");
        flyway.validate();
    }

    @Test
    void failedMigrationIsRolledBackAndReported() {
        Flyway flyway = withUrl(BROKEN_SCHEMA, BROKEN_LOCATION);

        assertThatThrownBy(flyway::migrate)
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("42P01")
                .hasMessageContaining("ledger_missing");

        MigrationInfo[] all = flyway.info().all();
        assertThat(Arrays.stream(all).filter(i -> i.getVersion() != null)
                .map(i -> i.getVersion().getVersion() + ":" + i.getState()))
                .containsExactly("1:" + MigrationState.SUCCESS, "2:" + MigrationState.PENDING);
        assertThat(cluster.psql("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + BROKEN_SCHEMA + "' AND table_name IN ('ledger', 'ledger_entries')")).isEqualTo("1");
        assertThat(cluster.psql("SELECT count(*) FROM " + BROKEN_SCHEMA + ".flyway_schema_history WHERE version = '2'"))
                .isEqualTo("0");
    }
}
