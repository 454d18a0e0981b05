package io.macexo.exoetl.synth;

import java.util.SplittableRandom;

/**
 * What makes one trial's signals differ from another's: stride duration, movement size and the
 * noise seed. Shared by a trial's three read files, so their signals describe the same movement.
 *
 * @param strideSeconds seconds per movement cycle
 * @param gain factor on every amplitude
 * @param noiseSalt seed of the per-cell noise
 */
record TrialMotion(double strideSeconds, double gain, long noiseSalt) {
  private static final double STRIDE_MINIMUM_SECONDS = 0.9;
  private static final double STRIDE_SPREAD_SECONDS = 0.5;
  private static final double GAIN_MINIMUM = 0.8;
  private static final double GAIN_SPREAD = 0.4;

  static TrialMotion draw(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return new TrialMotion(
        STRIDE_MINIMUM_SECONDS + STRIDE_SPREAD_SECONDS * random.nextDouble(),
        GAIN_MINIMUM + GAIN_SPREAD * random.nextDouble(),
        random.nextLong());
  }

  /** Strides since time 0 at a sample index. */
  double cycleAt(long sample) {
    return sample / (Phase1Time.SAMPLES_PER_SECOND * strideSeconds);
  }
}
