package io.macexo.exoetl.hub;

import java.time.Duration;

/**
 * The current commit size of one sync run, moved by what the commits meet (see {@link
 * CommitSizing}). Not thread-safe: commits are made one at a time.
 */
final class CommitSizer {
  /** A full commit faster than this lets the size grow (as upload_large_folder does). */
  static final Duration QUICK = Duration.ofSeconds(40);

  private final CommitSizing sizing;
  private int size;

  CommitSizer(CommitSizing sizing) {
    this.sizing = sizing;
    this.size = sizing.initial();
  }

  int size() {
    return size;
  }

  /** A commit landed; grows the size when it was full and quick. */
  void landed(boolean full, Duration took) {
    if (full && took.compareTo(QUICK) < 0) {
      size = (int) Math.min(sizing.max(), Math.max(size + 1L, size * 3L / 2));
    }
  }

  /** A commit was rate-limited or timed out; returns true when the size went down. */
  boolean shrink() {
    int next = Math.max(sizing.min(), size / 2);
    boolean smaller = next < size;
    size = next;
    return smaller;
  }
}
