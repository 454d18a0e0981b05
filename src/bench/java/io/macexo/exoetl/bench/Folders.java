package io.macexo.exoetl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting and measuring the bench's own scratch folders. */
final class Folders {
  private Folders() {}

  /** Deletes a folder and everything under it; absent is fine. */
  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Bytes of every regular file under a folder (0 when absent). */
  static long size(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      long total = 0;
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        total += Files.size(path);
      }
      return total;
    }
  }

  /** Bytes of the Parquet files under a folder: what a reader downloads, without side files. */
  static long parquetSize(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      long total = 0;
      for (Path path :
          paths
              .filter(Files::isRegularFile)
              .filter(path -> path.getFileName().toString().endsWith(".parquet"))
              .toList()) {
        total += Files.size(path);
      }
      return total;
    }
  }
}
