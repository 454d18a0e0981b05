package io.macexo.exoetl.hub;

import java.time.Duration;

/**
 * How long a request may take to connect, and how long it may go without progress: no bytes of its
 * body taken by the connection and no answer (a stalled storage PUT, a commit the Hub never
 * answers). The read timeout is measured from the last progress, so a big upload that keeps moving
 * never times out, while a stalled one is cut and retried. Set by {@code sync --connect-timeout}
 * and {@code --read-timeout}.
 *
 * @param connect the TCP (and TLS) connection set-up
 * @param read the longest stretch without progress; the Hub gives up on a commit itself after about
 *     60 s, so the default leaves room above that
 */
public record HubTimeouts(Duration connect, Duration read) {
  public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ = Duration.ofSeconds(90);

  public HubTimeouts {
    if (connect.toMillis() < 1 || read.toMillis() < 1) {
      throw new IllegalArgumentException(
          "Cannot use timeouts of " + connect + " and " + read + ": both must be positive");
    }
  }

  public static HubTimeouts standard() {
    return new HubTimeouts(DEFAULT_CONNECT, DEFAULT_READ);
  }
}
