package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} as a scheduler sees it: a broken data file is a problem line naming it and exit
 * code 1, never a crash (which would print its error on stderr), in an output folder whose name
 * holds {@code # [ ] % ?}. Each broken file's own line is {@code audit/BrokenOutputAuditTest}'s; a
 * clean output's, {@code audit/OutputAuditTest}'s.
 */
class ValidateCommandTest {
  @TempDir Path work;

  @Test
  void aDataFileCutOffIsAProblemLineAndExitCodeOne() throws Exception {
    TrialTreeBuilder tree = new TrialTreeBuilder(work.resolve("Parsed"), ConfigLoader.defaults());
    tree.trial("BT01", "normal_walk_1_1-2_on", 12);
    tree.trial("BT02", "jump_1_1_vertical_on", 9);
    // Characters a path may hold that URIs and Spark's globs give a meaning to.
    Path output = work.resolve("run #1 [a] 100%?");
    String conf =
        Files.writeString(
                work.resolve("test.conf"),
                "exo-etl.spark { master = \"local[2]\", conf { \"spark.ui.enabled\" = \"false\" } }")
            .toString();
    assertThat(
            CliRun.of(
                    "prepare",
                    "--input",
                    tree.root().toString(),
                    "--output",
                    output.toString(),
                    "--conf",
                    conf)
                .code())
        .isEqualTo(ExitCode.DONE);

    Path file = dataFile(output.resolve("data/subject=BT01"));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(1000);
    }
    CliRun broken = CliRun.of("validate", "--output", output.toString(), "--conf", conf);

    assertThat(broken.err()).isEmpty();
    assertThat(broken.code()).isEqualTo(ExitCode.FAILED);
    String problem =
        "is cut off: it starts as a Parquet file but has no footer (1000 bytes; a broken download"
            + " or copy?)";
    assertThat(broken.out().lines())
        .anyMatch(
            line ->
                line.matches(
                    "FILE +"
                        + Pattern.quote(output.relativize(file).toString())
                        + " +"
                        + Pattern.quote(problem)))
        .contains("1 problem(s) in " + output);
  }

  private static Path dataFile(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }
}
