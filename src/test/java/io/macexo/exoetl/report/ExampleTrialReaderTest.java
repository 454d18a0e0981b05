package io.macexo.exoetl.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.model.TrialSummary;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.write.DatasetSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the example trial, and reading it back from a real Parquet output. */
class ExampleTrialReaderTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static SparkSession spark;
  @TempDir static Path output;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("ExampleTrialReaderTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void choosesTheMedianLengthWalkingTrial() {
    PrepareResult result =
        result(
            written("BT01", "jump_1_1_vertical_on", 1201),
            written("BT01", "normal_walk_1_1-2_on", 4001),
            written("BT02", "normal_walk_1_0-6_on", 3000),
            written("BT02", "normal_walk_1_1-8_on", 5000),
            rejected("BT03", "normal_walk_1_1-2_on"));
    assertThat(ExampleTrialReader.choose(result))
        .contains(new TrialId("BT01", "normal_walk_1_1-2_on"));
    assertThat(ExampleTrialReader.choose(result(written("BT01", "jump_1_1_vertical_on", 9))))
        .contains(new TrialId("BT01", "jump_1_1_vertical_on"));
    assertThat(ExampleTrialReader.choose(result(rejected("BT01", "jump_1_1_vertical_on"))))
        .isEmpty();
  }

  @Test
  void readsTheChosenTrialsMatricesFromParquet() throws Exception {
    OutputLayout layout = new OutputLayout(new org.apache.hadoop.fs.Path(output.toUri()));
    List<Row> rows =
        List.of(
            row("BT01", "normal_walk_1_1-2_on", 3, 1f),
            row("BT01", "jump_1_1_vertical_on", 2, 100f));
    // As prepare lays it out: participant is a column in the files and the folder's name.
    spark
        .createDataFrame(
            rows, DatasetSchema.of(io.macexo.exoetl.config.ConfigLoader.defaults().selection()))
        .write()
        .parquet(layout.participant("BT01").toString());

    ExampleTrial trial =
        ExampleTrialReader.read(
                org.apache.hadoop.fs.FileSystem.getLocal(
                    new org.apache.hadoop.conf.Configuration()),
                layout,
                result(written("BT01", "normal_walk_1_1-2_on", 3)),
                CONFIG)
            .orElseThrow();

    assertThat(trial.trialName()).isEqualTo("normal_walk_1_1-2_on");
    assertThat(trial.length()).isEqualTo(3);
    assertThat(trial.matrices())
        .extracting(ExampleTrial.Matrix::title)
        .containsExactly("angle_features", "moment_targets");
    assertThat(trial.matrices().get(0).values()[2]).containsExactly(3f, 3.1f, 3.2f, 3.3f);
    assertThat(trial.matrices().get(1).values()[1][3]).isNaN();
    assertThat(trial.matrices().get(1).names()).isEqualTo(CONFIG.selection().group(2).features());
  }

  private static Row row(String participant, String trial, int length, float base) {
    List<List<Float>> imu = new ArrayList<>();
    List<List<Float>> angles = new ArrayList<>();
    List<List<Float>> moments = new ArrayList<>();
    for (int t = 0; t < length; t++) {
      List<Float> imuRow = new ArrayList<>();
      for (int c = 0; c < 24; c++) {
        imuRow.add(base);
      }
      imu.add(imuRow);
      float at = base * (t + 1);
      angles.add(List.of(at, at + 0.1f, at + 0.2f, at + 0.3f));
      moments.add(List.of(-at, -at, -at, t == 1 ? Float.NaN : -at));
    }
    return RowFactory.create(
        participant, trial, 80.59, length, scala(imu), scala(angles), scala(moments));
  }

  private static Object scala(List<List<Float>> matrix) {
    List<Object> rows = new ArrayList<>();
    matrix.forEach(r -> rows.add(scala.jdk.javaapi.CollectionConverters.asScala(r).toSeq()));
    return scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq();
  }

  private static TrialSummary written(String participant, String trial, int length) {
    return TrialSummary.written(new TrialId(participant, trial), length, null);
  }

  private static TrialSummary rejected(String participant, String trial) {
    TrialId id = new TrialId(participant, trial);
    return TrialSummary.rejected(new Reject(id, ReasonCode.MISSING_FILE, "missing"));
  }

  private static PrepareResult result(TrialSummary... trials) {
    return new PrepareResult(
        "run",
        "in",
        "out",
        Instant.EPOCH,
        Duration.ZERO,
        List.of("BT01", "BT02", "BT03"),
        List.of(trials),
        0,
        0,
        new IncrementalPlan(java.util.Map.of(), List.of()),
        List.of());
  }
}
