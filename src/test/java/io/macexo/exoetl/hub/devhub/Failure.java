package io.macexo.exoetl.hub.devhub;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A failure the dev-hub plays on a chosen request (see {@link Faults#injectFailure}): an error
 * status (optionally with {@code Retry-After}; or after handling the request, as a proxy that timed
 * out answers), the Hub's rate-limit answer (429 with the IETF {@code RateLimit} and {@code
 * RateLimit-Policy} headers and no {@code Retry-After}), a connection dropped before the request is
 * handled, a connection dropped after it was handled (the client cannot tell whether it happened),
 * a stalled request (part of the body read, then no more reading and no answer for a while), or an
 * action run just before handling (e.g. another client's commit, to make a parent commit stale).
 *
 * @param delay the {@code Retry-After} of a status, the reset time of a rate limit, or how long a
 *     stall lasts
 * @param message the error message of a status (null for the default)
 */
public record Failure(Kind kind, int status, Duration delay, String message, Runnable action) {
  /** The quota and window the dev-hub's rate-limit answers announce, as the Hub's docs show. */
  static final String POLICY = "\"fixed window\";\"api\";q=1000;w=300";

  /** What happens to the request. */
  public enum Kind {
    STATUS,
    STATUS_AFTER_HANDLING,
    RATE_LIMIT,
    DROP_CONNECTION,
    DROP_AFTER_HANDLING,
    STALL,
    RUN_BEFORE
  }

  /** Closes the connection without an answer, before the request has any effect. */
  public static final Failure DROP_CONNECTION =
      new Failure(Kind.DROP_CONNECTION, 0, Duration.ZERO, null, null);

  /** Handles the request, then closes the connection without sending the answer. */
  public static final Failure DROP_AFTER_HANDLING =
      new Failure(Kind.DROP_AFTER_HANDLING, 0, Duration.ZERO, null, null);

  public Failure {
    if ((kind == Kind.STATUS || kind == Kind.STATUS_AFTER_HANDLING)
        && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("Cannot inject status " + status + ": use 400-599");
    }
    if (kind == Kind.RUN_BEFORE && action == null) {
      throw new IllegalArgumentException("Cannot inject an action: it is null");
    }
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("Cannot inject a failure with a negative delay");
    }
  }

  /**
   * Handles the request, then answers with an error status instead of the real answer, as a proxy
   * that timed out does (e.g. 502 for a commit that landed).
   */
  public static Failure statusAfterHandling(int status) {
    return new Failure(Kind.STATUS_AFTER_HANDLING, status, Duration.ZERO, null, null);
  }

  /** Answers with an error status, e.g. 503, without handling the request. */
  public static Failure status(int status) {
    return new Failure(Kind.STATUS, status, Duration.ZERO, null, null);
  }

  /** Answers with an error status and a message, e.g. 409 "another operation is in progress". */
  public static Failure status(int status, String message) {
    return new Failure(Kind.STATUS, status, Duration.ZERO, message, null);
  }

  /** Answers with an error status and {@code Retry-After: seconds}, e.g. 429. */
  public static Failure retryAfter(int status, int seconds) {
    return new Failure(Kind.STATUS, status, Duration.ofSeconds(seconds), null, null);
  }

  /**
   * Answers as the Hub's rate limiter does: 429, {@code RateLimit: "api";r=0;t=<seconds>}, the
   * policy {@value #POLICY}, no {@code Retry-After}.
   */
  public static Failure rateLimited(int resetSeconds) {
    return new Failure(Kind.RATE_LIMIT, 429, Duration.ofSeconds(resetSeconds), null, null);
  }

  /** Reads part of the request body, then neither reads nor answers for {@code stall}. */
  public static Failure stall(Duration stall) {
    return new Failure(Kind.STALL, 0, stall, null, null);
  }

  /** Runs an action, then handles the request normally. */
  public static Failure runBefore(Runnable action) {
    return new Failure(Kind.RUN_BEFORE, 0, Duration.ZERO, null, action);
  }

  /** The answer of a status (before or after handling) or rate-limit failure. */
  DevResponse response() {
    if (kind == Kind.RATE_LIMIT) {
      return new DevHubError(
              429,
              null,
              "You have been rate-limited; you can retry this action in about "
                  + delay.toSeconds()
                  + " seconds.")
          .toResponse()
          .header("RateLimit", "\"api\";r=0;t=" + delay.toSeconds())
          .header("RateLimit-Policy", POLICY);
    }
    DevResponse response =
        new DevHubError(status, null, message != null ? message : "Injected failure " + status)
            .toResponse();
    return delay.isZero()
        ? response
        : response.header("Retry-After", String.valueOf(delay.toSeconds()));
  }

  /**
   * Plays a stall: reads up to half of the body (at most 64 KiB), then waits without reading or
   * answering until the stall is over or the server stops.
   */
  void stall(HttpExchange exchange) throws IOException {
    long length = parseLength(exchange.getRequestHeaders().getFirst("Content-Length"));
    InputStream in = exchange.getRequestBody();
    long toRead = Math.min(64 * 1024, length / 2);
    byte[] buffer = new byte[8192];
    for (long read = 0; read < toRead; ) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, toRead - read));
      if (n < 0) {
        break;
      }
      read += n;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long parseLength(String header) {
    try {
      return header == null ? 0 : Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
