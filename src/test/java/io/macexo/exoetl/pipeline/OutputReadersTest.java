package io.macexo.exoetl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.FileKind;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
  void sparkReadsTheDataFolderWithOneParticipantColumn() {
    List<Row> rows =
        spark
            .read()
            .parquet(output.resolve("data").toString())
            .groupBy("participant")
            .count()
            .orderBy("participant")
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("BT01=2", "BT13=1");
    assertThat(spark.read().parquet(output.resolve("data").toString()).columns())
        .containsOnlyOnce("participant");
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
          .allMatch(n -> n.matches("participant=BT(01|13)/part-[^/]+\\.zstd\\.parquet"))
          .anyMatch(n -> n.startsWith("participant=BT01/"))
          .anyMatch(n -> n.startsWith("participant=BT13/"));
    }
  }
}
