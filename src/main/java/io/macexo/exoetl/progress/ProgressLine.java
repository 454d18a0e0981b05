package io.macexo.exoetl.progress;

import java.time.Duration;
import java.util.Locale;

/**
 * Formats a {@link ProgressSnapshot} as one line of text, e.g. {@code writing: 412/1,669 trials
 * (24.7 %), 18.3 trials/s, ETA 1 min 08 s, elapsed 23 s}. Pure; the same words on a terminal and in
 * a log.
 */
final class ProgressLine {
  private ProgressLine() {}

  static String format(ProgressSnapshot snapshot) {
    StringBuilder line = new StringBuilder(snapshot.stage());
    if (snapshot.total() > 0) {
      double share = Math.min(1.0, snapshot.done() / (double) snapshot.total());
      line.append(
          String.format(
              Locale.ROOT,
              ": %,d/%,d trials (%.1f %%)",
              snapshot.done(),
              snapshot.total(),
              share * 100));
    } else if (snapshot.done() > 0) {
      line.append(String.format(Locale.ROOT, ": %,d trials", snapshot.done()));
    }
    if (snapshot.done() > 0 && snapshot.done() < snapshot.total()) {
      line.append(", ").append(rate(snapshot.trialsPerSecond()));
      line.append(", ETA ").append(snapshot.eta().map(ProgressLine::duration).orElse("unknown"));
    }
    return line.append(", elapsed ").append(duration(snapshot.elapsed())).toString();
  }

  /** Trials per second, or per minute when slower than one a second. */
  static String rate(double trialsPerSecond) {
    if (trialsPerSecond <= 0) {
      return "stalled";
    }
    if (trialsPerSecond < 1) {
      return String.format(Locale.ROOT, "%.1f trials/min", trialsPerSecond * 60);
    }
    return String.format(Locale.ROOT, "%.1f trials/s", trialsPerSecond);
  }

  /** {@code 8 s}, {@code 1 min 08 s}, {@code 2 h 05 min}. */
  static String duration(Duration duration) {
    long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
  }
}
