package io.macexo.exoetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sampled stack counts for the nearest specific component, running frame first. */
class ProfileCategoriesTest {
  @Test
  void aJdkFrameCountsForTheComponentThatCalledIt() {
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "java.lang.String.substring",
                    "io.macexo.exoetl.read.CsvLineReader.next",
                    "org.apache.spark.executor.Executor$TaskRunner.run")))
        .isEqualTo("line and field splitting (ByteLines, CsvLineReader)");
  }

  @Test
  void thePerTrialEnginesOwnStepsHaveTheirBuckets() {
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "io.macexo.exoetl.write.PlainFloatWriter.writeFloat",
                    "org.apache.parquet.column.impl.ColumnWriterBase.write",
                    "io.macexo.exoetl.pipeline.PerTrialEngine$AssembleTrials.call")))
        .isEqualTo("Parquet encoding and write");
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "io.macexo.exoetl.model.Moments.ofColumn",
                    "org.apache.spark.executor.Executor$TaskRunner.run")))
        .isEqualTo("per-trial statistics (Moments, TrialStats)");
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "java.util.Arrays.copyOf",
                    "io.macexo.exoetl.assemble.TrialMerger$FileLines.add",
                    "org.apache.spark.executor.Executor$TaskRunner.run")))
        .isEqualTo("row checks and the per-trial join (LineChecks, TrialMerger)");
  }

  @Test
  void theNearestSpecificFrameWins() {
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "jdk.internal.math.FloatingDecimal.readJavaFormatString",
                    "java.lang.Double.parseDouble",
                    "io.macexo.exoetl.read.NumberText.parse",
                    "io.macexo.exoetl.read.CsvLineReader.next")))
        .isEqualTo("number parsing (Double.parseDouble, NumberText)");
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "com.github.luben.zstd.ZstdOutputStreamNoFinalizer.write",
                    "org.apache.parquet.hadoop.CodecFactory$HeapBytesCompressor.compress")))
        .isEqualTo("compression (zstd, lz4)");
  }

  @Test
  void aKnownCauseAnywhereInTheStackTakesTheSample() {
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "java.util.zip.ZipFile$Source.getEntryPos",
                    "org.apache.hadoop.conf.Configuration.loadResource",
                    "io.macexo.exoetl.read.SensorFileReader$ParseFiles.call",
                    "org.apache.spark.sql.execution.aggregate.ObjectHashAggregateExec.doExecute")))
        .isEqualTo("Hadoop Configuration built per file (XML parsing, jar look-ups)");
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "sun.nio.ch.Net.accept",
                    "sun.nio.ch.ServerSocketChannelImpl.implAccept",
                    "org.apache.spark.network.server.TransportServer.init")))
        .isEqualTo("idle waits (epoll, accept: server and event-loop threads)");
  }

  @Test
  void aProjectionCountsForTheOperatorThatRunsIt() {
    assertThat(
            ProfileCategories.classify(
                List.of(
                    "org.apache.spark.sql.catalyst.expressions.UnsafeRow.copy",
                    "org.apache.spark.sql.execution.aggregate.ObjectAggregationIterator.next")))
        .isEqualTo("aggregation (collect_list, sort_array, min issue)");
  }

  @Test
  void stacksWithoutASpecificFrameFallIntoACoarseBucket() {
    assertThat(
            ProfileCategories.classify(
                List.of("java.util.HashMap.get", "org.apache.spark.scheduler.DAGScheduler.run")))
        .isEqualTo("Spark, other");
    assertThat(ProfileCategories.classify(List.of("com.example.Thing.run")))
        .isEqualTo(ProfileCategories.OTHER);
  }
}
