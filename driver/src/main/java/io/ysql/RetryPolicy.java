package io.ysql;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Transactions#retrying} retries: at most {@code maxAttempts} runs in all, waiting
 * before each retry a random time between half and all of a backoff that starts at
 * {@code initialBackoff} and doubles up to {@code maxBackoff}, and giving up when the next wait
 * would end after {@code maxTotal} from the start.
 *
 * @param maxAttempts runs in all, at least 1
 * @param initialBackoff the first backoff, not negative
 * @param maxBackoff the largest backoff, at least {@code initialBackoff}
 * @param maxTotal the time after which no retry starts, not negative
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {
    /** 10 attempts, a backoff from 10 ms doubling up to 1 s, 30 s in all. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(10, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotal, "maxTotal");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        if (initialBackoff.isNegative() || maxTotal.isNegative()) {
            throw new IllegalArgumentException("backoff and total time must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
        }
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, initialBackoff, maxBackoff, maxTotal);
    }

    /** This policy with other backoff bounds. */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, maxTotal);
    }

    /** This policy with another total time. */
    public RetryPolicy withMaxTotal(Duration d) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, d);
    }

    /** The backoff before retry number {@code retry} (1 for the first retry), before jitter. */
    Duration backoff(int retry) {
        Duration d = initialBackoff;
        for (int i = 1; i < retry && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
