package io.macexo.exoetl.testing;

import io.macexo.exoetl.assemble.TrialOutcome;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.FeatureGroup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The trials fuzz tests start from and how they damage them: a valid trial of the default selection
 * ({@link TrialTreeBuilder}'s files, a random length, a few missing cells), a random rewriting that
 * keeps its meaning ({@link CsvRendering}), and random damage ({@link ByteFuzz}).
 */
public final class FuzzTrials {
  /** Fewest cases a run makes: enough that the damage reaches every check it should. */
  private static final int MINIMUM_CASES = 300;

  /** Cases to run: {@code -Dfuzz.cases} (the suite's default is small; docs/testing.md). */
  public static int cases(int suiteDefault) {
    return Math.max(MINIMUM_CASES, Integer.getInteger("fuzz.cases", suiteDefault));
  }

  /** The seed of a fuzz run: {@code -Dfuzz.seed}, fixed in the suite so a failure repeats. */
  public static long seed() {
    return Long.getLong("fuzz.seed", 13L);
  }

  private final EtlConfig config;
  private final TrialTreeBuilder builder;

  public FuzzTrials(EtlConfig config) {
    this.config = config;
    this.builder = new TrialTreeBuilder(null, config);
  }

  /** A valid trial: its plain files in selection group order. */
  public List<String> valid(Random random) {
    int rows = 1 + random.nextInt(40);
    List<String> files = new ArrayList<>();
    for (FeatureGroup group : config.selection().groups()) {
      List<String> lines = builder.csvLines(kindOf(group), rows);
      for (int gaps = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; gaps > 0; gaps--) {
        // Past the filler column: a selected value missing, spelled as the real files do.
        int fields = lines.get(0).split(",", -1).length;
        lines =
            TrialTreeBuilder.setField(
                lines,
                1 + random.nextInt(rows),
                2 + random.nextInt(fields - 2),
                random.nextBoolean() ? "NaN" : "");
      }
      files.add(String.join("", lines));
    }
    return files;
  }

  /** The same table written another way: columns swapped or repeated, any {@link CsvRendering}. */
  public static byte[] rewrite(String plain, Random random, StringBuilder what) {
    CsvRendering table = CsvRendering.parse(plain);
    for (int edits = random.nextInt(3); edits > 0; edits--) {
      int a = random.nextInt(table.columns());
      if (random.nextBoolean()) {
        int b = random.nextInt(table.columns());
        table = table.swapColumns(a, b);
        what.append("columns ").append(a).append(" and ").append(b).append(" swapped; ");
      } else {
        table = table.duplicateColumn(a);
        what.append("column ").append(a).append(" repeated; ");
      }
    }
    CsvRendering.Style style = CsvRendering.randomStyle(random);
    what.append(style).append("; ");
    return table.render(style, random);
  }

  /**
   * One to three random damages, each to a random file, after (half the time) rewriting every file
   * in a random dialect, so the damage also hits quotes and CR line ends.
   */
  public static List<byte[]> damage(List<String> plain, Random random, StringBuilder what) {
    List<byte[]> files = new ArrayList<>();
    boolean rewritten = random.nextBoolean();
    for (String file : plain) {
      files.add(rewritten ? rewrite(file, random, what) : file.getBytes(StandardCharsets.US_ASCII));
    }
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      int file = random.nextInt(files.size());
      ByteFuzz.Edited edited = ByteFuzz.edit(files.get(file), random);
      files.set(file, edited.bytes());
      what.append("file ").append(file).append(": ").append(edited.what()).append("; ");
    }
    return files;
  }

  /** Whether two outcomes are the same: the same issue, or the same arrays bit for bit. */
  public static boolean same(TrialOutcome a, TrialOutcome b) {
    if (a.accepted() != b.accepted() || a.arrays().size() != b.arrays().size()) {
      return false;
    }
    if (!a.accepted()) {
      return a.issue().equals(b.issue());
    }
    for (int k = 0; k < a.arrays().size(); k++) {
      // deepEquals compares floats by their bits, so NaN equals NaN.
      if (!Arrays.deepEquals(a.arrays().get(k), b.arrays().get(k))) {
        return false;
      }
    }
    return true;
  }

  private static FileKind kindOf(FeatureGroup group) {
    return Arrays.stream(FileKind.values())
        .filter(kind -> kind.suffix().equals(group.file()))
        .findFirst()
        .orElseThrow();
  }
}
