package io.macexo.exoetl.hub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Waits between attempts and says so: a short line per backoff, and for a rate limit a line naming
 * what the Hub said, then a countdown (every 10 s, every 30 s while more than a minute is left) so
 * a person watching a long wait sees it is not hung. Rate-limit waits of one request (or one commit
 * batch) add up to at most {@link RetryPolicy#maxRateLimitWait()}; a wait that would pass it is not
 * started, and the step fails at once with {@link HubException#rateLimited}. Sleeping goes through
 * the policy's sleeper, so tests run the countdown in no time.
 */
final class Waiter {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final RetryPolicy retry;
  private final Consumer<String> notices;

  Waiter(RetryPolicy retry, Consumer<String> notices) {
    this.retry = retry;
    this.notices = notices;
  }

  RetryPolicy policy() {
    return retry;
  }

  /** Waits the policy's backoff before retry number {@code attempt} (1-based). */
  void backoff(String action, int attempt, String why) {
    Duration delay = retry.backoff(attempt);
    notices.accept(
        "  retry: " + action + " failed (" + why + "); trying again in " + seconds(delay));
    retry.pause(delay, action);
  }

  /**
   * Waits what a rate-limited answer asked for.
   *
   * @param waitedBefore what this request or batch already waited on rate limits
   * @return the total waited so far, this wait included
   * @throws HubException when the total would pass the cap: the run can simply be repeated later
   */
  Duration rateLimited(
      String action,
      int status,
      RateLimitHint hint,
      Duration waitedBefore,
      Map<String, List<String>> headers) {
    Duration total = waitedBefore.plus(hint.delay());
    if (total.compareTo(retry.maxRateLimitWait()) > 0) {
      throw HubException.rateLimited(action, status, hint, retry.maxRateLimitWait(), headers);
    }
    notices.accept(
        (status == 429 ? "  rate limited: " : "  asked to wait: ")
            + action
            + " (HTTP "
            + status
            + "): "
            + hint.reason()
            + "; waiting "
            + seconds(hint.delay())
            + " (Ctrl-C and running the same command again is safe)");
    countdown(hint.delay(), action);
    return total;
  }

  private void countdown(Duration wait, String action) {
    Duration left = wait;
    while ((!left.isZero() && !left.isNegative())) {
      Duration step = left.compareTo(MINUTE) > 0 ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
      step = step.compareTo(left) > 0 ? left : step;
      retry.pause(step, action);
      left = left.minus(step);
      if ((!left.isZero() && !left.isNegative())) {
        notices.accept("    still rate limited: " + seconds(left) + " left");
      }
    }
  }

  static String seconds(Duration delay) {
    return delay.toMillis() < 1000 ? delay.toMillis() + " ms" : delay.toSeconds() + " s";
  }
}
