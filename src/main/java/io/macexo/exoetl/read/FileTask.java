package io.macexo.exoetl.read;

import java.io.Serializable;
import java.util.List;

/**
 * One file to parse: which trial it belongs to, which group of the selection it feeds (its index,
 * which also orders issues across a trial's files), its file kind ({@code exo}) and name for
 * messages, and which columns to take.
 */
public record FileTask(
    String participant,
    String trial,
    int group,
    String kind,
    String fileName,
    String timeColumn,
    List<String> selected)
    implements Serializable {
  public FileTask {
    selected = List.copyOf(selected);
  }
}
