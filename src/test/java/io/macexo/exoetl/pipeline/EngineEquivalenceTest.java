package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.oracle.Engines;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.LocalSpark;
import java.nio.file.Path;
import java.util.List;
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
 * reason codes and the sentences of the DataFrame engine, under both NaN policies.
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
