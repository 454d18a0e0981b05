package io.macexo.exoetl.testing;

import io.macexo.exoetl.config.EtlConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Writes tiny Phase1-shaped trees for tests. Values follow {@link #value}, so a test can compute
 * what any output cell must hold without re-reading the CSV. Mutations (a hook per file's lines)
 * build broken trials.
 */
public final class TrialTreeBuilder {
  /** A filler column that is never selected, placed between selected ones. */
  public static final String FILLER = "unused_column";

  private final Path root;
  private final EtlConfig config;

  public TrialTreeBuilder(Path root, EtlConfig config) {
    this.root = root;
    this.config = config;
  }

  public Path root() {
    return root;
  }

  /** The value written for a selected column of a kind at a step: exact in float32. */
  public static double value(FileKind kind, int column, long step) {
    return (kind.ordinal() + 1) * 100 + column + (step % 1000) / 8.0;
  }

  /** A normal trial of {@code rows} samples, starting at time 41.730. */
  public Path trial(String participant, String trial, int rows) throws IOException {
    return trial(participant, trial, rows, (kind, lines) -> lines);
  }

  /** A trial whose lines per file pass through a mutation (header is element 0). */
  public Path trial(String participant, String trial, int rows, Mutation mutation)
      throws IOException {
    Path folder = Files.createDirectories(root.resolve(participant).resolve(trial));
    for (FileKind kind : FileKind.values()) {
      List<String> lines = mutation.apply(kind, csvLines(kind, rows));
      if (lines != null) {
        Files.writeString(
            folder.resolve(kind.fileName(participant, trial)),
            String.join("", lines),
            StandardCharsets.UTF_8);
      }
    }
    // A decoy that ends like an exo file must never be read.
    Files.writeString(
        folder.resolve(participant + "_" + trial + "_power_exo.csv"), "time,x\n1,oops\n");
    return folder;
  }

  /**
   * Replaces a written file by an empty folder of the same name: a folder where a file should be.
   */
  public static void replaceByFolder(Path file) throws IOException {
    Files.delete(file);
    Files.createDirectory(file);
  }

  /** Replaces a written file by a named pipe (mkfifo) of the same name, which no one writes to. */
  public static void replaceByPipe(Path file) throws IOException, InterruptedException {
    Files.delete(file);
    Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
    if (mkfifo.waitFor() != 0) {
      throw new IOException("mkfifo " + file + " exited " + mkfifo.exitValue());
    }
  }

  /**
   * The lines (each ending in \n) of one file: time first, a filler column, the selected columns.
   */
  public List<String> csvLines(FileKind kind, int rows) {
    List<String> names = new ArrayList<>(kind.columns(config.selection()));
    List<String> lines = new ArrayList<>();
    lines.add("time," + FILLER + "," + String.join(",", names) + "\n");
    long firstStep = 8346; // 41.730 s at 200 Hz
    for (int r = 0; r < rows; r++) {
      long step = firstStep + r;
      StringBuilder line = new StringBuilder(timeText(kind, step)).append(",x");
      for (int c = 0; c < names.size(); c++) {
        line.append(',').append(value(kind, c, step));
      }
      lines.add(line.append('\n').toString());
    }
    return lines;
  }

  /**
   * The exo file spells time with double noise, the others with three decimals, as the real files
   * do.
   */
  private static String timeText(FileKind kind, long step) {
    double time = step / 200.0;
    return kind == FileKind.EXO ? Double.toString(time + 1e-14) : String.format("%.3f", time);
  }

  /** Shuffles the selected columns of every line consistently (header and rows). */
  public static List<String> shuffleColumns(List<String> lines, long seed) {
    List<Integer> order = new ArrayList<>();
    int fields = lines.get(0).split(",", -1).length;
    for (int i = 2; i < fields; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.substring(0, line.length() - 1).split(",", -1);
      StringBuilder out = new StringBuilder(parts[0]).append(',').append(parts[1]);
      for (int index : order) {
        out.append(',').append(parts[index]);
      }
      result.add(out.append('\n').toString());
    }
    return result;
  }

  /** Replaces field {@code field} of line {@code line} (0 = header). */
  public static List<String> setField(List<String> lines, int line, int field, String text) {
    List<String> copy = new ArrayList<>(lines);
    String[] parts = copy.get(line).substring(0, copy.get(line).length() - 1).split(",", -1);
    parts[field] = text;
    copy.set(line, String.join(",", parts) + "\n");
    return copy;
  }

  /** Changes each file's lines; return null to leave the file out. */
  @FunctionalInterface
  public interface Mutation {
    List<String> apply(FileKind kind, List<String> lines);

    static Mutation only(FileKind target, UnaryOperator<List<String>> change) {
      return (kind, lines) -> kind == target ? change.apply(lines) : lines;
    }
  }
}
