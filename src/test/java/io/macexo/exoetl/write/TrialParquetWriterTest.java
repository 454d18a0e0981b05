package io.macexo.exoetl.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.config.OutputSettings;
import io.macexo.exoetl.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct writer must produce what Spark's own Parquet writer produces for the same rows: the
 * same message type, the same values read back (nulls, empty lists, NaN, infinities, -0.0), the
 * same Spark schema, and a file other readers accept.
 */
class TrialParquetWriterTest {
  private static final OutputSettings SETTINGS = new OutputSettings("zstd", 1024 * 1024, false);
  private static SparkSession spark;
  @TempDir Path work;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("TrialParquetWriterTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final org.apache.spark.sql.types.StructType SCHEMA =
      DatasetSchema.of(io.macexo.exoetl.config.ConfigLoader.defaults().selection());

  private static DataFileSpec spec() {
    return new DataFileSpec(SCHEMA, SETTINGS, spark.version());
  }

  @Test
  void messageTypeEqualsSparksConversionOfTheDatasetSchema() {
    assertThat(ParquetSchema.of(SCHEMA))
        .isEqualTo(new SparkToParquetSchemaConverter(new SQLConf()).convert(SCHEMA));
  }

  @Test
  void rowsReadBackAsSparkWritesThemIncludingNullsEmptiesAndSpecialFloats() throws Exception {
    List<Row> rows = new ArrayList<>();
    float[][] special = {{Float.NaN, -0.0f, Float.POSITIVE_INFINITY}, {1.5f, -2.25f, 1e-30f}};
    rows.add(row("BT01", "a_trial", 61.5, special, new float[][] {{1f}}, new float[][] {{2f}}));
    rows.add(row("BT01", "b_no_mass", null, new float[0][], null, new float[][] {{3f, 4f}}));
    rows.add(
        row("BT01", "c_ragged", 70.0, new float[][] {null, {}, {5f}}, special, new float[0][]));
    for (int i = 0; i < 3; i++) {
      rows.add(row("BT01", "d_random_" + i, 80.0 + i, random(i, 500, 24), random(i, 500, 4), null));
    }

    Path direct = work.resolve("direct.parquet");
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(direct.toUri());
    try (TrialParquetWriter writer =
        new TrialParquetWriter(FileSystem.getLocal(conf), path, conf, spec())) {
      for (Row row : rows) {
        writer.write(
            row.getString(0),
            row.getString(1),
            row.isNullAt(2) ? null : row.getDouble(2),
            row.getInt(3),
            java.util.Arrays.asList(
                (float[][]) row.get(4), (float[][]) row.get(5), (float[][]) row.get(6)));
      }
      assertThat(writer.rows()).isEqualTo(rows.size());
    }
    Path bySpark = work.resolve("spark");
    spark
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", "zstd")
        .parquet(bySpark.toString());

    var directRead = spark.read().parquet(direct.toString());
    var sparkRead = spark.read().parquet(bySpark.toString());
    assertThat(directRead.schema()).isEqualTo(sparkRead.schema());
    // Compared as text: Scala's equality of boxed floats says NaN differs from NaN.
    assertThat(directRead.orderBy("trial_name").collectAsList().stream().map(Row::toString))
        .containsExactlyElementsOf(
            sparkRead.orderBy("trial_name").collectAsList().stream().map(Row::toString).toList())
        .hasSize(rows.size());
    assertThat(Files.exists(work.resolve(".direct.parquet.crc"))).isFalse();
  }

  @Test
  void rowGroupsCloseAtTheConfiguredSizeAndTheFooterCarriesSparksSchema() throws Exception {
    Path file = work.resolve("groups.parquet");
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    int trials = 12;
    try (TrialParquetWriter writer =
        new TrialParquetWriter(FileSystem.getLocal(conf), path, conf, spec())) {
      for (int i = 0; i < trials; i++) {
        // About 800 KB of floats a trial: more than a row group's 1 MB every two trials.
        writer.write(
            "BT02",
            "t" + i,
            1.0,
            6000,
            java.util.Arrays.asList(random(i, 6000, 24), random(i, 6000, 4), null));
      }
    }
    ParquetMetadata footer;
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
      footer = reader.getFooter();
    }
    assertThat(footer.getBlocks().size()).isBetween(trials / 3, trials);
    assertThat(footer.getBlocks().stream().mapToLong(b -> b.getRowCount()).sum()).isEqualTo(trials);
    assertThat(footer.getFileMetaData().getKeyValueMetaData())
        .containsEntry(ParquetFileSink.SPARK_ROW_METADATA, SCHEMA.json())
        .containsEntry(ParquetFileSink.SPARK_VERSION_METADATA, spark.version());
    assertThat(spark.read().parquet(file.toString()).count()).isEqualTo(trials);
  }

  @Test
  void aTaskWritesOneFilePerParticipantAndTheDriverKeepsOnlyReportedFiles() throws Exception {
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(work.resolve("s").toUri());
    List<String> files;
    try (ParticipantFileWriter writer =
        new ParticipantFileWriter(staging, conf, spec(), "part-00001-x-a0")) {
      for (String participant : List.of("BT01", "BT01", "BT02")) {
        writer
            .forParticipant(participant)
            .write(
                participant,
                "t",
                1.0,
                1,
                java.util.Arrays.asList(new float[][] {{1f}}, null, null));
      }
      files = writer.finish();
    }
    assertThat(files)
        .hasSize(2)
        .allSatisfy(f -> assertThat(f).endsWith("/part-00001-x-a0.zstd.parquet"));
    // A failed attempt's leftover: not reported, so removed.
    Path orphan = work.resolve("s/subject=BT02/part-00001-x-a1.zstd.parquet");
    Files.writeString(orphan, "partial");
    FileSystem fs = FileSystem.getLocal(conf);
    assertThat(StagingFiles.keepOnly(fs, staging, files)).hasSize(1);
    try (Stream<Path> left = Files.walk(work.resolve("s"))) {
      assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsOnly("part-00001-x-a0.zstd.parquet");
    }
    assertThat(spark.read().parquet(staging.toString()).count()).isEqualTo(3);
  }

  private static Row row(
      String participant,
      String trial,
      Double mass,
      float[][] imu,
      float[][] angle,
      float[][] moment) {
    return RowFactory.create(participant, trial, mass, imu.length, imu, angle, moment);
  }

  private static float[][] random(int seed, int rows, int width) {
    Random random = new Random(seed * 31L + width);
    float[][] matrix = new float[rows][width];
    for (float[] row : matrix) {
      for (int c = 0; c < width; c++) {
        row[c] = (float) random.nextGaussian();
      }
    }
    return matrix;
  }
}
