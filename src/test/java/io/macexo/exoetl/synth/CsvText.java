package io.macexo.exoetl.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads generated CSV files the plainest way (split on commas), so tests check the bytes, not a
 * parser.
 */
final class CsvText {
  private CsvText() {}

  /** The file's lines, without line ends. */
  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> header(Path file) {
    return fields(lines(file).get(0));
  }

  /** Every field of a line, empty ones included. */
  static List<String> fields(String line) {
    return Arrays.asList(line.split(",", -1));
  }

  /** The data rows split into fields. */
  static List<List<String>> rows(Path file) {
    List<String> lines = lines(file);
    return lines.subList(1, lines.size()).stream().map(CsvText::fields).toList();
  }

  /** One column's texts, found by header name. */
  static List<String> column(Path file, String name) {
    int index = header(file).indexOf(name);
    if (index < 0) {
      throw new AssertionError(file + " has no column " + name);
    }
    return rows(file).stream().map(row -> row.get(index)).toList();
  }

  /** The file of one kind of a trial. */
  static Path file(Path root, String participant, String trial, String kind) {
    return root.resolve(participant)
        .resolve(trial)
        .resolve(Phase1Columns.fileName(participant, trial, kind));
  }

  /** Trial folder names of a participant, sorted. */
  static List<String> trials(Path root, String participant) {
    return list(root.resolve(participant)).stream()
        .map(path -> path.getFileName().toString())
        .sorted()
        .toList();
  }

  /** Every regular file under a root, by relative path, with its bytes: a whole tree to compare. */
  static Map<String, byte[]> tree(Path root) {
    Map<String, byte[]> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        tree.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tree;
  }

  static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return new ArrayList<>(entries.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
