package io.macexo.exoetl.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.write.DatasetSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate catches each corruption it claims to: one damaged output per check. */
class OutputAuditTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static SparkSession spark;
  @TempDir static Path shared;
  private static Path pristine;
  @TempDir Path work;
  private Path output;

  @BeforeAll
  static void prepareOnce() throws Exception {
    spark = LocalSpark.start("OutputAuditTest");
    pristine = PreparedOutput.prepare(spark, CONFIG, shared);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void copy() throws Exception {
    output = PreparedOutput.copy(pristine, work.resolve("out"));
  }

  private OutputAudit.Report audit() throws Exception {
    return new OutputAudit(spark, CONFIG).run(output.toUri().toString());
  }

  private List<Check> checks() throws Exception {
    return audit().problems().stream().map(Problem::check).distinct().toList();
  }

  /** Adds a data file with one row built from the given pieces. */
  private void addRow(
      String folder, String participant, String trial, Double mass, int length, float[][] imu) {
    float[][] four = new float[length][4];
    Row row = RowFactory.create(participant, trial, mass, length, imu, four, four);
    spark
        .createDataFrame(
            List.of(row),
            DatasetSchema.of(io.macexo.exoetl.config.ConfigLoader.defaults().selection()))
        .coalesce(1)
        .write()
        .mode(SaveMode.Append)
        .parquet(output.resolve("data/" + folder).toString());
  }

  private static float[][] imu(int rows, int width) {
    return new float[rows][width];
  }

  @Test
  void aCleanOutputHasNoProblems() throws Exception {
    OutputAudit.Report report = audit();
    assertThat(report.problems()).isEmpty();
    assertThat(report.rows()).isEqualTo(2);
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void aWrongSchemaIsFound() throws Exception {
    spark
        .createDataFrame(
            List.of(RowFactory.create("BT01", "x")),
            new org.apache.spark.sql.types.StructType()
                .add("participant", "string")
                .add("trial_name", "string"))
        .write()
        .mode(SaveMode.Append)
        .parquet(output.resolve("data/subject=BT01").toString());
    spark
        .read()
        .parquet(output.resolve("data/subject=BT02").toString())
        .selectExpr("participant", "trial_name", "cast(mass_kg as string) as mass_kg")
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(output.resolve("data/subject=BT03").toString());
    assertThat(audit().problems()).extracting(Problem::check).contains(Check.SCHEMA);
  }

  @Test
  void aWrongArrayWidthIsFound() throws Exception {
    addRow("subject=BT01", "BT01", "narrow_1_1_on", 80.59, 3, imu(3, 23));
    assertThat(checks()).contains(Check.WIDTH);
    assertThat(audit().problems())
        .filteredOn(p -> p.check() == Check.WIDTH)
        .extracting(Problem::where)
        .containsExactly("BT01/narrow_1_1_on");
  }

  @Test
  void aLengthDifferentFromSequenceLengthIsFound() throws Exception {
    addRow("subject=BT01", "BT01", "short_1_1_on", 80.59, 3, imu(2, 24));
    assertThat(checks()).contains(Check.LENGTH);
  }

  @Test
  void aDuplicateTrialIsFound() throws Exception {
    Path file = PreparedOutput.dataFile(output, "BT01");
    Files.copy(file, file.resolveSibling("copy-" + file.getFileName()));
    assertThat(checks()).contains(Check.DUPLICATE);
  }

  @Test
  void anUnknownParticipantOrWrongMassIsFound() throws Exception {
    addRow("subject=BT77", "BT77", "walk_1_1_on", 70.0, 2, imu(2, 24));
    addRow("subject=BT01", "BT01", "heavy_1_1_on", 99.0, 2, imu(2, 24));
    assertThat(audit().problems())
        .filteredOn(p -> p.check() == Check.MASS)
        .extracting(Problem::where)
        .containsExactlyInAnyOrder("BT77/walk_1_1_on", "BT01/heavy_1_1_on");
  }

  @Test
  void aRowInAnotherParticipantsFolderIsFound() throws Exception {
    addRow("subject=BT02", "BT01", "misplaced_1_1_on", 80.59, 2, imu(2, 24));
    assertThat(checks()).contains(Check.PARTITION);
  }

  @Test
  void infiniteValuesAreFound() throws Exception {
    float[][] values = imu(2, 24);
    values[1][5] = Float.POSITIVE_INFINITY;
    addRow("subject=BT01", "BT01", "inf_1_1_on", 80.59, 2, values);
    assertThat(checks()).contains(Check.NON_FINITE);
  }

  @Test
  void nanInAnOutputMadeWithNanPolicyRejectIsFound() throws Exception {
    Files.writeString(
        output.resolve("metadata.json"),
        Files.readString(output.resolve("metadata.json"))
            .replace("\"nan_policy\" : \"keep\"", "\"nan_policy\" : \"reject\""));
    float[][] values = imu(2, 24);
    values[0][0] = Float.NaN;
    addRow("subject=BT01", "BT01", "nan_1_1_on", 80.59, 2, values);
    assertThat(checks()).contains(Check.NAN_POLICY);
  }

  @Test
  void metadataThatDisagreesWithTheDataIsFound() throws Exception {
    Files.writeString(
        output.resolve("metadata.json"),
        Files.readString(output.resolve("metadata.json"))
            .replace("\"trials_written\" : 2", "\"trials_written\" : 5"));
    assertThat(audit().problems()).extracting(Problem::check).containsExactly(Check.METADATA);
  }

  @Test
  void statisticsThatDisagreeWithTheDataAreFound() throws Exception {
    String stats = Files.readString(output.resolve("stats.json"));
    Files.writeString(
        output.resolve("stats.json"), stats.replaceFirst("\"count\" : 21", "\"count\" : 22"));
    assertThat(audit().problems())
        .extracting(Problem::check)
        .contains(Check.STATS)
        .doesNotContain(Check.METADATA);
  }

  @Test
  void aDataFileTheManifestListsButIsGoneIsFound() throws Exception {
    try (Stream<Path> files = Files.list(output.resolve("data/subject=BT02"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    assertThat(checks()).contains(Check.MANIFEST, Check.METADATA);
  }

  @Test
  void aHubDownloadWithoutSideFilesIsCheckedAndSaysWhatWasSkipped() throws Exception {
    Files.delete(output.resolve("metadata.json"));
    Files.delete(output.resolve("stats.json"));
    Files.delete(output.resolve("manifest.json"));
    OutputAudit.Report report = audit();
    assertThat(report.problems()).isEmpty();
    assertThat(report.notes()).hasSize(3);
  }
}
