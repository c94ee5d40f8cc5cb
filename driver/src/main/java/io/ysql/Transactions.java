package io.ysql;

import io.ysql.error.SqlExceptions;
import io.ysql.error.SqlState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Runs a transaction and retries it when it failed for a transient reason: a serialization
 * failure (40001, which YugabyteDB also uses for read restarts and transaction conflicts), a
 * deadlock (40P01) or a YugabyteDB-specific {@code YBxxx} SQLSTATE. Works with any
 * {@link Connection}, pooled ones included, and so with both APIs of this driver. Before each retry
 * the transaction is rolled back and the thread waits a jittered, exponentially growing backoff
 * ({@link RetryPolicy}). It never retries when COMMIT's outcome is unknown (the connection was lost
 * while committing): that failure is thrown with SQLSTATE 08007. Autocommit is restored at the end.
 *
 * <pre>{@code
 * long id = Transactions.retrying(conn, c -> {
 *     try (PreparedStatement ps = c.prepareStatement("UPDATE account SET balance = balance - ? WHERE id = ?")) { … }
 *     return 42L;
 * });
 * }</pre>
 */
public final class Transactions {
    /** Sleeps; replaced in tests. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    Transactions(RandomGenerator random, Sleeper sleeper, LongSupplier nanoTime) {
        this.random = random;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    private static Transactions system() {
        return new Transactions(ThreadLocalRandom.current(), d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
                System::nanoTime);
    }

    /** {@link #retrying(Connection, RetryPolicy, SQLFunction)} with {@link RetryPolicy#DEFAULT}. */
    public static <C extends Connection, T> T retrying(C conn, SQLFunction<? super C, T> work) throws SQLException {
        return retrying(conn, RetryPolicy.DEFAULT, work);
    }

    /**
     * Runs {@code work} in a transaction on {@code conn} (autocommit off, committed at the end) and
     * returns its result; retries it as {@code policy} allows when it or the commit fails with a
     * {@linkplain #isTransient transient} error. The last failure is thrown with the earlier ones
     * suppressed.
     */
    public static <C extends Connection, T> T retrying(C conn, RetryPolicy policy, SQLFunction<? super C, T> work)
            throws SQLException {
        return system().run(conn, policy, work);
    }

    /**
     * Whether running the transaction again may succeed: SQLSTATE 40001 (also YugabyteDB's
     * "Restart read required" and conflicts), 40P01, any {@code YBxxx} SQLSTATE, or an internal
     * error (XX000, or no SQLSTATE) saying a read restart is required; looked for along the cause chain.
     */
    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!(t instanceof SQLException s)) continue;
            String state = s.getSQLState();
            if (SqlState.SERIALIZATION_FAILURE.equals(state) || SqlState.DEADLOCK_DETECTED.equals(state)) return true;
            if (state != null && state.toUpperCase(Locale.ROOT).startsWith("YB")) return true;
            String m = s.getMessage();
            boolean unclassified = state == null || SqlState.INTERNAL_ERROR.equals(state);
            if (unclassified && m != null && m.toLowerCase(Locale.ROOT).contains("restart read required")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    <C extends Connection, T> T run(C conn, RetryPolicy policy, SQLFunction<? super C, T> work) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        long start = nanoTime.getAsLong();
        List<SQLException> earlier = new ArrayList<>();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (conn.getAutoCommit()) conn.setAutoCommit(false);
                    T result = work.apply(conn);
                    commit(conn);
                    return result;
                } catch (SQLException e) {
                    if (SqlState.TRANSACTION_RESOLUTION_UNKNOWN.equals(e.getSQLState())) throw withEarlier(e, earlier);
                    rollback(conn, e);
                    Duration wait = jitter(policy.backoff(attempt));
                    Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
                    if (!isTransient(e) || attempt >= policy.maxAttempts()
                            || elapsed.plus(wait).compareTo(policy.maxTotal()) > 0) {
                        throw withEarlier(e, earlier);
                    }
                    earlier.add(e);
                    sleep(wait, e, earlier);
                }
            }
        } finally {
            if (autoCommit && !conn.isClosed()) {
                try {
                    conn.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the transaction is over either way; a broken connection shows on its next use
                }
            }
        }
    }

    private static void commit(Connection conn) throws SQLException {
        try {
            conn.commit();
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (SqlState.TRANSACTION_RESOLUTION_UNKNOWN.equals(state)) throw e;
            if ((state != null && state.startsWith("08")) || conn.isClosed()) {
                throw SqlExceptions.of(SqlState.TRANSACTION_RESOLUTION_UNKNOWN, "the connection was lost during "
                        + "COMMIT, so the transaction may or may not have been committed; check its effects before "
                        + "running it again (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static void rollback(Connection conn, SQLException failure) throws SQLException {
        try {
            if (!conn.isClosed()) conn.rollback();
        } catch (SQLException r) {
            failure.addSuppressed(r);
            throw failure;
        }
    }

    private Duration jitter(Duration backoff) {
        long nanos = backoff.toNanos();
        if (nanos <= 1) return backoff;
        return Duration.ofNanos(nanos / 2 + random.nextLong(nanos - nanos / 2 + 1));
    }

    private void sleep(Duration wait, SQLException last, List<SQLException> earlier) throws SQLException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            earlier.remove(last);
            throw withEarlier(last, earlier);
        }
    }

    private static SQLException withEarlier(SQLException e, List<SQLException> earlier) {
        for (SQLException x : earlier) {
            if (x != e) e.addSuppressed(x);
        }
        return e;
    }
}
