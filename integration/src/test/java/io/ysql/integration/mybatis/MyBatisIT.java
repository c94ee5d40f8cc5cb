package io.ysql.integration.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.jdbc.YsqlDataSource;
import io.ysql.testkit.PgCluster;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MyBatis maps rows to objects through the driver, unchanged: an annotated mapper inserts with
 * generated keys, selects by parameter into records, updates in a transaction that commits, and
 * one that rolls back; a constraint violation surfaces as MyBatis's exception with the server's
 * SQLSTATE underneath.
 */
class MyBatisIT {
    private static final String SCHEMA = "mybatis_it";
    private static SqlSessionFactory factory;

    /** A row of {@code employee}. */
    public record Employee(Integer id, String name, Integer age) {}

    /** The mapper: plain MyBatis annotations. */
    public interface EmployeeMapper {
        @Insert("INSERT INTO employee (name, age) VALUES (#{name}, #{age})")
        @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
        int insert(Person person);

        @Select("SELECT id, name, age FROM employee WHERE age >= #{min} ORDER BY id")
        List<Employee> olderThan(@Param("min") int min);

        @Select("SELECT id, name, age FROM employee WHERE id = #{id}")
        Employee byId(@Param("id") int id);

        @Update("UPDATE employee SET age = age + 1 WHERE id = #{id}")
        int birthday(@Param("id") int id);
    }

    /** A mutable bean for the insert, since MyBatis writes the generated key back into it. */
    public static final class Person {
        private Integer id;
        private final String name;
        private final int age;

        public Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        public Integer getId() { return id; }
        public void setId(Integer id) { this.id = id; }
        public String getName() { return name; }
        public int getAge() { return age; }
    }

    @BeforeAll
    static void setUp() {
        PgCluster cluster = PgCluster.shared();
        cluster.psql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                + "; CREATE TABLE " + SCHEMA + ".employee (id serial PRIMARY KEY, name text NOT NULL UNIQUE, age int)");
        YsqlDataSource ds = new YsqlDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + cluster.database() + "?currentSchema=" + SCHEMA);
        ds.setUser(cluster.superuser());
        ds.setPassword(cluster.superuserPassword());
        Configuration config = new Configuration(new Environment("it", new JdbcTransactionFactory(), ds));
        config.addMapper(EmployeeMapper.class);
        factory = new SqlSessionFactoryBuilder().build(config);
    }

    @Test
    void mapsInsertsSelectsAndTransactions() {
        try (SqlSession session = factory.openSession()) {
            EmployeeMapper m = session.getMapper(EmployeeMapper.class);
            Person john = new Person("John", 35);
            assertThat(m.insert(john)).isEqualTo(1);
            assertThat(john.getId()).as("generated key written back").isNotNull();
            Person ann = new Person("Ann", 28);
            m.insert(ann);
            session.commit();
            assertThat(m.olderThan(30)).containsExactly(new Employee(john.getId(), "John", 35));

            m.birthday(ann.getId());
            session.rollback();
            assertThat(m.byId(ann.getId()).age()).isEqualTo(28);
            m.birthday(ann.getId());
            session.commit();
            assertThat(m.byId(ann.getId()).age()).isEqualTo(29);
        }
        try (SqlSession session = factory.openSession()) {
            EmployeeMapper m = session.getMapper(EmployeeMapper.class);
            assertThatThrownBy(() -> m.insert(new Person("John", 1))).isInstanceOf(PersistenceException.class)
                    .rootCause().isInstanceOf(java.sql.SQLException.class)
                    .extracting(e -> ((java.sql.SQLException) e).getSQLState()).isEqualTo("23505");
            session.rollback();
            assertThat(m.olderThan(0)).hasSize(2);
        }
    }
}
