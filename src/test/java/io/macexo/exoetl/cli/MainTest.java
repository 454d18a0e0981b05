package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User mistakes give one line and exit 2, without starting Spark and without a stack trace. */
class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... words) {
    return Main.run(
        List.of(words),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentsPrintsTheCommandList() {
    assertThat(run()).isEqualTo(ExitCode.USAGE);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("commands:").contains("prepare");
  }

  @Test
  void helpOfACommandShowsExamples() {
    assertThat(run("prepare", "--help")).isEqualTo(ExitCode.DONE);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("examples:")
        .contains("bin/exo-etl prepare --input");
  }

  @Test
  void anUnknownCommandIsNamed() {
    assertThat(run("prepair")).isEqualTo(ExitCode.USAGE);
    assertThat(errText()).startsWith("exo-etl: unknown command 'prepair'");
  }

  @Test
  void aBadFlagIsOneLineWithoutStackTrace() {
    assertThat(run("prepare", "--input", "x", "--outptu", "y")).isEqualTo(ExitCode.USAGE);
    assertThat(errText()).isEqualTo("exo-etl prepare: unknown flag --outptu (see --help)\n");
  }

  @Test
  void aMissingRequiredFlagIsNamed() {
    assertThat(run("prepare", "--input", "x")).isEqualTo(ExitCode.USAGE);
    assertThat(errText()).isEqualTo("exo-etl prepare: --output is required\n");
  }

  @Test
  void aBadConfigurationKeyFailsBeforeSparkStarts() throws Exception {
    Path conf = Files.writeString(dir.resolve("bad.conf"), "exo-etl.spark.shuffle-partitions = -1");
    assertThat(run("prepare", "--input", "x", "--output", "y", "--conf", conf.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(errText())
        .isEqualTo(
            "exo-etl prepare: exo-etl.spark.shuffle-partitions: must be 0 (automatic) or more, not -1\n");
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path conf = Files.writeString(dir.resolve("bad.conf"), "exo-etl.nan-policy = often");
    assertThat(
            run("--verbose", "prepare", "--input", "x", "--output", "y", "--conf", conf.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(errText())
        .startsWith("exo-etl prepare: exo-etl.nan-policy: must be keep or reject, not 'often'\n")
        .contains("\tat io.macexo.exoetl.config.NanPolicy.parse");
  }
}
