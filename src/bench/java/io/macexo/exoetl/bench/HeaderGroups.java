package io.macexo.exoetl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read files of one kind grouped by their header line, so that each group can be read by one
 * {@code read_csv} with fixed column names and types and no sniffing. Reading a header costs one
 * small read per file, far less than DuckDB's per-file sniffer or {@code union_by_name}. In the
 * Phase1 layout exo and moment_filt_bio files share one header; angle_filt files list their columns
 * in a different order now and then, which gives a handful of groups more.
 */
record HeaderGroups(FileKind kind, Map<List<String>, List<Path>> groups) {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  HeaderGroups {
    Map<List<String>, List<Path>> copy = new LinkedHashMap<>();
    groups.forEach((header, files) -> copy.put(List.copyOf(header), List.copyOf(files)));
    groups = java.util.Collections.unmodifiableMap(copy);
  }

  /** Reads the first line of every file of {@code kind} and groups the files by it. */
  static HeaderGroups of(TrialManifest manifest, FileKind kind) throws IOException {
    Map<List<String>, List<Path>> groups = new LinkedHashMap<>();
    for (ManifestEntry entry : manifest.entries()) {
      Path file = entry.file(kind);
      groups.computeIfAbsent(header(file), header -> new ArrayList<>()).add(file);
    }
    return new HeaderGroups(kind, groups);
  }

  /** The column names of a file's header line, trimmed, as the job reads them. */
  static List<String> header(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null) {
        throw new IOException("Cannot read the header of " + file + ": the file is empty");
      }
      return Arrays.stream(line.replace(BYTE_ORDER_MARK, "").split(",", -1))
          .map(String::trim)
          .toList();
    }
  }
}
