package io.macexo.exoetl.synth;

/**
 * Derives independent seeds from one user seed, so that every trial's content depends only on the
 * seed, the participant and the trial's position, never on thread scheduling or on which other
 * participants were asked for. Uses the SplitMix64 finalizer, whose output bits all depend on all
 * input bits.
 */
final class Seeds {
  private Seeds() {}

  /** A seed for a named part of the output, e.g. a participant. */
  static long derive(long seed, String salt) {
    return mix(seed ^ mix(salt.hashCode()));
  }

  /** A seed for a numbered part of the output, e.g. the n-th trial. */
  static long derive(long seed, long salt) {
    return mix(seed + 0x9E3779B97F4A7C15L * (salt + 1));
  }

  /** The SplitMix64 finalizer: a bijection that spreads every input bit over the whole word. */
  static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A uniform value in [-1, 1) that depends only on its three inputs: noise without mutable state.
   */
  static double uniformNoise(long salt, long sample, int column) {
    long hash = mix(salt + sample * 0x9E3779B97F4A7C15L + column * 0xC2B2AE3D27D4EB4FL);
    return (hash >>> 11) * 0x1.0p-52 - 1.0;
  }
}
