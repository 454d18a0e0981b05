package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.OutputColumns;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.model.ReasonCode;
import io.macexo.exoetl.model.Reject;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.synth.SynthResult;
import io.macexo.exoetl.testing.FileKind;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.ReferenceTrialReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepare on a synth --defects tree it has never seen: every written cell equals an independent
 * reading of the CSVs, every defect is rejected with the code it was built for, nothing is lost.
 */
class SynthEndToEndTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static SparkSession spark;
  @TempDir static Path work;
  private static SynthResult synth;
  private static PrepareResult result;
  private static List<Row> rows;

  @BeforeAll
  static void run() throws Exception {
    spark = LocalSpark.start("SynthEndToEndTest");
    synth =
        SynthGenerator.generate(
            new SynthOptions(work.resolve("Parsed"), List.of("BT01", "BT13"), 4, 0.05, 7L, true));
    PrepareOptions options =
        new PrepareOptions(
            synth.root().toUri().toString(),
            work.resolve("out").toUri().toString(),
            List.of(),
            CONFIG);
    result = new PrepareJob(spark, options).execute();
    rows = spark.read().parquet(work.resolve("out/data").toString()).collectAsList();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everyDefectIsRejectedWithTheCodeItWasBuiltFor() {
    Map<TrialId, ReasonCode> rejected =
        result.rejects().stream().collect(Collectors.toMap(Reject::trial, Reject::code));
    assertThat(rejected).isEqualTo(synth.intendedRejects());
    assertThat(result.rejects()).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
  }

  @Test
  void everyTrialFolderIsWrittenOrRejectedExactlyOnce() throws Exception {
    Set<String> folders = new TreeSet<>();
    try (Stream<Path> participants = Files.list(synth.root())) {
      for (Path participant : participants.filter(Files::isDirectory).toList()) {
        try (Stream<Path> trials = Files.list(participant)) {
          trials
              .filter(Files::isDirectory)
              .forEach(t -> folders.add(participant.getFileName() + "/" + t.getFileName()));
        }
      }
    }
    Set<String> written =
        rows.stream()
            .map(r -> r.getAs(OutputColumns.PARTICIPANT) + "/" + r.getAs(OutputColumns.TRIAL_NAME))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> rejected =
        result.rejects().stream().map(r -> r.trial().toString()).collect(Collectors.toSet());
    assertThat(written).hasSize(rows.size()).doesNotContainAnyElementsOf(rejected);
    Set<String> union = new HashSet<>(written);
    union.addAll(rejected);
    assertThat(union).isEqualTo(folders);
    assertThat(result.trialsFound()).isEqualTo(folders.size()).isEqualTo(synth.trials());
    assertThat(written).hasSize(8);
  }

  @Test
  void everyWrittenCellEqualsAnIndependentReadingOfTheCsv() throws Exception {
    for (Row row : rows) {
      String participant = row.getAs(OutputColumns.PARTICIPANT);
      String trial = row.getAs(OutputColumns.TRIAL_NAME);
      Path folder = synth.root().resolve(participant).resolve(trial);
      List<float[]> imu =
          ReferenceTrialReader.read(folder, participant, trial, FileKind.EXO, CONFIG);
      assertThat(row.<Integer>getAs(OutputColumns.SEQUENCE_LENGTH)).as(trial).isEqualTo(imu.size());
      assertThat(row.<Double>getAs(OutputColumns.MASS_KG))
          .isEqualTo(CONFIG.massOf(participant).orElseThrow());
      assertMatrix(row, OutputColumns.IMU_FEATURES, imu, trial);
      assertMatrix(
          row,
          OutputColumns.ANGLE_FEATURES,
          ReferenceTrialReader.read(folder, participant, trial, FileKind.ANGLE, CONFIG),
          trial);
      assertMatrix(
          row,
          OutputColumns.MOMENT_TARGETS,
          ReferenceTrialReader.read(folder, participant, trial, FileKind.MOMENT, CONFIG),
          trial);
    }
  }

  @Test
  void theRealDataQuirksSurviveAsNanNotAsRejections() {
    long rowsWithNan =
        rows.stream()
            .filter(
                r ->
                    containsNan(r, OutputColumns.MOMENT_TARGETS)
                        || containsNan(r, OutputColumns.IMU_FEATURES))
            .count();
    assertThat(rowsWithNan).isPositive();
  }

  private static boolean containsNan(Row row, String column) {
    for (float[] values : matrix(row, column)) {
      for (float value : values) {
        if (Float.isNaN(value)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void assertMatrix(Row row, String column, List<float[]> expected, String trial) {
    List<float[]> actual = matrix(row, column);
    assertThat(actual).as(trial + " " + column).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i))
          .as(trial + " " + column + " row " + i)
          .containsExactly(expected.get(i));
    }
  }

  private static List<float[]> matrix(Row row, String column) {
    List<float[]> result = new ArrayList<>();
    for (Object inner : row.getList(row.fieldIndex(column))) {
      List<Float> values =
          scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<Float>) inner);
      float[] array = new float[values.size()];
      for (int i = 0; i < array.length; i++) {
        array[i] = values.get(i);
      }
      result.add(array);
    }
    return result;
  }
}
