package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.macexo.exoetl.bench.BenchOptions;
import io.macexo.exoetl.synth.SynthOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  private static final Path HOME = Path.of("/opt/exo-etl");

  @Test
  void defaultsMakeAtLeastTwoGigabytesOfAllParticipantsAndRunThreeTimes() {
    BenchOptions options = BenchCommand.parse(List.of(), HOME);

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
        BenchCommand.parse(
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
                "0"),
            HOME);

    assertThat(options.corpus()).isEqualTo(Path.of("/tmp/c"));
    assertThat(options.corpusShape().participants()).containsExactly("BT01", "BT13");
    assertThat(options.linearitySizesGigabytes()).containsExactly(0.5, 4.0);
    assertThat(options.profile()).isTrue();
    assertThat(options.discoveryCheck()).isFalse();
    assertThat(options.pandasTrials()).isZero();
  }

  @Test
  void badValuesNameTheirFlag() {
    assertThatThrownBy(() -> BenchCommand.parse(List.of("--sizes", "0.5,big"), HOME))
        .isInstanceOf(UsageException.class)
        .hasMessage("--sizes: 'big' is not a number of GB");
    assertThatThrownBy(() -> BenchCommand.parse(List.of("--participants", "BT04"), HOME))
        .isInstanceOf(UsageException.class)
        .hasMessage("--participants: 'BT04' is not a Phase1 participant");
    assertThatThrownBy(() -> BenchCommand.parse(List.of("--runs", "0"), HOME))
        .isInstanceOf(UsageException.class)
        .hasMessage("--runs must be between 1 and 100, not 0");
  }
}
