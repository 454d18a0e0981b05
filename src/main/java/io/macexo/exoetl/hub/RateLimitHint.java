package io.macexo.exoetl.hub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the Hub asked a client to wait, read from an error answer's headers. The Hub's rate
 * limiter answers 429 with the IETF headers {@code RateLimit: "api";r=0;t=55} (no requests left,
 * the window resets in 55 s) and {@code RateLimit-Policy: "fixed window";"api";q=1000;w=300}, often
 * without {@code Retry-After}. Read in this order, as huggingface_hub's {@code utils/_http.py}
 * does: a {@code RateLimit} with nothing remaining waits {@code t + 1} s (the header rounds down);
 * else {@code Retry-After} in seconds (an HTTP date is ignored); else, on a 429 with only a policy,
 * one whole window. Pure: no I/O, tested without a network.
 *
 * @param delay how long to wait before the next request, at least one second
 * @param reason what the Hub said, for the countdown and the failure line
 */
public record RateLimitHint(Duration delay, String reason) {
  private static final Pattern LIMIT =
      Pattern.compile(
          "\"(?<resource>[^\"]+)\"\\s*;\\s*r\\s*=\\s*(?<r>\\d+)\\s*;\\s*t\\s*=\\s*(?<t>\\d+)");
  private static final Pattern POLICY =
      Pattern.compile("q\\s*=\\s*(?<q>\\d+)\\s*;\\s*w\\s*=\\s*(?<w>\\d+)");
  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

  public RateLimitHint {
    if (delay.compareTo(Duration.ofSeconds(1)) < 0) {
      delay = Duration.ofSeconds(1);
    }
  }

  /**
   * The hint of an answer, or empty when its headers ask for nothing (then the caller backs off).
   *
   * @param headers the answer's headers, names in lower case
   */
  public static Optional<RateLimitHint> of(int status, Map<String, List<String>> headers) {
    String policy = policy(first(headers, "ratelimit-policy"));
    Matcher limit = LIMIT.matcher(first(headers, "ratelimit"));
    if (status == 429 && limit.find() && Long.parseLong(limit.group("r")) == 0) {
      long reset = Long.parseLong(limit.group("t"));
      String quota = "the Hub's \"" + limit.group("resource") + "\" quota" + policy;
      return Optional.of(
          new RateLimitHint(Duration.ofSeconds(reset + 1), quota + " resets in " + reset + " s"));
    }
    String retryAfter = first(headers, "retry-after").trim();
    if (SECONDS.matcher(retryAfter).matches()) {
      return Optional.of(
          new RateLimitHint(
              Duration.ofSeconds(Long.parseLong(retryAfter)),
              "the Hub asked to retry after " + retryAfter + " s" + policy));
    }
    Matcher window = POLICY.matcher(first(headers, "ratelimit-policy"));
    if (status == 429 && window.find()) {
      return Optional.of(
          new RateLimitHint(
              Duration.ofSeconds(Long.parseLong(window.group("w"))),
              "the Hub's quota" + policy + " is used up; waiting one window"));
    }
    return Optional.empty();
  }

  /** " (1000 requests per 300 s)" from a policy header, or "" without one. */
  private static String policy(String header) {
    Matcher matcher = POLICY.matcher(header);
    return matcher.find()
        ? " (" + matcher.group("q") + " requests per " + matcher.group("w") + " s)"
        : "";
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }
}
