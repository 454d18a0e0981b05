package io.macexo.exoetl.bench;

import java.util.List;
import java.util.Optional;

/**
 * Buckets a sampled stack into what prepare was doing. Three passes over the stack, running frame
 * first:
 *
 * <ol>
 *   <li>a frame anywhere in the stack that marks work done for a known cause outside the data path
 *       (loading a Hadoop Configuration, encoding Rows for Spark, code generation, discovery,
 *       building the cache, an idle server thread) puts the whole sample there, whatever it calls;
 *   <li>otherwise the nearest frame of a data-path component decides (number parsing, char
 *       decoding, CSV splitting, file reading, compression, Parquet, shuffle and sort, aggregation,
 *       join, the float cast), so a {@code String.substring} called by the CSV parser counts as CSV
 *       splitting and a projection called by the aggregation counts as aggregation;
 *   <li>otherwise the nearest frame of a coarse bucket (Spark SQL expressions, other Spark, Hadoop,
 *       Scala, JDK).
 * </ol>
 */
final class ProfileCategories {
  /** A bucket and the frame name prefixes ({@code class.method}) that belong to it. */
  record Category(String label, List<String> prefixes) {
    boolean matches(String frame) {
      for (String prefix : prefixes) {
        if (frame.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  static final String OTHER = "other";

  static final List<Category> CAUSES =
      List.of(
          new Category(
              "Hadoop Configuration built per file (XML parsing, jar look-ups)",
              List.of("org.apache.hadoop.conf.Configuration")),
          new Category(
              "Row encoding for Spark (createDataFrame: Row and Double[] to UnsafeRow)",
              List.of("org.apache.spark.sql.catalyst.encoders")),
          new Category(
              "code generation (Janino)",
              List.of("org.codehaus.janino", "org.codehaus.commons.compiler")),
          new Category("discovery (driver listing)", List.of("io.macexo.exoetl.discover")),
          new Category(
              "idle waits (epoll, accept: server and event-loop threads)",
              List.of(
                  "io.netty.channel.epoll.Native.epollWait",
                  "sun.nio.ch.Net.accept",
                  "sun.nio.ch.EPoll.wait")),
          new Category(
              "cache build and scan (persist MEMORY_AND_DISK)",
              List.of("org.apache.spark.sql.execution.columnar")));

  static final List<Category> DATA_PATH =
      List.of(
          new Category(
              "number parsing (Double.parseDouble, NumberText)",
              List.of(
                  "jdk.internal.math.FloatingDecimal",
                  "java.lang.Double.parseDouble",
                  "io.macexo.exoetl.read.NumberText")),
          new Category(
              "char decoding (UTF-8 bytes to chars)",
              List.of("sun.nio.cs.UTF_8", "sun.nio.cs.StreamDecoder", "java.io.InputStreamReader")),
          new Category(
              "line and field splitting (ByteLines, CsvLineReader)",
              List.of("io.macexo.exoetl.read.ByteLines", "io.macexo.exoetl.read.CsvLineReader")),
          new Category(
              "row checks and the per-trial join (LineChecks, TrialMerger)",
              List.of("io.macexo.exoetl.validate", "io.macexo.exoetl.assemble")),
          new Category(
              "per-trial statistics (Moments, TrialStats)",
              List.of("io.macexo.exoetl.model.Moments", "io.macexo.exoetl.model.TrialStats")),
          new Category(
              "file reading (Hadoop local file system)",
              List.of(
                  "org.apache.hadoop.fs",
                  "java.io.FileInputStream",
                  "sun.nio.ch.FileChannelImpl",
                  "sun.nio.ch.FileDispatcherImpl")),
          new Category(
              "compression (zstd, lz4)",
              List.of(
                  "com.github.luben.zstd",
                  "net.jpountz",
                  "io.airlift.compress",
                  "org.apache.hadoop.io.compress",
                  "org.apache.parquet.hadoop.codec")),
          new Category(
              "Parquet encoding and write",
              List.of(
                  "org.apache.parquet",
                  "org.apache.spark.sql.execution.datasources.parquet",
                  "io.macexo.exoetl.write")),
          new Category("run report (report.html)", List.of("io.macexo.exoetl.report")),
          new Category(
              "cast to float arrays (transform)",
              List.of("org.apache.spark.sql.catalyst.expressions.ArrayTransform")),
          new Category(
              "shuffle, external sort, spill, serialization",
              List.of(
                  "org.apache.spark.shuffle",
                  "org.apache.spark.util.collection",
                  "org.apache.spark.storage",
                  "org.apache.spark.serializer",
                  "org.apache.spark.io",
                  "org.apache.spark.sql.execution.UnsafeRowSerializer",
                  "org.apache.spark.sql.execution.UnsafeExternalRowSorter",
                  "org.apache.spark.sql.execution.SortExec",
                  "org.apache.spark.sql.execution.exchange")),
          new Category(
              "aggregation (collect_list, sort_array, min issue)",
              List.of(
                  "org.apache.spark.sql.execution.aggregate",
                  "org.apache.spark.sql.catalyst.expressions.aggregate")),
          new Category(
              "join (sort-merge, full outer)", List.of("org.apache.spark.sql.execution.joins")));

  static final List<Category> COARSE =
      List.of(
          new Category(
              "Spark SQL expressions (generated projections, UnsafeRow writes)",
              List.of(
                  "org.apache.spark.sql.catalyst.expressions",
                  "org.apache.spark.sql.catalyst.util",
                  "org.apache.spark.sql.execution.WholeStageCodegen")),
          new Category(
              "Spark write path (FileFormatWriter)",
              List.of("org.apache.spark.sql.execution.datasources")),
          new Category("Spark, other", List.of("org.apache.spark")),
          new Category("Hadoop, other", List.of("org.apache.hadoop")),
          new Category("Scala library", List.of("scala.")),
          new Category("JDK, other", List.of("java.", "jdk.", "sun.")));

  private ProfileCategories() {}

  /** The bucket of a stack given as frame names, running frame first. */
  static String classify(List<String> frames) {
    return anywhere(CAUSES, frames)
        .or(() -> nearest(DATA_PATH, frames))
        .or(() -> anywhere(COARSE, frames))
        .orElse(OTHER);
  }

  /** The first category, in list order, that matches any frame. */
  private static Optional<String> anywhere(List<Category> categories, List<String> frames) {
    for (Category category : categories) {
      for (String frame : frames) {
        if (category.matches(frame)) {
          return Optional.of(category.label());
        }
      }
    }
    return Optional.empty();
  }

  /** The category of the frame nearest the top that matches one. */
  private static Optional<String> nearest(List<Category> categories, List<String> frames) {
    for (String frame : frames) {
      for (Category category : categories) {
        if (category.matches(frame)) {
          return Optional.of(category.label());
        }
      }
    }
    return Optional.empty();
  }
}
