package io.ysql.integration.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.jdbc.YsqlDriver;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.util.Properties;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Liquibase updates a schema through the driver, unchanged: it recognises PostgreSQL from the
 * connection's metadata (with a {@code jdbc:postgresql:} URL and with the driver's own {@code
 * jdbc:ysql:} prefix), checks a precondition through {@code DatabaseMetaData}, applies three
 * change sets (a table, a column, an index, a row and a dollar-quoted function), records them,
 * does nothing the second time, and rolls the last one back.
 */
class LiquibaseIT {
    private static final String CHANGELOG = "db/changelog-liquibase.xml";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "ysql"})
    @SuppressWarnings("deprecation") // the Liquibase facade is what most applications still call
    void updatesAndRollsBack(String prefix) throws Exception {
        PgCluster cluster = PgCluster.shared();
        String schema = "liquibase_" + prefix;
        cluster.psql("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
        Properties props = new Properties();
        props.setProperty("user", cluster.superuser());
        props.setProperty("password", cluster.superuserPassword());
        String url = "jdbc:" + prefix + "://127.0.0.1:" + cluster.port() + "/" + cluster.database()
                + "?currentSchema=" + schema;
        try (Connection c = new YsqlDriver().connect(url, props)) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            assertThat(db).isInstanceOf(PostgresDatabase.class);
            db.setDefaultSchemaName(schema);
            try (Liquibase lb = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), db)) {
                lb.update(new Contexts(), new LabelExpression());
                assertThat(cluster.psql("SELECT id, name, age, language FROM " + schema + ".employee"))
                        .isEqualTo("1|John|35|Java");
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT employee_count()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
                assertThat(cluster.psql("SELECT string_agg(id, ',' ORDER BY orderexecuted) FROM " + schema
                        + ".databasechangelog")).isEqualTo("1,2,3");
                assertThat(lb.listUnrunChangeSets(new Contexts(), new LabelExpression())).isEmpty();

                lb.update(new Contexts(), new LabelExpression());
                assertThat(cluster.psql("SELECT count(*) FROM " + schema + ".databasechangelog")).isEqualTo("3");

                lb.rollback(1, (String) null);
                assertThat(cluster.psql("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                        + "WHERE n.nspname = '" + schema + "' AND p.proname = 'employee_count'")).isEqualTo("0");
                assertThat(cluster.psql("SELECT count(*) FROM " + schema + ".databasechangelog")).isEqualTo("2");
            }
        }
    }
}
