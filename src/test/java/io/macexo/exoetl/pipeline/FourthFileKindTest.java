package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.audit.OutputAudit;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.ReferenceTrialReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fourth file kind, added through configuration alone: a {@code velocity} group reading two
 * columns of each trial's {@code _velocity.csv} becomes a fourth array column (the third, as the
 * configuration orders it), joined on the time step with the other three, in the data, the trials
 * table, stats.json, metadata.json, the card, and what {@code validate} accepts.
 */
class FourthFileKindTest {
  private static final List<String> VELOCITIES = List.of("hip_flexion_l", "knee_angle_r");
  private static SparkSession spark;
  @TempDir static Path work;
  private static EtlConfig config;
  private static Path input;
  private static Path output;
  private static PrepareResult result;

  @BeforeAll
  static void prepare() throws Exception {
    spark = LocalSpark.start("FourthFileKindTest");
    Path conf =
        Files.writeString(
            work.resolve("velocity.conf"),
            """
            exo-etl.selection {
              groups = [imu, angle, velocity, moment]
              velocity {
                file = velocity
                column = velocity_features
                unit = "deg/s"
                description = "joint angular velocities"
                features = [hip_flexion_l, knee_angle_r]
              }
            }
            """);
    config = ConfigLoader.load(conf, Map.of());
    input =
        SynthGenerator.generate(
                new SynthOptions(work.resolve("Parsed"), List.of("BT01"), 3, 0.03, 5L, false))
            .root();
    // synth's invented _velocity.csv has its own time base; a real one shares the trial's, so
    // each trial's is made from its angle file: the same steps, the same coordinate columns.
    try (var trials = Files.list(input.resolve("BT01"))) {
      for (Path trial : trials.toList()) {
        String name = "BT01_" + trial.getFileName();
        Files.copy(
            trial.resolve(name + "_angle_filt.csv"),
            trial.resolve(name + "_velocity.csv"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    output = work.resolve("out");
    result =
        new PrepareJob(
                spark,
                new PrepareOptions(
                    input.toUri().toString(), output.toUri().toString(), List.of(), config))
            .execute();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFourthKindIsAFourthArrayColumnInItsPlace() throws Exception {
    var data = spark.read().parquet(output.resolve("data").toString());

    assertThat(data.columns())
        .startsWith(
            "participant",
            "trial_name",
            "mass_kg",
            "sequence_length",
            "imu_features",
            "angle_features",
            "velocity_features",
            "moment_targets");
    List<Row> rows = data.collectAsList();
    assertThat(rows).hasSize(result.trialsWritten()).hasSize(3);
    for (Row row : rows) {
      String trial = row.getAs("trial_name");
      List<float[]> expected =
          ReferenceTrialReader.read(
              input.resolve("BT01").resolve(trial).resolve("BT01_" + trial + "_velocity.csv"),
              VELOCITIES,
              config);
      List<Object> actual = row.getList(row.fieldIndex("velocity_features"));
      assertThat(actual).as(trial).hasSize(row.<Integer>getAs("sequence_length"));
      for (int i = 0; i < actual.size(); i++) {
        List<Float> sample =
            scala.jdk.javaapi.CollectionConverters.asJava(
                (scala.collection.Seq<Float>) actual.get(i));
        assertThat(sample).as("%s sample %d", trial, i).hasSize(2);
        for (int c = 0; c < 2; c++) {
          assertThat(sample.get(c)).isEqualTo(expected.get(i)[c]);
        }
      }
    }
  }

  @Test
  void everyDescriptionOfTheOutputKnowsTheFourthKind() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode stats = json.readTree(output.resolve("stats.json").toFile());
    JsonNode metadata = json.readTree(output.resolve("metadata.json").toFile());

    assertThat(stats.path("features").size()).isEqualTo(24 + 4 + 2 + 4);
    assertThat(stats.path("features").get(28).path("group").asText()).isEqualTo("velocity");
    assertThat(stats.path("features").get(28).path("unit").asText()).isEqualTo("deg/s");
    assertThat(metadata.at("/groups/2/column").asText()).isEqualTo("velocity_features");
    assertThat(Files.readString(output.resolve("README.md")))
        .contains("- `velocity_features` (deg/s): `hip_flexion_l`, `knee_angle_r`")
        .contains("name: velocity_features");
    assertThat(
            spark
                .read()
                .parquet(output.resolve("trials").toString())
                .select("velocity_features_nan_share")
                .count())
        .isEqualTo(3);
  }

  @Test
  void validateAcceptsTheOutputOfItsOwnSelection() throws Exception {
    OutputAudit.Report report = new OutputAudit(spark, config).run(output.toUri().toString());

    assertThat(report.problems()).isEmpty();
    assertThat(report.rows()).isEqualTo(3);
  }
}
