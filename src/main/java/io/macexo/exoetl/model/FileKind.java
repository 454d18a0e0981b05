package io.macexo.exoetl.model;

/**
 * The three per-trial CSV files the job reads. The file name is matched whole: {@code
 * {participant}_{trial}_{suffix}.csv}; a suffix glob would also catch {@code _power_exo.csv}.
 */
public enum FileKind {
  EXO("exo"),
  ANGLE("angle_filt"),
  MOMENT("moment_filt_bio");

  private final String suffix;

  FileKind(String suffix) {
    this.suffix = suffix;
  }

  /** The kind part of the file name, e.g. {@code angle_filt}. */
  public String suffix() {
    return suffix;
  }

  /** The exact expected file name for a trial. */
  public String fileName(String participant, String trial) {
    return participant + "_" + trial + "_" + suffix + ".csv";
  }
}
