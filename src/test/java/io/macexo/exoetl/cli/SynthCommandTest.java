package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.synth.Defect;
import io.macexo.exoetl.synth.SynthOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synth subcommand through Main: defaults, the summary, and one clear line per bad flag. */
class SynthCommandTest {
  @Test
  void writesATreeAndPrintsASummary(@TempDir Path temporary) {
    Path output = temporary.resolve("parsed");

    CliRun run =
        CliRun.of(
            "synth",
            "--output",
            output.toString(),
            "--participants",
            "BT01",
            "--trials",
            "2",
            "--scale",
            "0.005",
            "--defects");

    assertThat(run.code()).isEqualTo(ExitCode.DONE);
    assertThat(run.out())
        .contains(
            "participants  2",
            // Two trials of BT01, then the defect trials (BT99's among them).
            "trials        "
                + (2 + Defect.values().length)
                + " ("
                + Defect.values().length
                + " built to be rejected)",
            "where         " + output.toAbsolutePath(),
            "BT99/defect_1_unknown-participant_on");
    assertThat(output.resolve("LICENSE")).exists();
    assertThat(Files.isDirectory(output.resolve("BT01"))).isTrue();
  }

  @Test
  void appliesTheDefaults() {
    SynthOptions options = options("--output", "somewhere");

    assertThat(options).isEqualTo(SynthOptions.defaults(Path.of("somewhere")));
    assertThat(options.participants()).hasSize(15).doesNotContain("BT04", "BT05");
  }

  @Test
  void flagsMapOntoTheOptions() {
    SynthOptions options =
        options(
            "--output",
            "o",
            "--participants",
            "BT01,BT13",
            "--trials",
            "3",
            "--scale",
            "0.5",
            "--seed",
            "7",
            "--defects");

    assertThat(options)
        .isEqualTo(
            new SynthOptions(Path.of("o"), java.util.List.of("BT01", "BT13"), 3, 0.5, 7, true));
  }

  @Test
  void namesTheFlagOfABadValue() {
    assertUsage("--trials must be between 1 and 1000, not 0", "--output", "x", "--trials", "0");
    assertUsage("--scale must be greater than 0", "--output", "x", "--scale", "0");
    assertUsage("--scale must be between 0.0 and 10.0, not -1.0", "--output", "x", "--scale", "-1");
    assertUsage(
        "--participants: 'BT04' is not a Phase1 participant (known: "
            + String.join(",", SynthOptions.PHASE1_PARTICIPANTS)
            + ")",
        "--output",
        "x",
        "--participants",
        "BT01,BT04");
    assertUsage(
        "--participants: participants names 'BT01' twice",
        "--output",
        "x",
        "--participants",
        "BT01,BT01");
    assertUsage(
        "--participants must list at least one value", "--output", "x", "--participants", ",");
  }

  @Test
  void printsOneLineAndExitsTwoForABadValue() {
    assertThat(CliRun.of("synth", "--output", "x", "--trials", "0"))
        .isEqualTo(
            new CliRun(
                ExitCode.USAGE, "", "exo-etl synth: --trials must be between 1 and 1000, not 0\n"));
    assertThat(CliRun.of("synth", "--trials", "3"))
        .isEqualTo(
            new CliRun(
                ExitCode.USAGE, "", "exo-etl synth: Missing required option: '--output=DIR'\n"));
  }

  @Test
  void showsFlagsAndExamplesInItsHelp() {
    CliRun run = CliRun.of("synth", "--help");

    assertThat(run.code()).isEqualTo(ExitCode.DONE);
    assertThat(run.out())
        .contains(
            "--output=DIR",
            "--trials=N",
            "(default 8)",
            "--defects",
            "examples:",
            "exo-etl synth --output /tmp/parsed");
  }

  private static SynthOptions options(String... flags) {
    String[] words = new String[flags.length + 1];
    words[0] = "synth";
    System.arraycopy(flags, 0, words, 1, flags.length);
    return CliRun.parse(new SynthCommand(), words).options();
  }

  private static void assertUsage(String message, String... flags) {
    assertThatThrownBy(() -> options(flags)).isInstanceOf(UsageException.class).hasMessage(message);
  }
}
