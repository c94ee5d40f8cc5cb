package io.ysql.yugabyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ysql.RetryPolicy;
import io.ysql.Transactions;
import io.ysql.YsqlConnection;
import io.ysql.testkit.PgCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link Transactions#retrying} against a real server that fails the first N attempts of a
 * transaction with a chosen SQLSTATE, counting attempts in a sequence (which a rollback does not
 * undo) while the transaction writes one ledger row: a transient failure (40001, as YugabyteDB's
 * "Restart read required" and conflicts, 40P01, a {@code YBxxx} code) is retried and the row is
 * committed exactly once; anything else is thrown at once with nothing committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionRetryIT {
    private static final RetryPolicy FAST = RetryPolicy.DEFAULT.withMaxAttempts(5).withMaxTotal(Duration.ofSeconds(20));
    private PgCluster cluster;

    @BeforeAll
    void createObjects() {
        cluster = PgCluster.shared();
        cluster.psql("""
                DROP TABLE IF EXISTS retry_it_ledger;
                CREATE TABLE retry_it_ledger (id serial PRIMARY KEY, note text NOT NULL);
                DROP SEQUENCE IF EXISTS retry_it_attempts;
                CREATE SEQUENCE retry_it_attempts;
                CREATE OR REPLACE FUNCTION retry_it_flaky(fail_times int, state text) RETURNS int
                LANGUAGE plpgsql AS $$
                DECLARE attempt int := nextval('retry_it_attempts');
                BEGIN
                  IF attempt <= fail_times THEN
                    RAISE EXCEPTION USING ERRCODE = state, MESSAGE = CASE WHEN state = '40001'
                      THEN 'Restart read required' ELSE 'injected failure' END || ' (attempt ' || attempt || ')';
                  END IF;
                  RETURN attempt;
                END $$;
                """);
    }

    @BeforeEach
    void reset() {
        cluster.psql("TRUNCATE retry_it_ledger; ALTER SEQUENCE retry_it_attempts RESTART");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(), cluster.superuser(), cluster.superuserPassword());
    }

    private static int transfer(Connection c, int failTimes, String state) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO retry_it_ledger (note) VALUES ('transfer')");
            try (ResultSet rs = s.executeQuery("SELECT retry_it_flaky(" + failTimes + ", '" + state + "')")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private String ledgerRows() {
        return cluster.psql("SELECT count(*) FROM retry_it_ledger");
    }

    @Test
    void serializationFailuresAreRetriedAndTheRowIsCommittedOnce() throws SQLException {
        try (Connection c = connect()) {
            int attempt = Transactions.retrying(c, FAST, conn -> transfer(conn, 3, "40001"));
            assertThat(attempt).isEqualTo(4);
            assertThat(c.getAutoCommit()).as("autocommit restored").isTrue();
        }
        assertThat(ledgerRows()).isEqualTo("1");
    }

    @Test
    void deadlocksAndYugabyteCodesAreTransientToo() throws SQLException {
        try (YsqlConnection c = connect().unwrap(YsqlConnection.class)) {
            int deadlocked = c.retrying(conn -> transfer(conn, 2, "40P01"));
            assertThat(deadlocked).isEqualTo(3);
            reset();
            int ybCoded = Transactions.retrying(c, FAST, conn -> transfer(conn, 1, "YB003"));
            assertThat(ybCoded).isEqualTo(2);
        }
        assertThat(ledgerRows()).isEqualTo("1");
    }

    @Test
    void otherErrorsAreNotRetried() throws SQLException {
        try (Connection c = connect()) {
            SQLException e = catchThrowableOfType(() -> Transactions.retrying(c, FAST, conn -> transfer(conn, 5, "23505")),
                    SQLException.class);
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(Transactions.isTransient(e)).isFalse();
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(ledgerRows()).isEqualTo("0");
        assertThat(cluster.psql("SELECT last_value FROM retry_it_attempts")).isEqualTo("1");
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() throws SQLException {
        try (Connection c = connect()) {
            SQLException e = catchThrowableOfType(() -> Transactions.retrying(c, FAST.withMaxAttempts(3),
                    conn -> transfer(conn, 10, "40001")), SQLException.class);
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("40001");
            assertThat(e.getMessage()).contains("attempt 3");
            assertThat(e.getSuppressed()).hasSize(2);
            assertThat(Transactions.isTransient(e)).isTrue();
        }
        assertThat(ledgerRows()).isEqualTo("0");
        assertThat(cluster.psql("SELECT last_value FROM retry_it_attempts")).isEqualTo("3");
    }
}
