package io.macexo.exoetl.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.oracle.Engines;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-trial engine is a fast path: on the defect corpus it must give exactly the rows, the
 * reason codes and the sentences of the DataFrame engine, under both NaN policies. The corpus is
 * synth's, plus {@link EquivalenceExtras}: CSV dialects, which must read as their plain twin, and
 * trials with several defects, which must get the reason first in the table.
 */
class EngineEquivalenceTest {
  private static SparkSession spark;
  @TempDir static Path work;
  private static Path input;

  @BeforeAll
  static void setUp() throws Exception {
    spark = LocalSpark.start("EngineEquivalenceTest");
    input =
        SynthGenerator.generate(
                new SynthOptions(
                    work.resolve("Parsed"), List.of("BT02", "BT07"), 5, 0.03, 11L, true))
            .root();
    EquivalenceExtras.write(input, ConfigLoader.defaults());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @ParameterizedTest
  @EnumSource(NanPolicy.class)
  void bothEnginesGiveTheSameRowsAndRejects(NanPolicy policy) throws Exception {
    EtlConfig config = ConfigLoader.defaults().withNanPolicy(policy);
    PrepareResult dataframe = run("dataframe-" + policy, config, Engines.DATAFRAME);
    PrepareResult perTrial = run("per-trial-" + policy, config, Engines.PER_TRIAL);

    assertThat(perTrial.rejects()).isEqualTo(dataframe.rejects()).isNotEmpty();
    // File names differ by construction (task numbers, Spark's UUIDs); everything else is equal.
    assertThat(withoutFiles(perTrial.trials())).isEqualTo(withoutFiles(dataframe.trials()));
    for (PrepareResult result : List.of(perTrial, dataframe)) {
      assertThat(result.trials())
          .filteredOn(TrialSummary::written)
          .allSatisfy(
              t ->
                  assertThat(work.resolve(policyFolder(result)).resolve(t.dataFile()))
                      .exists()
                      .hasParent(
                          work.resolve(policyFolder(result))
                              .resolve("data/subject=" + t.id().participant())));
    }
    Dataset<Row> trialsA = trialsTable("dataframe-" + policy);
    Dataset<Row> trialsB = trialsTable("per-trial-" + policy);
    assertThat(trialsA.count()).isEqualTo(perTrial.trialsWritten());
    assertThat(trialsA.exceptAll(trialsB).count()).isZero();
    assertThat(trialsB.exceptAll(trialsA).count()).isZero();
    Dataset<Row> a = spark.read().parquet(work.resolve("dataframe-" + policy + "/data").toString());
    Dataset<Row> b = spark.read().parquet(work.resolve("per-trial-" + policy + "/data").toString());
    assertThat(a.count()).isEqualTo(perTrial.trialsWritten()).isPositive();
    // NaN = NaN in Spark's except, so this compares every cell, NaN included.
    assertThat(a.exceptAll(b).count()).isZero();
    assertThat(b.exceptAll(a).count()).isZero();
    assertThat(a.schema()).isEqualTo(b.schema());
    assertSeveralDefectsGetTheFirstReason(perTrial);
    assertSeveralDefectsGetTheFirstReason(dataframe);
    assertDialectTwinsReadAsThePlainTrial(perTrial, b);
    assertDialectTwinsReadAsThePlainTrial(dataframe, a);
  }

  private static Map<String, Reject> extraRejects(PrepareResult result) {
    return result.rejects().stream()
        .filter(r -> r.trial().participant().equals(EquivalenceExtras.PARTICIPANT))
        .collect(Collectors.toMap(r -> r.trial().trial(), r -> r));
  }

  private static void assertSeveralDefectsGetTheFirstReason(PrepareResult result) {
    Map<String, Reject> rejects = extraRejects(result);
    EquivalenceExtras.SEVERAL_DEFECTS.forEach(
        (trial, expected) -> {
          assertThat(rejects).as(trial).containsKey(trial);
          assertThat(rejects.get(trial).code()).as(trial).isEqualTo(expected.code());
          assertThat(rejects.get(trial).detail())
              .as(trial)
              .startsWith(expected.file().fileName(EquivalenceExtras.PARTICIPANT, trial));
        });
  }

  /**
   * Under keep, each twin is written with the plain trial's arrays, cell for cell; under reject
   * (the plain trial has NaN cells), each is rejected with the plain trial's sentence.
   */
  private static void assertDialectTwinsReadAsThePlainTrial(
      PrepareResult result, Dataset<Row> data) {
    Map<String, Reject> rejects = extraRejects(result);
    Reject plainReject = rejects.get(EquivalenceExtras.PLAIN);
    for (String twin : EquivalenceExtras.TWINS.keySet()) {
      if (plainReject == null) {
        assertThat(rejects).as(twin).doesNotContainKey(twin);
        Dataset<Row> plain = arrays(data, EquivalenceExtras.PLAIN);
        Dataset<Row> other = arrays(data, twin);
        assertThat(other.count()).as(twin).isOne();
        assertThat(other.exceptAll(plain).count()).as(twin).isZero();
      } else {
        assertThat(plainReject.code()).isEqualTo(ReasonCode.NAN);
        assertThat(rejects).as(twin).containsKey(twin);
        assertThat(rejects.get(twin).detail())
            .as(twin)
            .isEqualTo(plainReject.detail().replace(EquivalenceExtras.PLAIN, twin));
      }
    }
  }

  private static Dataset<Row> arrays(Dataset<Row> data, String trial) {
    return data.where(
            col(OutputColumns.PARTICIPANT)
                .equalTo(EquivalenceExtras.PARTICIPANT)
                .and(col(OutputColumns.TRIAL_NAME).equalTo(trial)))
        .select(
            OutputColumns.SEQUENCE_LENGTH,
            OutputColumns.IMU_FEATURES,
            OutputColumns.ANGLE_FEATURES,
            OutputColumns.MOMENT_TARGETS);
  }

  private static List<TrialSummary> withoutFiles(List<TrialSummary> trials) {
    return trials.stream()
        .map(t -> new TrialSummary(t.id(), t.sequenceLength(), t.reject(), t.stats(), null))
        .toList();
  }

  private static String policyFolder(PrepareResult result) {
    return Path.of(java.net.URI.create(result.output())).getFileName().toString();
  }

  private Dataset<Row> trialsTable(String name) {
    return spark
        .read()
        .parquet(work.resolve(name + "/trials/trials.parquet").toString())
        .drop("data_file");
  }

  private PrepareResult run(String name, EtlConfig config, Engines engine) throws Exception {
    return new PrepareJob(
            spark,
            new PrepareOptions(
                input.toUri().toString(), work.resolve(name).toUri().toString(), List.of(), config),
            RunProgress.NONE,
            engine.create())
        .execute();
  }
}
