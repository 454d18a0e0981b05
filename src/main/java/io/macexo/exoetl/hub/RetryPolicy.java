package io.macexo.exoetl.hub;

import java.time.Duration;
import java.util.Set;

/**
 * How requests are retried: statuses 408, 429, 500, 502, 503, 504 and network errors, up to {@code
 * maxRetries} times, waiting {@code baseDelay} doubled each time up to {@code maxDelay}, or the
 * server's {@code Retry-After} when it gives one. Commit POSTs are never retried this way (see
 * {@link BatchCommitter}). Tests inject a tiny base delay and a recording {@link Sleeper}.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

  public RetryPolicy {
    if (maxRetries < 0 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "Cannot use retry policy: need maxRetries >= 0 and 0 <= baseDelay <= maxDelay");
    }
  }

  /** Waits; {@code Thread::sleep} in production. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** 5 retries, 1 s doubling to 8 s, real sleeping. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(8),
        duration -> Thread.sleep(duration.toMillis()));
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
