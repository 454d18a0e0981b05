package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.testing.CapturedOutput;
import io.macexo.exoetl.testing.FileKind;
import io.macexo.exoetl.testing.LocalSpark;
import io.macexo.exoetl.testing.TrialTreeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output must read right outside Spark: DuckDB with a plain glob and no Hive options (what the
 * Hub's datasets library does: no folder-name columns), and Spark reading the data folder.
 */
class OutputReadersTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static SparkSession spark;
  @TempDir static Path work;
  private static Path output;

  @BeforeAll
  static void prepare() throws Exception {
    spark = LocalSpark.start("OutputReadersTest");
    TrialTreeBuilder tree = new TrialTreeBuilder(work.resolve("Parsed"), CONFIG);
    tree.trial("BT01", "normal_walk_1_1-2_on", 12);
    tree.trial("BT01", "squats_1_1_off", 7);
    tree.trial("BT13", "jump_1_1_vertical_on", 9);
    output = work.resolve("out");
    new PrepareJob(
            spark,
            new PrepareOptions(
                tree.root().toUri().toString(), output.toUri().toString(), List.of(), CONFIG))
        .execute();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void duckDbReadsEveryRowWithParticipantAsARealColumnAndFloatMatrices() throws Exception {
    String glob = output.resolve("data").toString() + "/**/*.parquet";
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      Map<String, String> types = new LinkedHashMap<>();
      try (ResultSet rs =
          statement.executeQuery(
              "DESCRIBE SELECT * FROM read_parquet('" + glob + "', hive_partitioning = false)")) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2));
        }
      }
      assertThat(types)
          .containsExactly(
              Map.entry("participant", "VARCHAR"),
              Map.entry("trial_name", "VARCHAR"),
              Map.entry("mass_kg", "DOUBLE"),
              Map.entry("sequence_length", "INTEGER"),
              Map.entry("imu_features", "FLOAT[][]"),
              Map.entry("angle_features", "FLOAT[][]"),
              Map.entry("moment_targets", "FLOAT[][]"));
      List<String> rows = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT participant, trial_name, sequence_length, len(imu_features), len(imu_features[1]), "
                  + "imu_features[3][5], moment_targets[7][4] FROM read_parquet('"
                  + glob
                  + "') ORDER BY participant, trial_name")) {
        while (rs.next()) {
          rows.add(
              rs.getString(1)
                  + "/"
                  + rs.getString(2)
                  + " "
                  + rs.getInt(3)
                  + " "
                  + rs.getInt(4)
                  + "x"
                  + rs.getInt(5)
                  + " "
                  + rs.getFloat(6)
                  + " "
                  + rs.getFloat(7));
        }
      }
      float imu = (float) TrialTreeBuilder.value(FileKind.EXO, 4, 8346 + 2);
      float moment = (float) TrialTreeBuilder.value(FileKind.MOMENT, 3, 8346 + 6);
      assertThat(rows)
          .containsExactly(
              "BT01/normal_walk_1_1-2_on 12 12x24 " + imu + " " + moment,
              "BT01/squats_1_1_off 7 7x24 " + imu + " " + moment,
              "BT13/jump_1_1_vertical_on 9 9x24 " + imu + " " + moment);
    }
  }

  @Test
  void sparkReadsTheDataFolderWithItsPlainCallAndNoWarning() {
    List<Row> rows;
    String[] columns;
    String logged;
    try (CapturedOutput captured = CapturedOutput.start()) {
      Dataset<Row> data = spark.read().parquet(output.resolve("data").toString());
      columns = data.columns();
      rows =
          data.groupBy("participant", "subject")
              .agg(
                  functions.count("*"),
                  functions.max(functions.size(functions.col("imu_features"))))
              .orderBy("participant")
              .collectAsList();
      logged = captured.text();
    }
    assertThat(rows)
        .extracting(
            r -> r.getString(0) + " " + r.getString(1) + " " + r.getLong(2) + " " + r.getInt(3))
        .containsExactly("BT01 BT01 2 12", "BT13 BT13 1 9");
    assertThat(columns)
        .containsExactly(
            "participant",
            "trial_name",
            "mass_kg",
            "sequence_length",
            "imu_features",
            "angle_features",
            "moment_targets",
            "subject");
    assertThat(logged).doesNotContain("WARN", "COLUMN_ALREADY_EXISTS", "ERROR");
  }

  @Test
  void theTrialsTableHasOneRowPerWrittenTrialWithWhatItsNameSays() {
    List<Row> rows =
        spark
            .read()
            .parquet(output.resolve("trials").toString())
            .orderBy("participant", "trial_name")
            .collectAsList();
    assertThat(rows)
        .extracting(
            r ->
                String.join(
                    " ",
                    r.getAs("participant"),
                    r.getAs("trial_name"),
                    r.getAs("task_family"),
                    String.valueOf((Object) r.getAs("exo_power")),
                    String.valueOf((Object) r.getAs("descriptor")),
                    String.valueOf((Object) r.getAs("speed_m_s")),
                    String.valueOf((Object) r.getAs("sequence_length")),
                    String.valueOf((Object) r.getAs("imu_features_nan_share"))))
        .containsExactly(
            "BT01 normal_walk_1_1-2_on normal_walk on 1-2 1.2 12 0.0",
            "BT01 squats_1_1_off squats off null null 7 0.0",
            "BT13 jump_1_1_vertical_on jump on vertical null 9 0.0");
    assertThat(rows)
        .allSatisfy(
            r ->
                assertThat(output.resolve(r.<String>getAs("data_file")))
                    .exists()
                    .hasParent(output.resolve("data/subject=" + r.getAs("participant"))));
  }

  @Test
  void onlyParquetFilesInOneFolderPerParticipant() throws Exception {
    try (Stream<Path> files = Files.walk(output.resolve("data"))) {
      List<String> names =
          files
              .filter(Files::isRegularFile)
              .map(p -> output.resolve("data").relativize(p).toString())
              .sorted()
              .toList();
      assertThat(names)
          .isNotEmpty()
          .allMatch(n -> n.matches("subject=BT(01|13)/part-[^/]+\\.zstd\\.parquet"))
          .anyMatch(n -> n.startsWith("subject=BT01/"))
          .anyMatch(n -> n.startsWith("subject=BT13/"));
    }
  }
}
