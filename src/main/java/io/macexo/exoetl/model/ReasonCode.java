package io.macexo.exoetl.model;

/**
 * Why a trial was rejected. Declared once here; the rejects table, metadata.json, the dataset card
 * and the demo summary all print these names.
 *
 * <p>The declaration order is the precedence: when a trial has several problems, the rejects table
 * reports the first one in this order (the most fundamental), so a user fixes causes before
 * symptoms.
 */
public enum ReasonCode {
  UNKNOWN_PARTICIPANT("the participant has no body mass in the configuration"),
  MISSING_FILE("one of the trial's required CSV files is absent"),
  UNREADABLE_FILE(
      "a required file could not be read: not a regular file, no permission, or an I/O error"),
  EMPTY_FILE("a required CSV file has no header line"),
  NOT_CSV("a required file is not CSV text: binary, compressed (gzip, zip) or UTF-16"),
  MISSING_COLUMN("a required CSV file lacks a selected column or the time column"),
  MALFORMED_ROW(
      "a row has the wrong field count, is truncated, or holds a non-number in a selected column"),
  NON_FINITE("a selected column holds +/-Infinity"),
  DUPLICATE_TIMESTEP("time repeats or goes backwards within a file"),
  EMPTY_TRIAL("the files have headers but no data rows"),
  LENGTH_MISMATCH("the three files do not cover the same timesteps"),
  NAN("a selected column holds NaN (only under nan-policy=reject)");

  private final String meaning;

  ReasonCode(String meaning) {
    this.meaning = meaning;
  }

  /** One sentence for documentation and the dataset card. */
  public String meaning() {
    return meaning;
  }

  /** Lower is more fundamental. */
  public int precedence() {
    return ordinal();
  }
}
