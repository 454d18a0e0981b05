package io.macexo.exoetl.model;

import java.io.Serializable;
import java.util.List;

/**
 * A trial whose files were all found: one full URI per {@link Selection} group, in group order, and
 * their total size.
 */
public record TrialFiles(TrialId id, List<String> paths, long bytes) implements Serializable {
  public TrialFiles {
    paths = List.copyOf(paths);
  }

  /** The file of group {@code index}. */
  public String path(int index) {
    return paths.get(index);
  }
}
