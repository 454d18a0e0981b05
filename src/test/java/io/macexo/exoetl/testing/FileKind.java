package io.macexo.exoetl.testing;

import io.macexo.exoetl.model.Selection;
import java.util.List;

/** The three files of the default selection, for fixtures that write or read them by kind. */
public enum FileKind {
  EXO("exo"),
  ANGLE("angle_filt"),
  MOMENT("moment_filt_bio");

  private final String suffix;

  FileKind(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }

  public String fileName(String participant, String trial) {
    return participant + "_" + trial + "_" + suffix + ".csv";
  }

  /** The selected columns of this file in a selection that reads it. */
  public List<String> columns(Selection selection) {
    return selection.groups().stream()
        .filter(group -> group.file().equals(suffix))
        .findFirst()
        .orElseThrow()
        .features();
  }
}
