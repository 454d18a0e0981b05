package io.macexo.exoetl.audit;

import io.macexo.exoetl.model.Locations;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The data files as {@link DataFileAudit} found them: those every other check reads, those left
 * out, and the problems that left them out (and those of the data folder itself).
 */
record DataFiles(List<Path> readable, List<Path> leftOut, List<Problem> problems) {
  DataFiles {
    readable = List.copyOf(readable);
    leftOut = List.copyOf(leftOut);
    problems = List.copyOf(problems);
  }

  /** No data file to read, for the one problem of the data folder. */
  static DataFiles broken(Problem problem) {
    return new DataFiles(List.of(), List.of(), List.of(problem));
  }

  /**
   * The rows of the readable files, read with the dataset's schema (each file was checked to have
   * it); an empty Dataset when no file is readable, so that every other check still runs. Each path
   * goes to Spark as a literal glob ({@code model/Locations}): a folder name may hold {@code [},
   * {@code ?} or {@code *}.
   */
  Dataset<Row> read(SparkSession spark, StructType schema) {
    if (readable.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark
        .read()
        .schema(schema)
        .parquet(readable.stream().map(Locations::literalGlob).toArray(String[]::new));
  }

  Coverage coverage() {
    return Coverage.without(leftOut);
  }
}
