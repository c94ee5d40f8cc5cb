package io.ysql.integration.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Hibernate ORM with nothing but the URL and the driver class set persists an entity with an
 * identity id: by default it reads the id through {@code Statement.getGeneratedKeys()}, from a
 * statement prepared with {@code Connection.prepareStatement(sql, columnNames)}.
 */
class HibernateGeneratedKeysIT {
    @Test
    void identityIdThroughGeneratedKeys() {
        PgCluster cluster = PgCluster.shared();
        try (SessionFactory factory = new Configuration()
                .addAnnotatedClass(Tag.class)
                .setProperty("hibernate.connection.url", cluster.jdbcUrl())
                .setProperty("hibernate.connection.driver_class", "io.ysql.jdbc.YsqlDriver")
                .setProperty("hibernate.connection.username", cluster.superuser())
                .setProperty("hibernate.connection.password", cluster.superuserPassword())
                .setProperty("hibernate.connection.pool_size", "1")
                .setProperty("hibernate.hbm2ddl.auto", "create-drop")
                .buildSessionFactory()) {
            Tag first = new Tag("first");
            Tag second = new Tag("second");
            factory.inTransaction(s -> {
                s.persist(first);
                s.persist(second);
            });
            assertThat(first.getId()).isNotNull();
            assertThat(second.getId()).isGreaterThan(first.getId());
            assertThat(cluster.psql("SELECT label FROM fwb_hib_tag WHERE id = " + second.getId())).isEqualTo("second");
            factory.inSession(s -> assertThat(s.find(Tag.class, first.getId()).getLabel()).isEqualTo("first"));
        }
    }
}
