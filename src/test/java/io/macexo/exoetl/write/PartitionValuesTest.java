package io.macexo.exoetl.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.model.OutputLayout;
import io.macexo.exoetl.model.PartitionValues;
import io.macexo.exoetl.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Participant folder names are escaped exactly as Spark's partitioned writer escapes them. */
class PartitionValuesTest {
  private static final List<String> NAMES =
      List.of(
          "BT01",
          "my data",
          "a#b",
          "50%",
          "x+y&z",
          "why?",
          "Zoë",
          "a=b:c",
          "q'\"*[]^{}\\",
          "t\tab");
  private static SparkSession spark;
  @TempDir Path work;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("PartitionValuesTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void folderNamesEqualSparksOwnAndDecodeBack() throws Exception {
    spark
        .createDataset(NAMES, Encoders.STRING())
        .toDF("subject")
        .selectExpr("subject", "subject AS participant")
        .write()
        .partitionBy("subject")
        .parquet(work.resolve("spark").toString());
    List<String> spark;
    try (Stream<Path> folders = Files.list(work.resolve("spark"))) {
      spark =
          folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }

    assertThat(NAMES.stream().map(OutputLayout::folderName).sorted().toList()).isEqualTo(spark);
    for (String name : NAMES) {
      assertThat(OutputLayout.participantOf(OutputLayout.folderName(name))).contains(name);
    }
  }

  @Test
  void aPercentSignWithoutTwoHexDigitsStaysAsItIs() {
    assertThat(PartitionValues.unescape("50%")).isEqualTo("50%");
    assertThat(PartitionValues.unescape("%4")).isEqualTo("%4");
    assertThat(PartitionValues.unescape("%41%4a")).isEqualTo("AJ");
  }
}
