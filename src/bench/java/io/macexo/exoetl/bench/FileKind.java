package io.macexo.exoetl.bench;

import io.macexo.exoetl.model.Selection;
import java.util.List;

/**
 * The three files of the default selection, the ones the bench's DuckDB peer and parse floor read:
 * the bench measures the job as PHASE1.md describes it, whatever a user's selection adds.
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

  /** The selected columns of this file in the default selection. */
  public List<String> columns(Selection selection) {
    return selection.groups().stream()
        .filter(group -> group.file().equals(suffix))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("the selection reads no " + suffix + " file"))
        .features();
  }
}
