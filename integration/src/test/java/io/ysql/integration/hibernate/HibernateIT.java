package io.ysql.integration.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.testkit.PgCluster;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hibernate ORM bootstrapped the plain way ({@link Configuration}, its built-in connection pool
 * over {@code java.sql.DriverManager}) with only the URL and the driver class of this driver and no
 * dialect: it recognises PostgreSQL from the metadata, creates and drops the schema, and runs
 * inserts with identity and sequence ids, finds, updates, deletes, queries and a rollback. Identity
 * ids are read with {@code INSERT ... RETURNING} rather than JDBC generated keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HibernateIT {
    private PgCluster cluster;
    private SessionFactory factory;

    @BeforeAll
    void buildSessionFactory() {
        cluster = PgCluster.shared();
        factory = new Configuration()
                .addAnnotatedClass(Author.class)
                .addAnnotatedClass(Book.class)
                .setProperty("hibernate.connection.url", cluster.jdbcUrl())
                .setProperty("hibernate.connection.driver_class", "io.ysql.jdbc.YsqlDriver")
                .setProperty("hibernate.connection.username", cluster.superuser())
                .setProperty("hibernate.connection.password", cluster.superuserPassword())
                .setProperty("hibernate.connection.pool_size", "2")
                .setProperty("hibernate.hbm2ddl.auto", "create-drop")
                // Identity ids through Hibernate's own INSERT ... RETURNING; the default path, JDBC
                // generated keys, is HibernateGeneratedKeysIT's.
                .setProperty("hibernate.jdbc.use_get_generated_keys", "false")
                .buildSessionFactory();
    }

    @AfterAll
    void closeSessionFactory() {
        if (factory != null) {
            factory.close();
        }
    }

    private String sql(String query) {
        return cluster.psql(query);
    }

    @Test
    void dialectIsDetectedFromMetadata() {
        Dialect dialect = factory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
        assertThat(dialect).isInstanceOf(PostgreSQLDialect.class);
        assertThat(dialect.getVersion().getMajor()).isEqualTo(cluster.majorVersion());
        assertThat(sql("SELECT count(*) FROM pg_tables WHERE tablename IN ('fwb_hib_author', 'fwb_hib_book')"))
                .isEqualTo("2");
        assertThat(sql("SELECT count(*) FROM pg_sequences WHERE sequencename = 'fwb_hib_book_seq'")).isEqualTo("1");
    }

    @Test
    void createReadUpdateDelete() {
        UUID external = UUID.randomUUID();
        Author author = new Author("crud author", external);
        Book book = new Book("First", 120, new BigDecimal("19.90"), LocalDate.of(2020, 2, 29), author);
        factory.inTransaction(s -> {
            s.persist(author);
            s.persist(book);
        });
        assertThat(author.getId()).isNotNull();
        assertThat(book.getId()).isNotNull();
        assertThat(sql("SELECT title || '|' || pages || '|' || price || '|' || published || '|' || in_print FROM "
                + "fwb_hib_book WHERE id = " + book.getId())).isEqualTo("First|120|19.90|2020-02-29|true");
        assertThat(sql("SELECT external_id FROM fwb_hib_author WHERE id = " + author.getId()))
                .isEqualTo(external.toString());

        factory.inTransaction(s -> {
            Book found = s.find(Book.class, book.getId());
            assertThat(found.getTitle()).isEqualTo("First");
            assertThat(found.getPages()).isEqualTo(120);
            assertThat(found.getPrice()).isEqualByComparingTo("19.90");
            assertThat(found.getPublished()).isEqualTo(LocalDate.of(2020, 2, 29));
            assertThat(found.getAddedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
            assertThat(found.isInPrint()).isTrue();
            assertThat(found.getAuthor().getExternalId()).isEqualTo(external);
            found.setTitle("First, revised");
            found.setPrice(new BigDecimal("24.50"));
            found.setInPrint(false);
        });
        assertThat(sql("SELECT title || '|' || price || '|' || in_print FROM fwb_hib_book WHERE id = "
                + book.getId())).isEqualTo("First, revised|24.50|false");

        factory.inTransaction(s -> {
            s.remove(s.find(Book.class, book.getId()));
            s.remove(s.find(Author.class, author.getId()));
        });
        factory.inSession(s -> assertThat(s.find(Book.class, book.getId())).isNull());
        assertThat(sql("SELECT count(*) FROM fwb_hib_author WHERE id = " + author.getId())).isEqualTo("0");
    }

    @Test
    void queriesWithParametersJoinsAndPaging() {
        factory.inTransaction(s -> {
            Author a = new Author("query author", UUID.randomUUID());
            s.persist(a);
            for (int i = 1; i <= 12; i++) {
                s.persist(new Book("Q" + String.format("%02d", i), i * 10, new BigDecimal(i + ".25"),
                        LocalDate.of(2000 + i, 1, 1), a));
            }
        });
        factory.inTransaction(s -> {
            List<String> titles = s.createSelectionQuery(
                            "select b.title from Book b join b.author a where a.name = :name and b.pages > :pages "
                                    + "order by b.title desc", String.class)
                    .setParameter("name", "query author")
                    .setParameter("pages", 85)
                    .setFirstResult(1)
                    .setMaxResults(2)
                    .getResultList();
            assertThat(titles).containsExactly("Q11", "Q10");

            Object[] stats = s.createSelectionQuery("select count(b), sum(b.pages), max(b.published) from Book b "
                            + "where b.author.name = ?1", Object[].class)
                    .setParameter(1, "query author")
                    .getSingleResult();
            assertThat(stats).containsExactly(12L, 780L, LocalDate.of(2012, 1, 1));

            Long cheap = s.createNativeQuery(
                            "SELECT count(*) FROM fwb_hib_book WHERE price < :limit AND title LIKE 'Q%'", Long.class)
                    .setParameter("limit", new BigDecimal("5.00"))
                    .getSingleResult();
            assertThat(cheap).isEqualTo(4L);

            int updated = s.createMutationQuery(
                            "update Book b set b.inPrint = false where b.pages >= :p and b.title like 'Q%'")
                    .setParameter("p", 100)
                    .executeUpdate();
            assertThat(updated).isEqualTo(3);
        });
        assertThat(sql("SELECT string_agg(title, ',' ORDER BY title) FROM fwb_hib_book "
                + "WHERE NOT in_print AND title LIKE 'Q%'"))
                .isEqualTo("Q10,Q11,Q12");
    }

    @Test
    void rollbackDiscardsFlushedChanges() {
        Author kept = factory.fromTransaction(s -> {
            Author a = new Author("rollback author", UUID.randomUUID());
            s.persist(a);
            return a;
        });
        try (var session = factory.openSession()) {
            Transaction tx = session.beginTransaction();
            Author a = session.find(Author.class, kept.getId());
            a.setName("renamed in a rolled back transaction");
            session.persist(new Book("Never", 1, BigDecimal.ONE, LocalDate.of(1999, 12, 31), a));
            session.flush();
            assertThat(session.createSelectionQuery("select count(b) from Book b where b.title = 'Never'", Long.class)
                    .getSingleResult()).isEqualTo(1L);
            tx.rollback();
        }
        assertThat(sql("SELECT count(*) FROM fwb_hib_book WHERE title = 'Never'")).isEqualTo("0");
        factory.inSession(s -> assertThat(s.find(Author.class, kept.getId()).getName()).isEqualTo("rollback author"));
    }
}
