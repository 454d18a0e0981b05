package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.synth.SynthOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synth subcommand through Main: defaults, the summary, and one clear line per bad flag. */
class SynthCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void writesATreeAndPrintsASummary(@TempDir Path temporary) {
    Path output = temporary.resolve("parsed");

    int code =
        run(
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

    assertThat(code).isEqualTo(ExitCode.DONE);
    assertThat(text(out))
        .contains(
            "participants  2",
            "trials        13 (11 built to be rejected)",
            "where         " + output.toAbsolutePath(),
            "BT99/defect_1_unknown-participant_on");
    assertThat(output.resolve("LICENSE")).exists();
    assertThat(Files.isDirectory(output.resolve("BT01"))).isTrue();
  }

  @Test
  void appliesTheDefaults() {
    SynthOptions options = SynthCommand.parse(List.of("--output", "somewhere"));

    assertThat(options).isEqualTo(SynthOptions.defaults(Path.of("somewhere")));
    assertThat(options.participants()).hasSize(15).doesNotContain("BT04", "BT05");
  }

  @Test
  void namesTheFlagOfABadValue() {
    assertUsage("--output is required", "--trials", "3");
    assertUsage("--trials must be between 1 and 1000, not 0", "--output", "x", "--trials", "0");
    assertUsage("--scale must be a number, not 'big'", "--output", "x", "--scale", "big");
    assertUsage("--scale must be greater than 0", "--output", "x", "--scale", "0");
    assertUsage("--seed must be a whole number, not '4.2'", "--output", "x", "--seed", "4.2");
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
  }

  @Test
  void printsOneLineAndExitsTwoForABadValue() {
    int code = run("synth", "--output", "x", "--trials", "none");

    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(text(err)).isEqualTo("exo-etl synth: --trials must be a whole number, not 'none'\n");
  }

  @Test
  void showsFlagsAndExamplesInItsHelp() {
    assertThat(run("synth", "--help")).isEqualTo(ExitCode.DONE);
    assertThat(text(out))
        .contains("--output DIR", "--defects", "examples:", "exo-etl synth --output /tmp/parsed");
  }

  private static void assertUsage(String message, String... words) {
    assertThatThrownBy(() -> SynthCommand.parse(List.of(words)))
        .isInstanceOf(UsageException.class)
        .hasMessage(message);
  }

  private int run(String... words) {
    List<String> argv = new ArrayList<>(List.of(words));
    return Main.run(
        argv,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
