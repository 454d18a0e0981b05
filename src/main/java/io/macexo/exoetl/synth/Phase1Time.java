package io.macexo.exoetl.synth;

/** The time base of the Phase1 files: 200 samples per second, so one sample every 5 ms. */
final class Phase1Time {
  static final double SAMPLES_PER_SECOND = 200.0;

  /**
   * The step the exo's logger adds to its double clock, accumulating rounding noise row after row.
   */
  static final double SECONDS_PER_SAMPLE = 0.005;

  /** Exact in integers: the 3-decimal time text of the other files is computed from it. */
  static final long MILLISECONDS_PER_SAMPLE = 5;

  private Phase1Time() {}
}
