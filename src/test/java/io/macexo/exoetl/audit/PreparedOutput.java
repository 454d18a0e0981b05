package io.macexo.exoetl.audit;

import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.pipeline.PrepareJob;
import io.macexo.exoetl.pipeline.PrepareOptions;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The small output the audit tests damage: {@code prepare} run once per test class on two
 * participants of one trial each, BT01 {@value #BT01_TRIAL} (12 samples) and BT02 {@value
 * #BT02_TRIAL} (9 samples), each in one data file; then copied afresh for every test.
 */
final class PreparedOutput {
  static final String BT01_TRIAL = "normal_walk_1_1-2_on";
  static final String BT02_TRIAL = "jump_1_1_vertical_on";

  private PreparedOutput() {}

  /** Writes the input tree under {@code dir} and prepares it into {@code dir/out}. */
  static Path prepare(SparkSession spark, EtlConfig config, Path dir) throws IOException {
    TrialTreeBuilder tree = new TrialTreeBuilder(dir.resolve("Parsed"), config);
    tree.trial("BT01", BT01_TRIAL, 12);
    tree.trial("BT02", BT02_TRIAL, 9);
    Path output = dir.resolve("out");
    new PrepareJob(
            spark,
            new PrepareOptions(
                tree.root().toUri().toString(), output.toUri().toString(), List.of(), config))
        .execute();
    return output;
  }

  /** A copy of {@code pristine} at {@code target}, which must not exist yet. */
  static Path copy(Path pristine, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(pristine)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(pristine.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy);
        }
      }
    }
    return target;
  }

  /** The participant's one data file. */
  static Path dataFile(Path output, String participant) throws IOException {
    try (Stream<Path> files = Files.list(output.resolve("data/subject=" + participant))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  /** A path under the output, as problems name it: {@code data/subject=BT01/part-....parquet}. */
  static String relative(Path output, Path file) {
    return output.relativize(file).toString();
  }
}
