package io.macexo.exoetl.hub.devhub;

/**
 * A failure the dev-hub plays on a chosen request (see {@link DevHubServer#injectFailure}): an
 * error status (optionally with {@code Retry-After}), a connection dropped before the request is
 * handled, a connection dropped after it was handled (the client cannot tell whether it happened),
 * or an action run just before handling (e.g. another client's commit, to make a parent commit
 * stale).
 */
public record Failure(Kind kind, int status, int retryAfterSeconds, Runnable action) {
  /** What happens to the request. */
  public enum Kind {
    STATUS,
    DROP_CONNECTION,
    DROP_AFTER_HANDLING,
    RUN_BEFORE
  }

  /** Closes the connection without an answer, before the request has any effect. */
  public static final Failure DROP_CONNECTION = new Failure(Kind.DROP_CONNECTION, 0, 0, null);

  /** Handles the request, then closes the connection without sending the answer. */
  public static final Failure DROP_AFTER_HANDLING =
      new Failure(Kind.DROP_AFTER_HANDLING, 0, 0, null);

  public Failure {
    if (kind == Kind.STATUS && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("Cannot inject status " + status + ": use 400-599");
    }
    if (kind == Kind.RUN_BEFORE && action == null) {
      throw new IllegalArgumentException("Cannot inject an action: it is null");
    }
  }

  /** Answers with an error status, e.g. 503, without handling the request. */
  public static Failure status(int status) {
    return new Failure(Kind.STATUS, status, 0, null);
  }

  /** Answers with an error status and {@code Retry-After: seconds}, e.g. 429. */
  public static Failure retryAfter(int status, int seconds) {
    return new Failure(Kind.STATUS, status, seconds, null);
  }

  /** Runs an action, then handles the request normally. */
  public static Failure runBefore(Runnable action) {
    return new Failure(Kind.RUN_BEFORE, 0, 0, action);
  }
}
