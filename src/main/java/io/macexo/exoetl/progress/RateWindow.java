package io.macexo.exoetl.progress;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recent processing rate: trials done over the last {@link #WINDOW_NANOS} (30 s), from samples
 * taken at each display tick. A window rather than the average since start, so the minute Spark
 * spends starting and listing files does not drag the ETA, and a slow stretch shows soon.
 */
final class RateWindow {
  static final long WINDOW_NANOS = 30_000_000_000L;

  private record Sample(long nanos, long done) {}

  private final Deque<Sample> samples = new ArrayDeque<>();

  RateWindow(long startNanos) {
    samples.add(new Sample(startNanos, 0));
  }

  /** Records where the count stands now and returns trials per second over the window. */
  synchronized double record(long nanos, long done) {
    samples.addLast(new Sample(nanos, done));
    // Keep one sample at or before the window start, so the window is always fully covered.
    while (samples.size() > 2 && nanos - secondOldest().nanos() >= WINDOW_NANOS) {
      samples.removeFirst();
    }
    Sample oldest = samples.getFirst();
    long span = nanos - oldest.nanos();
    return span <= 0 ? 0 : (done - oldest.done()) * 1e9 / span;
  }

  private Sample secondOldest() {
    var iterator = samples.iterator();
    iterator.next();
    return iterator.next();
  }
}
