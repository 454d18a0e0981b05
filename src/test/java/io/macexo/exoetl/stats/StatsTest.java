package io.macexo.exoetl.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.macexo.exoetl.config.ConfigLoader;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.model.Moments;
import io.macexo.exoetl.oracle.Engines;
import io.macexo.exoetl.pipeline.PrepareJob;
import io.macexo.exoetl.pipeline.PrepareOptions;
import io.macexo.exoetl.pipeline.RunProgress;
import io.macexo.exoetl.synth.SynthGenerator;
import io.macexo.exoetl.synth.SynthOptions;
import io.macexo.exoetl.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * stats.json must equal a direct two-pass computation over the written arrays, to double precision.
 */
class StatsTest {
  private static final EtlConfig CONFIG = ConfigLoader.defaults();
  private static SparkSession spark;
  @TempDir static Path work;
  private static Path input;

  @BeforeAll
  static void setUp() throws Exception {
    spark = LocalSpark.start("StatsTest");
    input =
        SynthGenerator.generate(
                new SynthOptions(
                    work.resolve("Parsed"), List.of("BT01", "BT06", "BT13"), 3, 0.03, 5L, false))
            .root();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void featureStatisticsEqualADirectComputation(Engines engine) throws Exception {
    Path output = work.resolve("out-" + engine);
    new PrepareJob(
            spark,
            new PrepareOptions(
                input.toUri().toString(), output.toUri().toString(), List.of(), CONFIG),
            RunProgress.NONE,
            engine.create())
        .execute();
    JsonNode stats = new ObjectMapper().readTree(Files.readString(output.resolve("stats.json")));
    List<Row> rows = spark.read().parquet(output.resolve("data").toString()).collectAsList();

    assertFeatures(stats.path("features"), rows);
    for (String participant : List.of("BT01", "BT06", "BT13")) {
      assertFeatures(
          stats.path("participants").path(participant).path("features"),
          rows.stream().filter(r -> r.getAs("participant").equals(participant)).toList());
    }
    assertThat(stats.path("sequence_length").path("count").asInt()).isEqualTo(rows.size());
    int total = 0;
    for (JsonNode bin : stats.path("sequence_length").path("histogram")) {
      total += bin.path("count").asInt();
    }
    assertThat(total).isEqualTo(rows.size());
  }

  private static void assertFeatures(JsonNode features, List<Row> rows) {
    assertThat(features).hasSize(32);
    for (int feature = 0; feature < 32; feature++) {
      double[] direct = direct(rows, feature);
      JsonNode node = features.get(feature);
      assertThat(node.path("count").asLong())
          .as(node.path("name").asText())
          .isEqualTo((long) direct[0]);
      assertThat(node.path("nan_count").asLong()).isEqualTo((long) direct[1]);
      if (direct[0] > 0) {
        assertThat(node.path("mean").asDouble())
            .isCloseTo(direct[2], within(1e-9 * Math.max(1, Math.abs(direct[2]))));
        assertThat(node.path("std").asDouble())
            .isCloseTo(direct[3], within(1e-9 * Math.max(1, direct[3])));
        assertThat(node.path("min").asDouble()).isEqualTo(direct[4]);
        assertThat(node.path("max").asDouble()).isEqualTo(direct[5]);
      }
    }
  }

  /** count, NaN count, mean, population std, min, max: plain two passes in double. */
  private static double[] direct(List<Row> rows, int feature) {
    String column =
        feature < 24 ? "imu_features" : feature < 28 ? "angle_features" : "moment_targets";
    int index = feature < 24 ? feature : feature < 28 ? feature - 24 : feature - 28;
    double count = 0;
    double nans = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    List<Double> values = new java.util.ArrayList<>();
    for (Row row : rows) {
      for (Object sample : row.getList(row.fieldIndex(column))) {
        float value = ((scala.collection.Seq<Float>) sample).apply(index);
        if (Float.isNaN(value)) {
          nans++;
        } else {
          values.add((double) value);
          count++;
          sum += value;
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
    }
    double mean = sum / count;
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return new double[] {count, nans, mean, Math.sqrt(squares / count), min, max};
  }

  @Test
  void momentsMergeLikeOnePass() {
    float[][] all = {{1f}, {2f}, {Float.NaN}, {4f}, {8f}};
    Moments whole = Moments.ofColumn(all, 0);
    Moments merged =
        Moments.ofColumn(new float[][] {{1f}, {2f}}, 0)
            .merge(Moments.ofColumn(new float[][] {{Float.NaN}, {4f}, {8f}}, 0));
    assertThat(merged.count()).isEqualTo(4).isEqualTo(whole.count());
    assertThat(merged.nanCount()).isEqualTo(1);
    assertThat(merged.mean()).isCloseTo(3.75, within(1e-12));
    assertThat(merged.std())
        .isCloseTo(
            Math.sqrt((2.75 * 2.75 + 1.75 * 1.75 + 0.25 * 0.25 + 4.25 * 4.25) / 4), within(1e-12));
    assertThat(merged.min()).isEqualTo(1.0);
    assertThat(merged.max()).isEqualTo(8.0);
    assertThat(Moments.EMPTY.merge(whole)).isEqualTo(whole);
  }
}
