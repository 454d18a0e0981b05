package io.macexo.exoetl.audit;

/**
 * One problem found in an output: which check, where (a file relative to the output root, a trial
 * or a key), and what, as a sentence from {@link AuditMessages}.
 */
public record Problem(Check check, String where, String what) {
  /** The checks {@code validate} runs, each with a test on a deliberately damaged output. */
  public enum Check {
    /** The output's folders: {@code data/} is there and holds Parquet files. */
    LAYOUT,
    /** A data file is readable Parquet: not empty, not cut off, its footer intact. */
    FILE,
    /** A data file's own schema has every dataset column, of its type. */
    SCHEMA,
    PARTITION,
    WIDTH,
    LENGTH,
    DUPLICATE,
    MASS,
    NON_FINITE,
    NAN_POLICY,
    /** metadata.json is readable JSON and agrees with the data. */
    METADATA,
    /** stats.json is readable JSON and agrees with the data. */
    STATS,
    /** manifest.json is a readable manifest, and the files it lists exist. */
    MANIFEST
  }
}
