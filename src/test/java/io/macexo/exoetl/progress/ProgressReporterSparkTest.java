package io.macexo.exoetl.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.macexo.exoetl.pipeline.RunProgress;
import io.macexo.exoetl.testing.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real local job adds to the named accumulator; the reporter's listener counts it. */
class ProgressReporterSparkTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("ProgressReporterSparkTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** What the engine does per trial, on executors: a named static class, no captured outer. */
  private static final class CountTrial implements VoidFunction<Integer> {
    private final LongAccumulator trials;
    private final LongAccumulator other;

    CountTrial(LongAccumulator trials, LongAccumulator other) {
      this.trials = trials;
      this.other = other;
    }

    @Override
    public void call(Integer trial) {
      trials.add(1);
      other.add(5);
    }
  }

  @Test
  void countsTheTrialsTheTasksReport() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    LongAccumulator trials = spark.sparkContext().longAccumulator(RunProgress.TRIALS_ACCUMULATOR);
    LongAccumulator other = spark.sparkContext().longAccumulator("some other count");
    try (ProgressReporter progress = ProgressReporter.start(spark.sparkContext(), 20, out)) {
      progress.stage(RunProgress.Stage.WRITING);
      List<Integer> ids = IntStream.range(0, 20).boxed().toList();
      JavaSparkContext.fromSparkContext(spark.sparkContext())
          .parallelize(ids, 4)
          .foreach(new CountTrial(trials, other));
      progress.awaitCount(java.time.Duration.ofSeconds(10));
      assertThat(progress.done()).isEqualTo(20);
    }
    assertThat(trials.value()).isEqualTo(20);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("[exo-etl] writing: 0/20 trials (0.0 %)");
    assertThat(lines.get(lines.size() - 1))
        .startsWith("[exo-etl] writing: 20/20 trials (100.0 %), elapsed ");
  }
}
