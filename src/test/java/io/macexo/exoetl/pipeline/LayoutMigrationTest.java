package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.IncrementalPlan;
import io.macexo.exoetl.model.PrepareResult;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output written by an older exo-etl ({@code data/participant=BT01/}, a format 1 manifest) is
 * moved to {@code data/subject=BT01/} by the next run, never left with both layouts.
 */
class LayoutMigrationTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;
  @TempDir Path work;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("LayoutMigrationTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void anOldLayoutOutputIsMovedAndItsParticipantsRebuiltOnce() throws Exception {
    Path input = tree();
    Path output = work.resolve("out");
    prepare(input, output);
    List<String> before = rows(output);
    makeLegacy(output);

    PrepareResult migrated = prepare(input, output);

    assertThat(migrated.migrated()).containsExactly("BT01", "BT02");
    assertThat(migrated.plan().with(IncrementalPlan.Change.CHANGED))
        .containsExactly("BT01", "BT02");
    assertThat(folders(output)).containsExactly("subject=BT01", "subject=BT02");
    assertThat(rows(output)).isEqualTo(before);
    JsonNode manifest = JSON.readTree(output.resolve("manifest.json").toFile());
    assertThat(manifest.path("format").asInt()).isEqualTo(2);
    assertThat(manifest.toString()).doesNotContain("participant=");
    assertThat(
            spark
                .read()
                .parquet(output.resolve("trials/trials.parquet").toString())
                .where("data_file IS NULL OR imu_features_nan_share IS NULL")
                .count())
        .isZero();
    PrepareResult again = prepare(input, output);
    assertThat(again.nothingToDo()).isTrue();
    assertThat(again.migrated()).isEmpty();
  }

  @Test
  void aParticipantInBothLayoutsKeepsOnlyTheNewFolder() throws Exception {
    Path input = tree();
    Path output = work.resolve("out");
    prepare(input, output);
    List<String> before = rows(output);
    copyFolder(output.resolve("data/subject=BT02"), output.resolve("data/participant=BT02"));

    PrepareResult result = prepare(input, output);

    assertThat(result.migrated()).containsExactly("BT02");
    assertThat(folders(output)).containsExactly("subject=BT01", "subject=BT02");
    assertThat(rows(output)).isEqualTo(before);
  }

  private Path tree() throws Exception {
    TrialTreeBuilder tree = new TrialTreeBuilder(work.resolve("Parsed"), CONFIG);
    tree.trial("BT01", "normal_walk_1_1-2_on", 30);
    tree.trial("BT01", "jump_1_1_vertical_on", 20);
    tree.trial("BT02", "squats_1_1_off", 25);
    return tree.root();
  }

  private static PrepareResult prepare(Path input, Path output) throws Exception {
    return new PrepareJob(
            spark,
            new PrepareOptions(
                input.toUri().toString(), output.toUri().toString(), List.of(), CONFIG))
        .execute();
  }

  /** What an exo-etl of the old layout left: participant= folders and a format 1 manifest. */
  private static void makeLegacy(Path output) throws Exception {
    for (String participant : List.of("BT01", "BT02")) {
      Files.move(
          output.resolve("data/subject=" + participant),
          output.resolve("data/participant=" + participant));
    }
    String manifest =
        Files.readString(output.resolve("manifest.json"))
            .replace("\"format\" : 2", "\"format\" : 1")
            .replace("data/subject=", "data/participant=");
    assertThat(manifest).contains("\"format\" : 1");
    Files.writeString(output.resolve("manifest.json"), manifest);
  }

  private static List<String> folders(Path output) throws Exception {
    try (Stream<Path> entries = Files.list(output.resolve("data"))) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> rows(Path output) {
    return spark
        .read()
        .option("recursiveFileLookup", "true")
        .parquet(output.resolve("data").toString())
        .orderBy("participant", "trial_name")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .toList();
  }

  private static void copyFolder(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
