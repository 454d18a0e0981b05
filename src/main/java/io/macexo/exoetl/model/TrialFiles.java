package io.macexo.exoetl.model;

import java.io.Serializable;
import java.util.Map;

/** A trial whose three required files were all found, with their full URIs and total size. */
public record TrialFiles(TrialId id, Map<FileKind, String> paths, long bytes)
    implements Serializable {
  public TrialFiles {
    paths = Map.copyOf(paths);
    for (FileKind kind : FileKind.values()) {
      if (!paths.containsKey(kind)) {
        throw new IllegalArgumentException(id + " lacks a path for " + kind.suffix());
      }
    }
  }

  public String path(FileKind kind) {
    return paths.get(kind);
  }
}
