package io.macexo.exoetl.read;

import io.macexo.exoetl.model.FileKind;
import java.io.Serializable;
import java.util.List;

/**
 * One file to parse: which trial it belongs to, its name for messages, and which columns to take.
 */
public record FileTask(
    String participant,
    String trial,
    FileKind kind,
    String fileName,
    String timeColumn,
    List<String> selected)
    implements Serializable {
  public FileTask {
    selected = List.copyOf(selected);
  }
}
