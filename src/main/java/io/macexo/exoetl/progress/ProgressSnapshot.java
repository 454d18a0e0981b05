package io.macexo.exoetl.progress;

import java.time.Duration;

/**
 * Where a run stands at one instant: the stage, trials done of the total, the recent rate.
 *
 * @param stage what the run is doing, e.g. {@code writing}
 * @param done trials processed so far
 * @param total trials to process, or 0 when not known yet
 * @param elapsed time since the reporter started
 * @param trialsPerSecond recent rate, 0 when nothing moved in the rate window
 */
record ProgressSnapshot(
    String stage, long done, long total, Duration elapsed, double trialsPerSecond) {

  /** Time left at the recent rate; empty when the rate or the total is unknown, or when done. */
  java.util.Optional<Duration> eta() {
    if (total <= 0 || done >= total || !(trialsPerSecond > 0)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        Duration.ofMillis(Math.round((total - done) / trialsPerSecond * 1000)));
  }
}
