package io.ysql.integration.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.testkit.PgCluster;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodes;
import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring JDBC over this driver with a {@code jdbc:postgresql:} URL and the driver class named:
 * {@link JdbcTemplate} queries and updates with bind values, {@link TransactionTemplate} on a
 * {@link DataSourceTransactionManager} commits, rolls back and applies the isolation level, and
 * the exception translation recognises the database as PostgreSQL by its product name, so a
 * duplicate key becomes a {@link DuplicateKeyException}.
 */
class SpringJdbcIT {
    private static final String TABLE = "spring_jdbc_it_account";

    private static DriverManagerDataSource dataSource;

    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    @BeforeAll
    static void createDataSource() {
        PgCluster cluster = PgCluster.shared();
        dataSource = new DriverManagerDataSource(cluster.jdbcUrl().replaceFirst("^jdbc:ysql:", "jdbc:postgresql:"),
                cluster.superuser(), cluster.superuserPassword());
        dataSource.setDriverClassName("io.ysql.jdbc.YsqlDriver");
        cluster.psql("DROP TABLE IF EXISTS " + TABLE
                + "; CREATE TABLE " + TABLE + " (id int PRIMARY KEY, owner text NOT NULL, balance numeric(12,2))");
    }

    @BeforeEach
    void emptyTable() {
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.update("DELETE FROM " + TABLE);
    }

    private int count() {
        return jdbc.queryForObject("SELECT count(*) FROM " + TABLE, Integer.class);
    }

    @Test
    void errorCodesChosenByProductName() {
        SQLErrorCodesFactory factory = SQLErrorCodesFactory.getInstance();
        SQLErrorCodes codes = factory.resolveErrorCodes(dataSource);
        assertThat(codes).as("error codes found for the product name").isNotNull();
        assertThat(codes).isSameAs(factory.getErrorCodes("PostgreSQL"));
        assertThat(codes.getDuplicateKeyCodes()).contains("23505");
    }

    @Test
    void updatesAndQueriesWithBindValues() {
        assertThat(jdbc.update("INSERT INTO " + TABLE + " VALUES (?, ?, ?)", 1, "ann", new java.math.BigDecimal("10.50")))
                .isEqualTo(1);
        int[] batch = jdbc.batchUpdate("INSERT INTO " + TABLE + " VALUES (?, ?, ?)",
                List.of(new Object[] {2, "bob", 20}, new Object[] {3, "o'neil", null}));
        assertThat(batch).hasSize(2);
        assertThat(count()).isEqualTo(3);
        List<String> owners = jdbc.query("SELECT owner FROM " + TABLE + " WHERE id >= ? ORDER BY id",
                (rs, n) -> rs.getString(1), 2);
        assertThat(owners).containsExactly("bob", "o'neil");
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Map<String, Object> row = named.queryForMap("SELECT id, balance FROM " + TABLE + " WHERE owner = :owner",
                Map.of("owner", "ann"));
        assertThat(row.get("id")).isEqualTo(1);
        assertThat(row.get("balance")).isEqualTo(new java.math.BigDecimal("10.50"));
    }

    @Test
    void transactionCommits() {
        long[] txids = new long[2];
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO " + TABLE + " VALUES (1, 'ann', 1)");
            txids[0] = jdbc.queryForObject("SELECT txid_current()", Long.class);
            jdbc.update("INSERT INTO " + TABLE + " VALUES (2, 'bob', 2)");
            txids[1] = jdbc.queryForObject("SELECT txid_current()", Long.class);
        });
        assertThat(txids[1]).as("both statements ran in one transaction").isEqualTo(txids[0]);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void transactionRollsBackOnRequestAndOnException() {
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO " + TABLE + " VALUES (1, 'ann', 1)");
            assertThat(count()).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(count()).isZero();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO " + TABLE + " VALUES (2, 'bob', 2)");
            throw new IllegalStateException("abort");
        })).isInstanceOf(IllegalStateException.class).hasMessage("abort");
        assertThat(count()).isZero();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO " + TABLE + " VALUES (3, 'cy', 3)");
            jdbc.update("INSERT INTO " + TABLE + " VALUES (3, 'cy again', 3)");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(count()).isZero();
    }

    @Test
    void transactionAppliesIsolationLevel() {
        TransactionTemplate serializable = new TransactionTemplate(tx.getTransactionManager());
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        String level = serializable.execute(status -> jdbc.queryForObject("SHOW transaction_isolation", String.class));
        assertThat(level).isEqualTo("serializable");
        assertThat(jdbc.queryForObject("SHOW transaction_isolation", String.class))
                .as("the connection is back to the default afterwards").isEqualTo("read committed");
    }

    @Test
    void duplicateKeyBecomesDuplicateKeyException() {
        jdbc.update("INSERT INTO " + TABLE + " VALUES (1, 'ann', 1)");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO " + TABLE + " VALUES (?, ?, ?)", 1, "ann", 1))
                .isInstanceOf(DuplicateKeyException.class)
                .cause().isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
    }

    @Test
    void errorCodeTranslatorUsesPostgresCodes() {
        JdbcTemplate byCodes = new JdbcTemplate(dataSource);
        byCodes.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(dataSource));
        byCodes.update("INSERT INTO " + TABLE + " VALUES (1, 'ann', 1)");
        assertThatThrownBy(() -> byCodes.update("INSERT INTO " + TABLE + " VALUES (1, 'ann', 1)"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> byCodes.queryForList("SELECT * FROM spring_jdbc_it_missing"))
                .isInstanceOf(BadSqlGrammarException.class);
    }
}
