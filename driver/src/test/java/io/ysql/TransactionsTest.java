package io.ysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    /** What the fake connection was asked to do, and what its commit answers. */
    private static final class Script {
        final List<String> calls = new ArrayList<>();
        boolean autoCommit = true;
        boolean closed;
        final List<SQLException> commitFailures = new ArrayList<>();

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getAutoCommit" -> autoCommit;
                        case "setAutoCommit" -> {
                            autoCommit = (Boolean) args[0];
                            calls.add("autocommit=" + autoCommit);
                            yield null;
                        }
                        case "commit" -> {
                            calls.add("commit");
                            if (!commitFailures.isEmpty()) throw commitFailures.remove(0);
                            yield null;
                        }
                        case "rollback" -> {
                            calls.add("rollback");
                            yield null;
                        }
                        case "isClosed" -> closed;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private final Script script = new Script();
    private final List<Duration> sleeps = new ArrayList<>();
    private long nanos;
    private final Transactions tx = new Transactions(new SplittableRandom(5), d -> {
        sleeps.add(d);
        nanos += d.toNanos();
    }, () -> nanos);

    private static SQLException error(String state, String message) {
        return SqlExceptions.of(state, message);
    }

    /** A body that fails with the given errors, in order, then returns the attempt number. */
    private SQLFunction<Connection, Integer> failing(SQLException... errors) {
        AtomicInteger attempt = new AtomicInteger();
        return c -> {
            int n = attempt.incrementAndGet();
            script.calls.add("work " + n);
            if (n <= errors.length) throw errors[n - 1];
            return n;
        };
    }

    @Test
    void retriesSerializationFailuresDeadlocksAndReadRestarts() throws SQLException {
        int result = tx.run(script.connection(), RetryPolicy.DEFAULT, failing(
                error("40001", "could not serialize access due to concurrent update"),
                error("40P01", "deadlock detected"),
                error("XX000", "Restart read required at: ..."),
                error("YB003", "transaction conflict")));
        assertThat(result).isEqualTo(5);
        assertThat(script.calls).containsExactly("autocommit=false", "work 1", "rollback", "work 2", "rollback",
                "work 3", "rollback", "work 4", "rollback", "work 5", "commit", "autocommit=true");
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void otherErrorsAreNotRetried() {
        SQLException unique = error("23505", "duplicate key");
        assertThatThrownBy(() -> tx.run(script.connection(), RetryPolicy.DEFAULT, failing(unique))).isSameAs(unique);
        assertThat(script.calls).containsExactly("autocommit=false", "work 1", "rollback", "autocommit=true");
    }

    @Test
    void attemptsAreBoundedAndEarlierFailuresSuppressed() {
        SQLException[] errors = new SQLException[10];
        for (int i = 0; i < errors.length; i++) errors[i] = error("40001", "conflict " + i);
        assertThatThrownBy(() -> tx.run(script.connection(), RetryPolicy.DEFAULT.withMaxAttempts(3), failing(errors)))
                .isSameAs(errors[2]).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(errors[0], errors[1]));
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void totalTimeIsBounded() {
        SQLException[] errors = new SQLException[10];
        for (int i = 0; i < errors.length; i++) errors[i] = error("40001", "conflict " + i);
        RetryPolicy p = RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(100), Duration.ofMillis(100))
                .withMaxTotal(Duration.ofMillis(250));
        assertThatThrownBy(() -> tx.run(script.connection(), p, failing(errors))).isInstanceOf(SQLException.class);
        // waits of 50..100 ms each: at most 4 fit into 250 ms, at least 2
        assertThat(sleeps.size()).isBetween(2, 4);
        assertThat(Duration.ofNanos(nanos)).isLessThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void backoffGrowsExponentiallyWithJitter() throws SQLException {
        SQLException[] errors = new SQLException[6];
        for (int i = 0; i < errors.length; i++) errors[i] = error("40001", "conflict");
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofMinutes(1));
        tx.run(script.connection(), p, failing(errors));
        long[] ceilings = {10, 20, 40, 80, 80, 80};
        for (int i = 0; i < sleeps.size(); i++) {
            assertThat(sleeps.get(i)).isBetween(Duration.ofMillis(ceilings[i]).dividedBy(2), Duration.ofMillis(ceilings[i]));
        }
    }

    @Test
    void aLostCommitIsNeverRetried() {
        script.commitFailures.add(error(SqlState.CONNECTION_FAILURE, "connection reset"));
        assertThatThrownBy(() -> tx.run(script.connection(), RetryPolicy.DEFAULT, failing()))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08007"))
                .hasMessageContaining("may or may not have been committed");
        assertThat(script.calls).containsExactly("autocommit=false", "work 1", "commit", "autocommit=true");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aCommitRefusedWithASerializationFailureIsRetried() throws SQLException {
        script.commitFailures.add(error("40001", "could not serialize access"));
        assertThat(tx.run(script.connection(), RetryPolicy.DEFAULT, failing())).isEqualTo(2);
        assertThat(script.calls).containsExactly("autocommit=false", "work 1", "commit", "rollback", "work 2",
                "commit", "autocommit=true");
    }

    @Test
    void autocommitOffStaysOff() throws SQLException {
        script.autoCommit = false;
        tx.run(script.connection(), RetryPolicy.DEFAULT, failing());
        assertThat(script.calls).containsExactly("work 1", "commit");
    }

    @Test
    void transientClassification() {
        assertThat(Transactions.isTransient(error("40001", "x"))).isTrue();
        assertThat(Transactions.isTransient(error("40P01", "x"))).isTrue();
        assertThat(Transactions.isTransient(error("YB001", "x"))).isTrue();
        assertThat(Transactions.isTransient(new SQLException("wrapped", "HY000", error("40001", "x")))).isTrue();
        assertThat(Transactions.isTransient(error("25P02", "in failed transaction"))).isFalse();
        assertThat(Transactions.isTransient(error("42601", "syntax"))).isFalse();
        assertThat(Transactions.isTransient(error("08006", "lost"))).isFalse();
        assertThat(Transactions.isTransient(new SQLException("no state"))).isFalse();
        assertThat(Transactions.isTransient(new SQLException("Restart read required"))).isTrue();
        assertThat(Transactions.isTransient(error("23505", "Restart read required"))).isFalse();
    }

    @Test
    void policyValidation() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.DEFAULT.backoff(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(RetryPolicy.DEFAULT.backoff(30)).isEqualTo(Duration.ofSeconds(1));
    }
}
