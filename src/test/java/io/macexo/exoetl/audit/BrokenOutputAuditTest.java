package io.macexo.exoetl.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.macexo.exoetl.audit.Problem.Check;
import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.testing.LocalSpark;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate reports what it exists to find and never dies of it: a broken data file or JSON file is
 * one problem line naming it, and every other check still runs. Each test damages one file and
 * plants canaries that only the other checks can find: BT02's configured mass differs from its
 * rows' (a row check), and metadata.json or manifest.json says something the data contradicts.
 */
class BrokenOutputAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The defaults with another mass for BT02, so that the row checks find BT02's trial. */
  private static final EtlConfig CONFIG =
      ConfigLoader.load(null, Map.of("exo-etl.participants.BT02", "70.0"));

  private static final Problem BT02_MASS =
      new Problem(
          Check.MASS,
          "BT02/" + PreparedOutput.BT02_TRIAL,
          "participant has no configured mass, or mass_kg differs from it");
  private static final Problem TRIALS_WRITTEN =
      new Problem(Check.METADATA, "totals.trials_written", "says 5, the data has 2 trials");
  private static final Problem BT02_TRIALS =
      new Problem(Check.METADATA, "participants", "lists {BT02=3}, the data has {BT02=1}");
  private static final String GONE = "data/subject=BT02/gone.parquet";
  private static final Problem GONE_FILE =
      new Problem(Check.MANIFEST, GONE, "listed in manifest.json but missing");
  private static final List<String> BT01_LEFT_OUT =
      List.of(
          "1 data file with a FILE or SCHEMA problem is left out of the other checks",
          "metadata.json and stats.json are compared without BT01, whose data is not all"
              + " readable");

  private static SparkSession spark;
  @TempDir static Path shared;
  private static Path pristine;
  @TempDir Path work;
  private Path output;

  @BeforeAll
  static void prepareOnce() throws Exception {
    spark = LocalSpark.start("BrokenOutputAuditTest");
    pristine = PreparedOutput.prepare(spark, ConfigLoader.defaults(), shared);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void copy() throws Exception {
    output = PreparedOutput.copy(pristine, work.resolve("out"));
  }

  private OutputAudit.Report audit() throws IOException {
    return new OutputAudit(spark, CONFIG).run(output.toUri().toString());
  }

  // A broken data file: one line, left out; BT02's rows, metadata and stats are still checked.

  @Test
  void aDataFileCutOffIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Path file = PreparedOutput.dataFile(output, "BT01");
    assertThat(Files.size(file)).isGreaterThan(1000);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(1000);
    }

    assertLeftOutWithCanaries(
        new Problem(
            Check.FILE,
            PreparedOutput.relative(output, file),
            "is cut off: it starts as a Parquet file but has no footer (1000 bytes; a broken"
                + " download or copy?)"));
  }

  @Test
  void aDataFileWithDamagedPagesBehindASoundFooterIsAProblemNotACrash() throws Exception {
    Path file = PreparedOutput.dataFile(output, "BT01");
    long size = Files.size(file);
    // Junk over the middle of the column data: the magic bytes and the footer stay sound, so only
    // reading the pages finds it.
    byte[] junk = new byte[(int) Math.min(4096, size / 4)];
    new java.util.Random(7).nextBytes(junk);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(junk), 64);
    }

    OutputAudit.Report report = audit();

    assertThat(report.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.check()).isEqualTo(Check.FILE);
              assertThat(problem.where()).isEqualTo("data/");
              assertThat(problem.what()).startsWith("cannot be read in full (");
            });
  }

  @Test
  void anEmptyDataFileIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Path file = Files.write(PreparedOutput.dataFile(output, "BT01"), new byte[0]);

    assertLeftOutWithCanaries(
        new Problem(Check.FILE, PreparedOutput.relative(output, file), "is empty (0 bytes)"));
  }

  @Test
  void aDataFileThatIsNotParquetIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Path file =
        Files.writeString(PreparedOutput.dataFile(output, "BT01"), "participant,trial_name\n");

    assertLeftOutWithCanaries(
        new Problem(
            Check.FILE,
            PreparedOutput.relative(output, file),
            "is not a Parquet file: it does not start with PAR1"));
  }

  @Test
  void aDataFileOfAForeignSchemaIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Path file = PreparedOutput.dataFile(output, "BT01");
    Path written = work.resolve("foreign");
    spark
        .createDataFrame(
            List.of(RowFactory.create("BT01", PreparedOutput.BT01_TRIAL, "80.59")),
            new StructType()
                .add("participant", "string")
                .add("trial_name", "string")
                .add("mass_kg", "string"))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(written.toString());
    try (Stream<Path> files = Files.list(written)) {
      Path part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }

    assertLeftOutWithCanaries(
        new Problem(
            Check.SCHEMA,
            PreparedOutput.relative(output, file),
            "has a foreign schema: no column sequence_length, imu_features, angle_features,"
                + " moment_targets; mass_kg is string, expected double"));
  }

  /**
   * The audit found {@code problem} and, of the canaries, BT02's mass (the row checks ran on BT02)
   * and BT02's trial count in metadata.json (the metadata check ran, without BT01).
   */
  private void assertLeftOutWithCanaries(Problem problem) throws IOException {
    editJson(
        "metadata.json", root -> ((ObjectNode) root.path("participants").get(1)).put("trials", 3));

    OutputAudit.Report report = audit();

    assertThat(report.problems()).containsExactly(problem, BT02_MASS, BT02_TRIALS);
    assertThat(report.notes()).isEqualTo(BT01_LEFT_OUT);
    assertThat(report.rows()).isEqualTo(1);
  }

  // A broken JSON file: one line; the row checks and the other JSON files' checks still run.

  @Test
  void garbageMetadataIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Files.writeString(output.resolve("metadata.json"), "garbage {\n");
    listMissingFile();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            new Problem(
                Check.METADATA,
                "metadata.json",
                "is not JSON: Unrecognized token 'garbage': was expecting (JSON String, Number,"
                    + " Array, Object or token 'null', 'true' or 'false') (line 1, column 1)"),
            GONE_FILE);
  }

  @Test
  void unreadableMetadataIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    replaceByFolder("metadata.json");
    listMissingFile();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            new Problem(Check.METADATA, "metadata.json", "is a folder, not a file"),
            GONE_FILE);
  }

  @Test
  void emptyMetadataIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Files.write(output.resolve("metadata.json"), new byte[0]);
    listMissingFile();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            new Problem(Check.METADATA, "metadata.json", "is empty (0 bytes)"),
            GONE_FILE);
  }

  @Test
  void garbageStatsAreOneProblemAndTheOtherChecksStillRun() throws Exception {
    Files.writeString(output.resolve("stats.json"), "{\"features\": [1, 2,");
    claimFiveTrials();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            TRIALS_WRITTEN,
            new Problem(
                Check.STATS,
                "stats.json",
                "is not JSON: Unexpected end-of-input within/between Array entries (line 1,"
                    + " column 20)"));
  }

  @Test
  void unreadableStatsAreOneProblemAndTheOtherChecksStillRun() throws Exception {
    replaceByFolder("stats.json");
    claimFiveTrials();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            TRIALS_WRITTEN,
            new Problem(Check.STATS, "stats.json", "is a folder, not a file"));
  }

  @Test
  void garbageManifestIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Files.writeString(output.resolve("manifest.json"), "[\"not\", \"a\", \"manifest\"]");
    claimFiveTrials();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            TRIALS_WRITTEN,
            new Problem(
                Check.MANIFEST, "manifest.json", "is not a JSON object: it holds an array"));
  }

  @Test
  void unreadableManifestIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    replaceByFolder("manifest.json");
    claimFiveTrials();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            TRIALS_WRITTEN,
            new Problem(Check.MANIFEST, "manifest.json", "is a folder, not a file"));
  }

  @Test
  void aManifestOfAnotherShapeIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    editJson(
        "manifest.json",
        root ->
            ((ObjectNode) root.path("participants").path("BT01"))
                .putArray("stats")
                .addObject()
                .put("count", 1));
    claimFiveTrials();

    assertThat(audit().problems())
        .containsExactly(
            BT02_MASS,
            TRIALS_WRITTEN,
            new Problem(Check.MANIFEST, "manifest.json", "is not a valid manifest: empty String"));
  }

  @Test
  void aManifestOfAnUnknownFormatIsAProblemNotASkippedCheck() throws Exception {
    editJson("manifest.json", root -> ((ObjectNode) root).put("format", 99));

    OutputAudit.Report report = new OutputAudit(spark, ConfigLoader.defaults()).run(uri());

    assertThat(report.problems())
        .containsExactly(
            new Problem(
                Check.MANIFEST,
                "manifest.json",
                "has format 99, which this version of exo-etl cannot read"));
    assertThat(report.notes()).isEmpty();
  }

  // The data folder, and the output root.

  @Test
  void aDataFolderWithoutParquetFilesIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    Files.delete(PreparedOutput.dataFile(output, "BT01"));
    Files.delete(PreparedOutput.dataFile(output, "BT02"));

    OutputAudit.Report report = audit();

    assertThat(report.problems())
        .first()
        .isEqualTo(new Problem(Check.LAYOUT, "data/", "holds no Parquet file (*.parquet)"));
    assertThat(report.problems()).filteredOn(p -> p.check() == Check.LAYOUT).hasSize(1);
    assertThat(report.problems())
        .contains(
            new Problem(Check.METADATA, "totals.trials_written", "says 2, the data has 0 trials"));
    assertThat(report.rows()).isZero();
  }

  @Test
  void anOutputWithoutDataFolderIsOneProblemAndTheOtherChecksStillRun() throws Exception {
    deleteTree(output.resolve("data"));

    List<Problem> problems = audit().problems();

    assertThat(problems).first().isEqualTo(new Problem(Check.LAYOUT, "data/", "no data folder"));
    assertThat(problems)
        .contains(
            new Problem(Check.METADATA, "totals.trials_written", "says 2, the data has 0 trials"));
  }

  @Test
  void anOutputRootThatDoesNotExistIsAMistakeInTheFlag() {
    Path missing = work.resolve("no such output");

    assertThatThrownBy(() -> new OutputAudit(spark, CONFIG).run(missing.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--output: no such folder: file:" + missing);
  }

  @Test
  void anOutputRootThatIsAFileIsAMistakeInTheFlag() throws Exception {
    Path file = PreparedOutput.dataFile(output, "BT01");

    assertThatThrownBy(() -> new OutputAudit(spark, CONFIG).run(file.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--output: is a file, not an output folder: file:" + file);
  }

  private String uri() {
    return output.toUri().toString();
  }

  /** A folder named like the file in its place: unreadable as a file even for root. */
  private void replaceByFolder(String name) throws IOException {
    Files.delete(output.resolve(name));
    Files.createDirectories(output.resolve(name).resolve("inside"));
  }

  /** The canary of the metadata check: metadata.json claims 5 trials written. */
  private void claimFiveTrials() throws IOException {
    editJson("metadata.json", root -> ((ObjectNode) root.path("totals")).put("trials_written", 5));
  }

  /** The canary of the manifest check: manifest.json lists a data file that does not exist. */
  private void listMissingFile() throws IOException {
    editJson(
        "manifest.json",
        root ->
            ((ArrayNode) root.path("participants").path("BT02").path("data_files"))
                .addObject()
                .put("path", GONE)
                .put("size", 1));
  }

  private void editJson(String name, java.util.function.Consumer<ObjectNode> edit)
      throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(output.resolve(name).toFile());
    edit.accept(root);
    JSON.writerWithDefaultPrettyPrinter().writeValue(output.resolve(name).toFile(), root);
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
