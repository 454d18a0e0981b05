package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as a whole: the command list, help, exit codes, and user mistakes as one line on
 * stderr (exit 2) without starting Spark and without a stack trace unless --verbose is given.
 */
class MainTest {
  private static final String COMMANDS = "commands:";

  @TempDir Path dir;

  @Test
  void noCommandPrintsTheCommandListAndExitsTwo() {
    CliRun run = CliRun.of();

    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out())
        .startsWith("usage: exo-etl [-hv] COMMAND")
        .contains(COMMANDS, "prepare", "synth", "demo", "validate", "sync", "dev-hub", "help");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "--help", "-h"})
  void helpPrintsTheCommandListAndExitsZero(String word) {
    CliRun run = CliRun.of(word);

    assertThat(run.code()).isEqualTo(ExitCode.DONE);
    assertThat(run.out()).isEqualTo(CliRun.of().out()).contains("Exit codes: 0 done, 3 nothing");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpWithACommandNamePrintsThatCommandsHelp() {
    CliRun run = CliRun.of("help", "prepare");

    assertThat(run.code()).isEqualTo(ExitCode.DONE);
    assertThat(run.out()).isEqualTo(CliRun.of("prepare", "--help").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"prepare", "synth", "demo", "validate", "sync", "dev-hub"})
  void eachCommandsHelpShowsItsFlagsAndExamples(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.code()).isEqualTo(ExitCode.DONE);
    String examples = run.out().substring(run.out().indexOf("\nexamples:\n"));
    assertThat(run.out()).startsWith("usage: exo-etl " + command + " [-hv]").contains("\nflags:\n");
    assertThat(examples).contains("exo-etl " + command + " --");
    assertThat(run.out()).contains("  -v, --verbose ", "  -h, --help ");
  }

  @Test
  void prepareHelpListsEveryFlagWithItsValue() {
    assertThat(CliRun.of("prepare", "-h").out())
        .contains(
            "usage: exo-etl prepare [-hv] --input=URI --output=URI [--conf=FILE]"
                + " [--participants=P1,P2]...\n",
            "[--nan-policy=keep|reject] [--full] [--verify-content] [--prune]\n",
            "      --nan-policy=keep|reject   keep (default): NaN stays in the arrays",
            "bin/exo-etl prepare --input /data/Phase1And2_Parsed/Parsed --output /data/exo-phase1");
  }

  @Test
  void anUnknownCommandIsOneLineThenTheCommandList() {
    CliRun run = CliRun.of("prepair", "--input", "x");

    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .startsWith("exo-etl: unknown command 'prepair' (did you mean prepare?)\n\nusage: exo-etl")
        .contains(COMMANDS);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownFlagIsOneLineNamingIt() {
    assertThat(CliRun.of("prepare", "--input", "x", "--outptu", "y"))
        .isEqualTo(usage("exo-etl prepare: Unknown option: '--outptu' (did you mean --output?)"));
    assertThat(CliRun.of("prepare", "--input", "x", "--output", "y", "--bogus"))
        .isEqualTo(
            usage("exo-etl prepare: Unknown option: '--bogus' (see exo-etl prepare --help)"));
    assertThat(CliRun.of("--bogus", "prepare"))
        .isEqualTo(usage("exo-etl: Unknown option: '--bogus' (see exo-etl --help)"));
  }

  @Test
  void aStrayWordIsOneLine() {
    assertThat(CliRun.of("validate", "--output", "y", "stray"))
        .isEqualTo(
            usage("exo-etl validate: Unexpected argument: 'stray' (see exo-etl validate --help)"));
  }

  @Test
  void aMissingRequiredFlagIsOneLineNamingIt() {
    assertThat(CliRun.of("prepare", "--input", "x"))
        .isEqualTo(usage("exo-etl prepare: Missing required option: '--output=URI'"));
    assertThat(CliRun.of("prepare", "--input"))
        .isEqualTo(usage("exo-etl prepare: Missing required parameter for option '--input' (URI)"));
  }

  @Test
  void aValueOutOfRangeIsOneLineNamingTheFlag() {
    assertThat(CliRun.of("sync", "--output", "o", "--repo", "macexo/x", "--parallel", "40"))
        .isEqualTo(usage("exo-etl sync: --parallel must be between 1 and 16, not 40"));
    assertThat(CliRun.of("synth", "--output", "o", "--scale", "11"))
        .isEqualTo(usage("exo-etl synth: --scale must be between 0.0 and 10.0, not 11.0"));
  }

  @Test
  void aValueOfTheWrongTypeIsOneLineNamingTheFlag() {
    assertThat(CliRun.of("synth", "--output", "o", "--trials", "none"))
        .isEqualTo(
            usage("exo-etl synth: Invalid value for option '--trials': 'none' is not an int"));
    assertThat(CliRun.of("prepare", "--input", "x", "--output", "y", "--nan-policy", "often"))
        .isEqualTo(
            usage(
                "exo-etl prepare: Invalid value for option '--nan-policy': expected one of [KEEP,"
                    + " REJECT] (case-insensitive) but was 'often'"));
  }

  @Test
  void aFlagGivenTwiceIsOneLine() {
    assertThat(CliRun.of("validate", "--output", "a", "--output", "b"))
        .isEqualTo(
            usage("exo-etl validate: option '--output' (URI) should be specified only once"));
  }

  @Test
  void aBadConfigurationKeyFailsBeforeSparkStarts() throws Exception {
    Path conf = Files.writeString(dir.resolve("bad.conf"), "exo-etl.spark.shuffle-partitions = -1");

    assertThat(CliRun.of("prepare", "--input", "x", "--output", "y", "--conf", conf.toString()))
        .isEqualTo(
            usage(
                "exo-etl prepare: exo-etl.spark.shuffle-partitions: must be 0 (automatic) or more,"
                    + " not -1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--verbose", "-v"})
  void verboseBeforeOrAfterTheCommandAddsTheStackTrace(String flag) throws Exception {
    Path conf = badNanPolicy();
    String[] before = {flag, "prepare", "--input", "x", "--output", "y", "--conf", conf.toString()};
    String[] after = {"prepare", "--input", "x", "--output", "y", "--conf", conf.toString(), flag};

    for (String[] argv : new String[][] {before, after}) {
      CliRun run = CliRun.of(argv);
      assertThat(run.code()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err())
          .startsWith("exo-etl prepare: exo-etl.nan-policy: must be keep or reject, not 'often'\n")
          .contains("\tat io.macexo.exoetl.config.NanPolicy.parse");
    }
  }

  @Test
  void aFailureIsOneLineAndAHintWithoutVerboseAndTheStackTraceWithIt() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "");

    CliRun quiet = CliRun.of("synth", "--output", file.toString());
    CliRun verbose = CliRun.of("synth", "--output", file.toString(), "--verbose");

    String line =
        "exo-etl synth: failed: IOException: Cannot generate into "
            + file
            + ": it is a file, not a folder\n";
    assertThat(quiet)
        .isEqualTo(
            new CliRun(
                ExitCode.FAILED, "", line + "(run again with --verbose for the stack trace)\n"));
    assertThat(verbose.code()).isEqualTo(ExitCode.FAILED);
    assertThat(verbose.err())
        .startsWith(line + "java.io.IOException: Cannot generate into")
        .contains("\tat io.macexo.exoetl.synth.SynthGenerator")
        .doesNotContain("(run again with --verbose");
  }

  @Test
  void dashVAsAFlagsValueIsOnlyAValue() throws Exception {
    // -v is --input's value here, so no stack trace: the run is not verbose.
    CliRun run =
        CliRun.of("prepare", "--input", "-v", "--output", "y", "--conf", badNanPolicy().toString());

    assertThat(run)
        .isEqualTo(
            usage("exo-etl prepare: exo-etl.nan-policy: must be keep or reject, not 'often'"));
  }

  @Test
  void helpAsAFlagsValueIsOnlyAValue() {
    // --help is --message's value here: no help is printed, the command runs (and stops at
    // --parallel, before any network).
    assertThat(
            CliRun.of(
                "sync",
                "--output",
                "o",
                "--repo",
                "macexo/x",
                "--message",
                "--help",
                "--parallel",
                "0"))
        .isEqualTo(usage("exo-etl sync: --parallel must be between 1 and 16, not 0"));
  }

  @Test
  void benchIsNoProductCommand() {
    CliRun run = CliRun.of("bench", "--corpus", "x");

    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("exo-etl: unknown command 'bench'");
  }

  private Path badNanPolicy() throws Exception {
    return Files.writeString(dir.resolve("nan.conf"), "exo-etl.nan-policy = often");
  }

  /** What a usage mistake gives: exit 2, nothing on stdout, the line on stderr. */
  private static CliRun usage(String line) {
    return new CliRun(ExitCode.USAGE, "", line + "\n");
  }
}
