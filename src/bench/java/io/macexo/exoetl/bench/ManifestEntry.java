package io.macexo.exoetl.bench;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One trial of a bench corpus as every contender sees it: who, which body mass, and the local paths
 * of its three read files with their total size.
 */
public record ManifestEntry(
    String participant, String trial, double massKg, long bytes, Map<FileKind, Path> files) {
  public ManifestEntry {
    files = Map.copyOf(new EnumMap<>(files));
    for (FileKind kind : FileKind.values()) {
      if (!files.containsKey(kind)) {
        throw new IllegalArgumentException(participant + "/" + trial + " lacks " + kind.suffix());
      }
    }
  }

  public Path file(FileKind kind) {
    return files.get(kind);
  }
}
