package io.modelkit.core.registry;

import java.time.Duration;

/**
 * How often and how long a request is retried after a 429, a 500/502/503/504 or an I/O error: at most
 * {@code maxAttempts} attempts, waits doubling from {@code initialDelay}, and no more than
 * {@code maxTotalWait} of waiting in all. A {@code Retry-After} in seconds replaces the computed wait.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxTotalWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** 5 attempts, from 1 s, at most 30 s of waiting. */
    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** A single attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** Whether a response with this status is worth another attempt. */
    public static boolean isRetryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1), before the total budget. */
    Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long millis = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(millis);
    }

    /** Tracks the attempts and the waiting budget of one operation. */
    Attempts start() {
        return new Attempts(this);
    }

    /** The retry state of one operation. */
    static final class Attempts {
        private final RetryPolicy policy;
        private int attempt = 1;
        private long waitedMillis;

        private Attempts(RetryPolicy policy) {
            this.policy = policy;
        }

        /**
         * Waits before the next attempt and returns true, or returns false when the attempts or the
         * waiting budget are used up.
         */
        boolean waitForNext(Duration retryAfter) {
            if (attempt >= policy.maxAttempts) {
                return false;
            }
            long budget = policy.maxTotalWait.toMillis() - waitedMillis;
            long wait = policy.delayAfter(attempt, retryAfter).toMillis();
            if (wait > budget) {
                if (retryAfter != null || budget <= 0) {
                    return false;
                }
                wait = budget;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            waitedMillis += wait;
            attempt++;
            return true;
        }
    }
}
