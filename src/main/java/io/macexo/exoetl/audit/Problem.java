package io.macexo.exoetl.audit;

/** One problem found in an output: which check, where (a file, trial or key), and what. */
public record Problem(Check check, String where, String what) {
  /** The checks {@code validate} runs, each with a test on a deliberately damaged output. */
  public enum Check {
    SCHEMA,
    PARTITION,
    WIDTH,
    LENGTH,
    DUPLICATE,
    MASS,
    NON_FINITE,
    NAN_POLICY,
    METADATA,
    STATS,
    MANIFEST
  }
}
