package io.macexo.exoetl.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the Hub's wait hints and waiting them out, without a network or real sleeping. */
class HubRateLimitTest {
  private static Map<String, List<String>> headers(String... pairs) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], List.of(pairs[i + 1]));
    }
    return map;
  }

  @Test
  void readsRateLimitThenRetryAfterThenThePolicyAsHuggingfaceHubDoes() {
    String policy = "\"fixed window\";\"api\";q=1000;w=300";

    assertThat(
            RateLimitHint.of(
                429, headers("ratelimit", "\"api\";r=0;t=55", "ratelimit-policy", policy)))
        .contains(
            new RateLimitHint(
                Duration.ofSeconds(56),
                "the Hub's \"api\" quota (1000 requests per 300 s) resets in 55 s"));
    assertThat(RateLimitHint.of(429, headers("ratelimit", "\"api\";r=3;t=55", "retry-after", "7")))
        .as("requests left: the RateLimit header is no reason to wait")
        .map(RateLimitHint::delay)
        .contains(Duration.ofSeconds(7));
    assertThat(RateLimitHint.of(503, headers("retry-after", "0")))
        .map(RateLimitHint::delay)
        .contains(Duration.ofSeconds(1));
    assertThat(RateLimitHint.of(429, headers("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT")))
        .isEmpty();
    assertThat(RateLimitHint.of(429, headers("ratelimit-policy", policy)))
        .map(RateLimitHint::delay)
        .contains(Duration.ofSeconds(300));
    assertThat(RateLimitHint.of(503, headers("ratelimit", "\"api\";r=0;t=55"))).isEmpty();
    assertThat(RateLimitHint.of(429, Map.of())).isEmpty();
  }

  @Test
  void waitsWithACountdownAndRefusesAWaitPastTheCap() {
    List<Duration> sleeps = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    RetryPolicy policy =
        new RetryPolicy(5, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(100), sleeps::add);
    Waiter waiter = new Waiter(policy, lines::add);
    RateLimitHint hint = new RateLimitHint(Duration.ofSeconds(75), "the Hub's quota resets");

    Duration waited = waiter.rateLimited("commit 'Add BT01'", 429, hint, Duration.ZERO, Map.of());

    assertThat(waited).isEqualTo(Duration.ofSeconds(75));
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));
    assertThat(lines)
        .containsExactly(
            "  rate limited: commit 'Add BT01' (HTTP 429): the Hub's quota resets; waiting 75 s"
                + " (Ctrl-C and running the same command again is safe)",
            "    still rate limited: 45 s left",
            "    still rate limited: 35 s left",
            "    still rate limited: 25 s left",
            "    still rate limited: 15 s left",
            "    still rate limited: 5 s left");
    assertThatThrownBy(() -> waiter.rateLimited("commit 'Add BT01'", 429, hint, waited, Map.of()))
        .isInstanceOf(HubException.class)
        .hasMessage(
            "Cannot commit 'Add BT01': rate limited by the Hub (HTTP 429, the Hub's quota resets),"
                + " longer than sync waits in all (100 s, --max-rate-limit-wait); nothing is lost:"
                + " run the same command again later to finish");
    assertThat(sleeps).hasSize(6);
  }
}
