package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.synth.SynthOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's entry point: defaults, every flag, and what a person sees for help, a mistake and a
 * failure (one line and exit codes 0, 1, 2; the stack trace only with --verbose). No benchmark runs
 * here: the failing case stops at the first step.
 */
class BenchMainTest {
  private static final Path HOME = Path.of("/opt/exo-etl");

  @Test
  void defaultsMakeAtLeastTwoGigabytesOfAllParticipantsAndRunThreeTimes() {
    BenchOptions options = BenchMain.parse(List.of(), HOME);

    assertThat(options.corpus()).isEqualTo(Path.of("/opt/exo-etl/target/bench/corpus"));
    assertThat(options.corpusTree()).isEqualTo(Path.of("/opt/exo-etl/target/bench/corpus/Parsed"));
    assertThat(options.corpusShape().participants()).isEqualTo(SynthOptions.PHASE1_PARTICIPANTS);
    assertThat(options.corpusShape().trialsPerParticipant()).isEqualTo(24);
    assertThat(options.corpusShape().scale()).isEqualTo(1.0);
    assertThat(options.runs()).isEqualTo(3);
    assertThat(options.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(options.report()).isEqualTo(Path.of("/opt/exo-etl/docs/performance.md"));
    assertThat(options.discoveryCheck()).isTrue();
    assertThat(options.profile()).isFalse();
    assertThat(options.linearitySizesGigabytes()).isEmpty();
  }

  @Test
  void flagsMapOntoTheOptions() {
    BenchOptions options =
        BenchMain.parse(
            List.of(
                "--corpus",
                "/tmp/c",
                "--trials",
                "2",
                "--scale",
                "0.2",
                "--participants",
                "BT01,BT13",
                "--runs",
                "1",
                "--threads",
                "1",
                "--sizes",
                "0.5,4",
                "--profile",
                "--no-discovery-check",
                "--pandas-trials",
                "0",
                "--work=work",
                "--report",
                "-v",
                "--python",
                "/usr/local/bin/python3"),
            HOME);

    assertThat(options.corpus()).isEqualTo(Path.of("/tmp/c"));
    assertThat(options.corpusShape().participants()).containsExactly("BT01", "BT13");
    assertThat(options.corpusShape().trialsPerParticipant()).isEqualTo(2);
    assertThat(options.corpusShape().scale()).isEqualTo(0.2);
    assertThat(options.runs()).isEqualTo(1);
    assertThat(options.threads()).isEqualTo(1);
    assertThat(options.linearitySizesGigabytes()).containsExactly(0.5, 4.0);
    assertThat(options.profile()).isTrue();
    assertThat(options.discoveryCheck()).isFalse();
    assertThat(options.pandasTrials()).isZero();
    assertThat(options.work()).isEqualTo(Path.of("/opt/exo-etl/work"));
    // A value is a value even when it looks like a switch.
    assertThat(options.report()).isEqualTo(Path.of("/opt/exo-etl/-v"));
    assertThat(options.python()).isEqualTo("/usr/local/bin/python3");
  }

  @Test
  void badValuesNameTheirFlag() {
    assertThatThrownBy(() -> BenchMain.parse(List.of("--sizes", "0.5,big"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--sizes: 'big' is not a number of GB");
    assertThatThrownBy(() -> BenchMain.parse(List.of("--sizes", "0"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--sizes: sizes must be above 0 GB, not 0");
    assertThatThrownBy(() -> BenchMain.parse(List.of("--participants", "BT04"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--participants: 'BT04' is not a Phase1 participant");
    assertThatThrownBy(() -> BenchMain.parse(List.of("--runs", "0"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--runs must be between 1 and 100, not 0");
    assertThatThrownBy(() -> BenchMain.parse(List.of("--runs", "two"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--runs must be a whole number, not 'two'");
    assertThatThrownBy(() -> BenchMain.parse(List.of("--scale", "0"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--scale must be greater than 0");
    assertThatThrownBy(() -> BenchMain.parse(List.of("--trials"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--trials needs a value");
    assertThatThrownBy(() -> BenchMain.parse(List.of("--runs", "1", "--runs=2"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("--runs is given twice");
    assertThatThrownBy(() -> BenchMain.parse(List.of("prepare"), HOME))
        .isInstanceOf(BenchUsageException.class)
        .hasMessage("unexpected argument 'prepare' (see --help)");
  }

  @Test
  void helpPrintsEveryFlagAndExamplesAndExitsZero() {
    Console console = new Console();

    int code = BenchMain.run(List.of("--runs", "1", "--help"), null, console.out, console.err);

    assertThat(code).isEqualTo(BenchMain.DONE);
    assertThat(console.err()).isEmpty();
    assertThat(console.out())
        .startsWith("usage: exo-etl bench [--corpus DIR]")
        .contains("src/bench/python/pandas_baseline.py")
        .contains("--runs K             timed runs of each contender (default 3)")
        .contains("  bin/exo-etl bench --profile --sizes 0.5");
  }

  @Test
  void aMistakeIsOneLineAndExitsTwo() {
    Console console = new Console();

    int code = BenchMain.run(List.of("--runz", "1"), "/opt/exo-etl", console.out, console.err);

    assertThat(code).isEqualTo(BenchMain.USAGE);
    assertThat(console.out()).isEmpty();
    assertThat(console.err()).isEqualTo("exo-etl bench: unknown flag --runz (see --help)\n");
  }

  @Test
  void withoutTheLauncherTheBenchSaysHowToRunIt() {
    Console console = new Console();

    int code = BenchMain.run(List.of(), null, console.out, console.err);

    assertThat(code).isEqualTo(BenchMain.USAGE);
    assertThat(console.err())
        .isEqualTo(
            "exo-etl bench: the bench starts bin/exo-etl for prepare: run it as bin/exo-etl bench"
                + " (exo.home is not set)\n");
  }

  @Test
  void aFailureIsOneLineAndExitsOneWithTheStackTraceOnlyWhenVerbose(@TempDir Path folder)
      throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("work"), "a file");
    List<String> words = List.of("--work", notAFolder.toString(), "--corpus", folder.toString());

    Console quiet = new Console();
    int quietCode = BenchMain.run(words, folder.toString(), quiet.out, quiet.err);
    Console verbose = new Console();
    int verboseCode =
        BenchMain.run(
            List.of("--verbose", "--work", notAFolder.toString()),
            folder.toString(),
            verbose.out,
            verbose.err);

    assertThat(quietCode).isEqualTo(BenchMain.FAILED);
    assertThat(quiet.err())
        .isEqualTo(
            "exo-etl bench: failed: FileAlreadyExistsException: "
                + notAFolder
                + "\n(run again with --verbose for the stack trace)\n");
    assertThat(verboseCode).isEqualTo(BenchMain.FAILED);
    assertThat(verbose.err())
        .startsWith("exo-etl bench: failed: FileAlreadyExistsException: " + notAFolder + "\n")
        .contains("\tat ")
        .doesNotContain("run again with --verbose");
  }

  /** Captured stdout and stderr of one run. */
  private static final class Console {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String out() {
      return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8);
    }
  }
}
