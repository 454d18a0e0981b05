package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.pipeline.PrepareJob;
import io.macexo.exoetl.pipeline.PrepareOptions;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's contenders on a tiny synth tree (2 participants x 3 trials at scale 0.05; the third
 * trial of each lists its angle columns shuffled): the DuckDB peer writes the rows prepare writes,
 * the equivalence check notices when it does not, and the parse floor sees every data line. No
 * timing is asserted: speed is measured by the benchmark only.
 */
class BenchPiecesTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static final int TRIALS = 6;

  @TempDir static Path work;
  private static TrialManifest manifest;
  private static Path prepared;

  @BeforeAll
  static void prepareTinyCorpus() throws Exception {
    Path tree = work.resolve("Parsed");
    SynthGenerator.generate(
        new SynthOptions(tree, List.of("BT01", "BT13"), 3, 0.05, SynthOptions.DEFAULT_SEED, false));
    manifest = TrialManifest.discover(tree, CONFIG);
    SparkSession spark = LocalSpark.start("BenchPiecesTest");
    try {
      Path output = work.resolve("prepared");
      new PrepareJob(
              spark,
              new PrepareOptions(
                  tree.toUri().toString(), output.toUri().toString(), List.of(), CONFIG))
          .execute();
      prepared = output.resolve("data");
    } finally {
      spark.stop();
    }
  }

  @Test
  void theManifestListsEveryTrialWithItsThreeFilesAndMass() {
    assertThat(manifest.entries()).hasSize(TRIALS);
    ManifestEntry first = manifest.entries().get(0);
    assertThat(first.participant()).isEqualTo("BT01");
    assertThat(first.massKg()).isEqualTo(80.59);
    assertThat(first.file(FileKind.EXO).getFileName().toString())
        .isEqualTo("BT01_" + first.trial() + "_exo.csv");
    assertThat(manifest.bytes()).isPositive();
  }

  @Test
  void theDuckDbPeerWritesTheRowsPrepareWrites() throws Exception {
    Path output = work.resolve("duckdb-all");
    DuckDbPeer.Result result = DuckDbPeer.run(manifest, output, settings("all"));

    OutputEquivalence.Comparison comparison = OutputEquivalence.compare(prepared, output);

    assertThat(comparison.problems()).isEmpty();
    assertThat(result.trials()).isEqualTo(TRIALS);
    assertThat(comparison.leftTrials()).isEqualTo(TRIALS);
    assertThat(comparison.rightTrials()).isEqualTo(TRIALS);
    assertThat(comparison.rightSamples()).isEqualTo(comparison.leftSamples()).isPositive();
    assertThat(comparison.identicalTrials()).isEqualTo(TRIALS);
    // One header for exo, one for moment, and angle_filt's usual order plus two shuffled ones.
    assertThat(result.readCsvCalls()).isEqualTo(5);
  }

  @Test
  void theEquivalenceCheckFailsLoudlyWhenATrialIsMissing() throws Exception {
    ManifestEntry dropped = manifest.entries().get(1);
    TrialManifest fewer =
        new TrialManifest(
            manifest.entries().stream().filter(entry -> !entry.equals(dropped)).toList());
    Path output = work.resolve("duckdb-fewer");
    DuckDbPeer.run(fewer, output, settings("fewer"));

    OutputEquivalence.Comparison comparison = OutputEquivalence.compare(prepared, output);

    assertThat(comparison.same()).isFalse();
    assertThat(comparison.problems())
        .containsExactly(dropped.participant() + "/" + dropped.trial() + " only in " + prepared);
    assertThatThrownBy(() -> OutputEquivalence.requireSame(comparison, prepared, output))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot compare the contenders: " + prepared + " and " + output)
        .hasMessageContaining(dropped.trial() + " only in ");
  }

  @Test
  void theParseFloorSeesEveryDataLineOfTheThreeFiles() throws Exception {
    Path output = work.resolve("duckdb-for-floor");
    DuckDbPeer.run(manifest, output, settings("floor"));
    long samples = OutputEquivalence.compare(prepared, output).leftSamples();

    ParseFloor.Result fast =
        ParseFloor.run(manifest, CONFIG.selection(), 2, FloorScanner.Parser.FAST_PATH);
    ParseFloor.Result jdk =
        ParseFloor.run(manifest, CONFIG.selection(), 2, FloorScanner.Parser.JDK);

    assertThat(fast.files()).isEqualTo(TRIALS * 3);
    assertThat(fast.rows()).isEqualTo(3 * samples);
    // time + 24 IMU columns, time + 4 angles, time + 4 moments on every line.
    assertThat(fast.values()).isEqualTo(samples * (25 + 5 + 5));
    assertThat(fast.bytes()).isEqualTo(manifest.bytes());
    assertThat(jdk.rows()).isEqualTo(fast.rows());
    assertThat(jdk.checksum()).isCloseTo(fast.checksum(), within(1e-6 * Math.abs(fast.checksum())));
  }

  private static DuckDbPeer.Settings settings(String name) {
    return new DuckDbPeer.Settings(
        CONFIG.selection(), CONFIG.samplingRateHz(), 2, work.resolve("duckdb-temporary-" + name));
  }
}
