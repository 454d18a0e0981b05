package io.macexo.exoetl.hub;

import java.time.Duration;
import java.util.Set;

/**
 * How requests are retried: statuses 408, 429, 500, 502, 503, 504 and network errors (timeouts and
 * stalled transfers included), up to {@code maxRetries} times, waiting {@code baseDelay} doubled
 * each time up to {@code maxDelay}. When the Hub says how long to wait ({@link RateLimitHint}) that
 * wait is used instead and does not count as a retry; the waits on one request (or, for a commit,
 * one batch) add up to at most {@code maxRateLimitWait}, after which the step fails with a line
 * saying the run can simply be re-run. Commit POSTs are never retried blindly (see {@link
 * CommitLoop}). Tests inject tiny delays and a recording {@link Sleeper}.
 */
public record RetryPolicy(
    int maxRetries,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxRateLimitWait,
    Sleeper sleeper) {
  /** The default cap on waiting for rate limits: two of the Hub's 5-minute windows. */
  public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(10);

  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

  public RetryPolicy {
    if (maxRetries < 0
        || baseDelay.isNegative()
        || maxDelay.compareTo(baseDelay) < 0
        || maxRateLimitWait.isNegative()) {
      throw new IllegalArgumentException(
          "Cannot use retry policy: need maxRetries >= 0, 0 <= baseDelay <= maxDelay and a"
              + " rate-limit wait >= 0");
    }
  }

  /** A policy with the default rate-limit cap. */
  public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
    this(maxRetries, baseDelay, maxDelay, DEFAULT_MAX_RATE_LIMIT_WAIT, sleeper);
  }

  /** Waits; {@code Thread::sleep} in production. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** 5 retries, 1 s doubling to 8 s, rate limits waited for up to 10 minutes, real sleeping. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(8),
        DEFAULT_MAX_RATE_LIMIT_WAIT,
        duration -> Thread.sleep(duration.toMillis()));
  }

  /** The same policy with another cap on rate-limit waits. */
  public RetryPolicy withMaxRateLimitWait(Duration cap) {
    return new RetryPolicy(maxRetries, baseDelay, maxDelay, cap, sleeper);
  }

  /** The wait before retry number {@code retry} (1-based). */
  public Duration backoff(int retry) {
    Duration delay = baseDelay;
    for (int i = 1; i < retry && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** True for the statuses worth another try. */
  public static boolean isRetryable(int status) {
    return RETRYABLE.contains(status);
  }

  /** Sleeps, turning an interrupt into a one-line failure of the step. */
  public void pause(Duration duration, String action) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HubException.local(action, "interrupted");
    }
  }
}
